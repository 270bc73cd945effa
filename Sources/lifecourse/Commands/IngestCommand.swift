import ArgumentParser
import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseIngest
import LifecourseStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Receive files: record a receipt, link persons, store rows, quarantine what cannot be read.",
        discussion: """
            Each file is stored whole or not at all; files are committed together in batches of about \
            --batch-megabytes of input, so a crash loses at most the current batch, whose files the next run \
            takes again. SS-MIX2 storage is walked like any folder: files marked superseded (condition flag 0) \
            are ignored, misplaced or misnamed files are reported, and a file whose path, size and modification \
            time are those of a file stored before is not read again. A run of at least 64 MB that is large beside the store is a bulk load: the research \
            zone's indexes by person are built at its end (or at the next opening if it is killed). A file received before (same SHA-256) is reported and changes nothing. \
            Exit status: 0 when every file was stored whole or had been received before; 3 when some units \
            (claims) were quarantined or some files failed while others were stored; 1 when nothing could be stored.
            """
    )

    /// Exit status when part of the input was stored and part quarantined or refused.
    static let partialExitCode: Int32 = 3

    @Argument(help: ArgumentHelp("Files or folders to ingest (folders are walked recursively).", valueName: "path"))
    var paths: [String]

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "When to show progress on standard error: auto (on a terminal), always, never.")
    var progress: ProgressMode = .auto

    @Option(help: "How many megabytes of input one commit covers (larger batches write fewer index pages twice).")
    var batchMegabytes = Ingestor.defaultBatchBytes >> 20

    @Option(help: ArgumentHelp(
        "The hospital that sent SS-MIX2 storage, by its 10-digit code (都道府県 2 + 点数表 1 + 医療機関コード 7).",
        discussion: "Without it: the name of the folder holding the storage when it is such a code, else each message's MSH-4.",
        valueName: "code"))
    var institution: String?

    func validate() throws {
        guard (1...4096).contains(batchMegabytes) else {
            throw ValidationError("--batch-megabytes must be between 1 and 4096 (got \(batchMegabytes))")
        }
        if let institution {
            do {
                _ = try InstitutionCode(institution)
            } catch {
                throw ValidationError("--institution: \(error)")
            }
        }
    }

    func run() throws {
        let store = try dataOptions.openStore()
        let line = ProgressLine(mode: progress)
        let reports: [IngestReport]
        do {
            var ingestor = Ingestor(store: store)
            ingestor.batchBytes = batchMegabytes << 20
            ingestor.institution = try institution.map { try InstitutionCode($0) }
            reports = try ingestor.ingest(paths: paths) { state in
                guard !state.isBuildingIndexes else {
                    return line.update("all \(state.fileCount) files stored; building the indexes by person (bulk load)")
                }
                let percent = state.fileSize > 0 ? state.bytesRead * 100 / state.fileSize : 100
                line.update("[\(state.fileIndex + 1)/\(state.fileCount)] \(state.file): \(percent)%, "
                            + "\(state.unitsRead) units read")
            }
        } catch let error as IngestError {
            throw UserError(error.description)
        } catch let error as ValueError {
            throw UserError("--institution: \(error)")
        }
        line.finish()
        if output.json {
            try Console.printJSON(reports)
        } else {
            for report in reports { print(Self.describe(report)) }
        }
        try Self.flush(store)
        let accepted = reports.reduce(0) { $0 + $1.acceptedNow }
        let refused = reports.reduce(0) { $0 + $1.quarantinedNow } + reports.filter { $0.status == .failed }.count
        let received = reports.contains { $0.status == .alreadyReceived || $0.status == .unchanged }
        if refused > 0 {
            throw ExitCode(accepted > 0 || received ? Self.partialExitCode : ExitCode.failure.rawValue)
        }
    }

    /// Commits do not sync each file to disk; one sync at the end of the command makes the whole run durable.
    static func flush(_ store: SQLiteStore) throws {
        do {
            try store.flush()
        } catch {
            throw UserError("""
                the files above were stored, but syncing the store to disk failed (\(error)); until it succeeds a \
                power cut could roll back the last of them. Check the disk, then run any ingest again to sync.
                """)
        }
    }

    static func describe(_ report: IngestReport) -> String {
        switch report.status {
        case .failed:
            return "failed: \(report.message ?? report.file)"
        case .unchanged:
            return "\(report.file): unchanged since it was stored (receipt \(report.receipt?.id ?? 0)); not read again"
        case .ignored:
            return "ignored: \(report.message ?? report.file)"
        case .alreadyReceived:
            let receipt = report.receipt!
            return "\(report.file): already received on \(receipt.receivedAt) (receipt \(receipt.id), sha256 "
                + "\(receipt.sha256.prefix(12))…); nothing changed"
        case .ingested:
            let receipt = report.receipt!
            let units = switch SourceFormat(rawValue: receipt.format) {
            case .deathCertificates: "death certificates"
            case .careRecords: "care records"
            case .ssmix2: "messages"
            case .checkups: "checkup documents"
            case .fhir: "FHIR patients and encounters"
            default: "claims"
            }
            var text = "\(report.file): \(receipt.unitsAccepted) \(units) accepted, \(receipt.unitsQuarantined) "
                + "quarantined, \(receipt.unknownRecords) unknown records kept (receipt \(receipt.id), sha256 "
                + "\(receipt.sha256.prefix(12))…)"
            if receipt.unitsQuarantined > 0 { text += "\n  see them with: lifecourse quarantine" }
            for warning in receipt.warnings { text += "\n  warning: \(warning)" }
            return text
        }
    }
}
