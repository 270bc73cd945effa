import Foundation
import LifecourseCore
import LifecourseFormats
public import LifecourseLinkage
public import LifecourseStore

/// Receives files: detects their format, records a receipt (受領記録), links each unit's person, stores the
/// clinical rows with their lineage, and quarantines what cannot be read.
///
/// Each file is all or nothing: it is stored inside a savepoint, and files are committed together in batches of
/// about ``batchBytes`` (one commit per small file would rewrite the same index pages thousands of times). A file
/// that fails is rolled back alone; a crash or a failed commit leaves the store as it was before the batch, and
/// its files, which have no receipt, are taken again by the next run. The same file received again (same
/// SHA-256) changes nothing.
public struct Ingestor: Sendable {
    public let store: SQLiteStore
    public let linker: any PersonLinker
    /// How many bytes of input one commit covers (a file is never split).
    public var batchBytes = 32 << 20

    public init(store: SQLiteStore, linker: any PersonLinker = DeterministicLinker()) {
        self.store = store
        self.linker = linker
    }

    /// Ingests files and folders in order; a file that fails does not stop the others.
    /// - Throws: ``IngestError`` when a path does not exist (before anything is ingested).
    public func ingest(paths: [String], progress: @escaping (IngestProgress) -> Void = { _ in }) throws -> [IngestReport] {
        let files = try InputFiles.expand(paths)
        return ingest(files: files, cache: LinkCache()) { index, bytes, units, size in
            progress(IngestProgress(file: files[index], fileIndex: index, fileCount: files.count, bytesRead: bytes,
                                    fileSize: size, unitsRead: units))
        }
    }

    /// Ingests one file in its own transaction.
    public func ingest(file: String, progress: (_ bytes: Int, _ units: Int, _ size: Int) -> Void = { _, _, _ in }) -> IngestReport {
        ingest(files: [file], cache: nil) { _, bytes, units, size in progress(bytes, units, size) }[0]
    }

    /// Ingests files in batches, reusing and extending the run's links when there is a cache.
    func ingest(files: [String], cache: LinkCache?,
                progress: (_ file: Int, _ bytes: Int, _ units: Int, _ size: Int) -> Void) -> [IngestReport] {
        var reports: [IngestReport] = []
        reports.reserveCapacity(files.count)
        var next = 0
        while next < files.count {
            let first = next
            var batch: [IngestReport] = []
            do {
                try store.write { transaction in
                    var bytes = 0
                    while next < files.count, batch.isEmpty || bytes < batchBytes {
                        let index = next
                        next += 1
                        let (report, size) = ingest(file: files[index], in: transaction, cache: cache) {
                            progress(index, $0, $1, $2)
                        }
                        batch.append(report)
                        bytes += size
                    }
                }
                cache?.commit()
                reports += batch
            } catch {
                cache?.discard()
                reports += files[first..<next].map { file in
                    IngestReport(file: file, status: .failed, receipt: nil,
                                 message: "\(file): the store could not commit it (\(error)); nothing from this file was stored")
                }
            }
        }
        return reports
    }

    /// Stores one file inside a batch's transaction, in a savepoint; returns its report and size.
    private func ingest(file: String, in transaction: StoreTransaction, cache: LinkCache?,
                        progress: (_ bytes: Int, _ units: Int, _ size: Int) -> Void) -> (IngestReport, Int) {
        let size: Int
        let digest: Data
        let format: SourceFormat
        do {
            (digest, size) = try FileDigest.read(path: file)
            guard let detected = try FormatDetector.detect(path: file) else {
                return (IngestReport(file: file, status: .failed, receipt: nil, message: """
                    \(file): not a file Lifecourse can read (a claims file starts with its IR or YK record, a death \
                    CSV with its header 受理市区町村,受理番号,氏名,…, a care file with an NT or 01 record); nothing was \
                    stored
                    """), size)
            }
            format = detected
        } catch {
            return (IngestReport(file: file, status: .failed, receipt: nil,
                                 message: "\(file): cannot be read (\(error.localizedDescription)); nothing was stored"), 0)
        }
        do {
            let report = try transaction.savepoint {
                try store(file: file, size: size, digest: digest, format: format, in: transaction, cache: cache) {
                    progress($0, $1, size)
                }
            }
            cache?.fileStored()
            return (report, size)
        } catch {
            cache?.fileFailed()
            return (IngestReport(file: file, status: .failed, receipt: nil,
                                 message: "\(file): \(error); nothing from this file was stored"), size)
        }
    }

    private func store(file: String, size: Int, digest: Data, format: SourceFormat, in transaction: StoreTransaction,
                       cache: LinkCache?, progress: (_ bytes: Int, _ units: Int) -> Void) throws -> IngestReport {
        if let receipt = try transaction.receipt(digest: digest) {
            // The zones are separate SQLite files: a crash in the instant between their commits could leave a
            // receipt without its rows. Such a file is taken again rather than skipped.
            if try transaction.storedUnitCount(fileDigest: digest) == receipt.unitsAccepted {
                return IngestReport(file: file, status: .alreadyReceived, receipt: receipt, message: nil)
            }
            try transaction.deleteReceipt(receipt.id)
        }
        try transaction.deleteRows(fromFile: digest)
        let receiptID = try transaction.beginReceipt(
            NewReceipt(digest: digest, fileName: file, fileSize: size, format: format.rawValue))
        let writer = SourceRecordWriter(transaction: transaction, linker: linker, digest: digest, cache: cache)
        let counts = switch format {
        case .medicalClaims, .pharmacyClaims:
            try ClaimsIngest(writer: writer, receiptID: receiptID).run(ClaimsFileReader(path: file), progress: progress)
        case .deathCertificates:
            try UnitIngest(writer: writer, receiptID: receiptID).run(DeathFileReader(path: file), progress: progress)
        case .careRecords:
            try UnitIngest(writer: writer, receiptID: receiptID).run(CareFileReader(path: file), progress: progress)
        }
        try transaction.finishReceipt(receiptID, counts: counts)
        return IngestReport(file: file, status: .ingested, receipt: try transaction.receipt(digest: digest), message: nil)
    }
}
