import ArgumentParser
import Foundation
import LifecourseFormats
import LifecourseIngest
import LifecourseStore

struct MastersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "masters",
        abstract: "Load the 支払基金 code masters and report the codes they do not know.",
        subcommands: [MastersImportCommand.self, MastersMissingCommand.self]
    )
}

struct MastersImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load master files (b 傷病名, s 診療行為, y 医薬品, t 特定器材, z 修飾語, c コメント) as published.",
        discussion: """
            Every version of every code is kept by its effective date (変更年月日 or 収載年月日, until 廃止年月日), \
            so older data is named as it was named then. Each file is one transaction; a file loaded before (same \
            SHA-256) changes nothing; rows that cannot be read are reported and the others loaded. Exit status: 0 \
            when every master file loaded whole, 3 when some rows or files could not be loaded, 1 when none could.
            """
    )

    @Argument(help: ArgumentHelp("Master files or folders holding them.", valueName: "path"))
    var paths: [String]

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let store = try dataOptions.openStore()
        let reports: [MasterImportReport]
        do {
            reports = try MasterImporter(store: store).load(paths: paths)
        } catch let error as IngestError {
            throw UserError(error.description)
        }
        for report in reports { print(Self.describe(report)) }
        try IngestCommand.flush(store)
        let loaded = reports.filter { $0.status == .loaded || $0.status == .alreadyLoaded }
        let troubled = reports.filter { $0.status == .failed || $0.problemCount > 0 }
        if loaded.isEmpty { throw ExitCode.failure }
        if !troubled.isEmpty { throw ExitCode(IngestCommand.partialExitCode) }
    }

    static func describe(_ report: MasterImportReport) -> String {
        switch report.status {
        case .loaded:
            let name = report.kind.flatMap(MasterKind.init(rawValue:))?.japaneseName ?? ""
            var text = "\(report.file): \(name) master, \(report.rowsLoaded) of \(report.rowsRead) rows loaded"
            for problem in report.problems { text += "\n  \(problem)" }
            if report.problemCount > report.problems.count {
                text += "\n  … and \(report.problemCount - report.problems.count) more rows that could not be read"
            }
            return text
        case .alreadyLoaded, .skipped, .failed:
            return report.message ?? report.file
        }
    }
}

struct MastersMissingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "List the codes in the research store that no loaded master knows, most used first.",
        discussion: "Such codes are kept as received; this list shows which masters (or which versions) to load."
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Show at most this many codes.")
    var limit = 50

    func run() throws {
        let (missing, counts) = try dataOptions.openExistingStore().read { reader in
            (try reader.missingMasterCodes(), try reader.masterCodeCounts())
        }
        if output.json { return try Console.printJSON(missing) }
        let loaded = MasterKind.allCases.map { "\($0.rawValue) \($0.japaneseName) \(counts[$0.rawValue] ?? 0)" }
        print("masters loaded (codes): " + loaded.joined(separator: ", "))
        if missing.isEmpty { return print("every code in the research store is in its master") }
        print("\(missing.count) codes not in their master (\(missing.reduce(0) { $0 + $1.rows }) rows):")
        Console.printTable(header: ["master", "code", "rows"], rows: missing.prefix(limit).map { code in
            let name = MasterKind(rawValue: code.kind)?.japaneseName ?? ""
            return ["\(code.kind) \(name)", code.code, String(code.rows)]
        })
        if missing.count > limit { print("… \(missing.count - limit) more; --limit or --json shows them") }
    }
}
