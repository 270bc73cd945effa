import Foundation
import LifecourseCore
import LifecourseFormats
public import LifecourseLinkage
public import LifecourseStore

/// Receives files: detects their format, records a receipt (受領記録), links each unit's person, stores the
/// clinical rows with their lineage, and quarantines what cannot be read.
///
/// Each file is one transaction: a crash leaves the store as it was before the file, and the same file
/// received again (same SHA-256) changes nothing.
public struct Ingestor: Sendable {
    public let store: SQLiteStore
    public let linker: any PersonLinker

    public init(store: SQLiteStore, linker: any PersonLinker = DeterministicLinker()) {
        self.store = store
        self.linker = linker
    }

    /// Ingests files and folders in order; a file that fails does not stop the others.
    /// - Throws: ``IngestError`` when a path does not exist (before anything is ingested).
    public func ingest(paths: [String], progress: @escaping (IngestProgress) -> Void = { _ in }) throws -> [IngestReport] {
        let files = try InputFiles.expand(paths)
        let cache = LinkCache()
        return files.enumerated().map { index, file in
            ingest(file: file, cache: cache) { bytes, units, size in
                progress(IngestProgress(file: file, fileIndex: index, fileCount: files.count, bytesRead: bytes,
                                        fileSize: size, unitsRead: units))
            }
        }
    }

    /// Ingests one file.
    public func ingest(file: String, progress: (_ bytes: Int, _ units: Int, _ size: Int) -> Void = { _, _, _ in }) -> IngestReport {
        ingest(file: file, cache: nil, progress: progress)
    }

    /// Ingests one file, reusing and extending the run's links when there is a cache.
    func ingest(file: String, cache: LinkCache?,
                progress: (_ bytes: Int, _ units: Int, _ size: Int) -> Void) -> IngestReport {
        let size: Int
        let digest: Data
        let format: SourceFormat
        do {
            size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
            digest = try FileDigest.sha256(path: file)
            guard let detected = try FormatDetector.detect(path: file) else {
                return IngestReport(file: file, status: .failed, receipt: nil, message: """
                    \(file): not a file Lifecourse can read (a claims file starts with its IR or YK record, a death \
                    CSV with its header 受理市区町村,受理番号,氏名,…, a care file with an NT or 01 record); nothing was \
                    stored
                    """)
            }
            format = detected
        } catch {
            return IngestReport(file: file, status: .failed, receipt: nil,
                                message: "\(file): cannot be read (\(error.localizedDescription)); nothing was stored")
        }
        do {
            let report = try store.write { transaction in
                if let receipt = try transaction.receipt(digest: digest) {
                    // The zones are separate SQLite files: a crash in the instant between their commits could
                    // leave a receipt without its rows. Such a file is taken again rather than skipped.
                    if try transaction.storedUnitCount(fileDigest: digest) == receipt.unitsAccepted {
                        return IngestReport(file: file, status: .alreadyReceived, receipt: receipt, message: nil)
                    }
                    try transaction.deleteReceipt(receipt.id)
                }
                try transaction.deleteRows(fromFile: digest)
                let receiptID = try transaction.beginReceipt(
                    NewReceipt(digest: digest, fileName: file, fileSize: size, format: format.rawValue))
                let writer = SourceRecordWriter(transaction: transaction, linker: linker, digest: digest, cache: cache)
                let reportProgress = { (bytes: Int, units: Int) in progress(bytes, units, size) }
                let counts = switch format {
                case .medicalClaims, .pharmacyClaims:
                    try ClaimsIngest(writer: writer, receiptID: receiptID)
                        .run(ClaimsFileReader(path: file), progress: reportProgress)
                case .deathCertificates:
                    try UnitIngest(writer: writer, receiptID: receiptID)
                        .run(DeathFileReader(path: file), progress: reportProgress)
                case .careRecords:
                    try UnitIngest(writer: writer, receiptID: receiptID)
                        .run(CareFileReader(path: file), progress: reportProgress)
                }
                try transaction.finishReceipt(receiptID, counts: counts)
                let receipt = try transaction.receipt(digest: digest)
                return IngestReport(file: file, status: .ingested, receipt: receipt, message: nil)
            }
            cache?.commit()
            return report
        } catch {
            cache?.discard()
            return IngestReport(file: file, status: .failed, receipt: nil,
                                message: "\(file): \(error); nothing from this file was stored")
        }
    }
}
