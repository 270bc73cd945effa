import Foundation
public import LifecourseCore
import LifecourseFormats
public import LifecourseLinkage
public import LifecourseStore

/// Receives files: detects their format, records a receipt (受領記録), links each unit's person, stores the
/// clinical rows with their lineage, and quarantines what cannot be read.
///
/// Each file is all or nothing, and files are committed together in batches of about ``batchBytes`` (one commit per
/// small file would rewrite the same index pages thousands of times). A file that fails is rolled back alone (its
/// batch is then stored again, each file in a savepoint: see `storeBatch`); a crash or a failed commit leaves the
/// store as it was before the batch, and its files, which have no receipt, are taken again by the next run. The
/// same file received again (same SHA-256) changes nothing.
public struct Ingestor: Sendable {
    public let store: SQLiteStore
    public let linker: any PersonLinker
    /// How many bytes of input one commit covers by default.
    public static let defaultBatchBytes = 256 << 20
    /// How many bytes of input one commit covers (a file is never split).
    public var batchBytes = Ingestor.defaultBatchBytes
    /// A run of at least this many bytes that would about double the research zone or more is a bulk load: the
    /// zone's indexes by person are dropped before it and built after it (see `SQLiteStore+BulkLoad`).
    public var bulkLoadMinimumBytes = 64 << 20
    /// The hospital that sent SS-MIX2 storage, when the command names it (else the storage's folder, else MSH-4).
    public var institution: InstitutionCode?
    /// How many threads read ahead (see ``ReadAhead/defaultLanes``).
    var readingThreads = ReadAhead.defaultLanes

    public init(store: SQLiteStore, linker: any PersonLinker = DeterministicLinker()) {
        self.store = store
        self.linker = linker
    }

    /// Ingests files and folders in order; a file that fails does not stop the others.
    /// - Throws: ``IngestError`` when a path does not exist (before anything is ingested).
    public func ingest(paths: [String], progress: @escaping (IngestProgress) -> Void = { _ in }) throws -> [IngestReport] {
        let files = try InputFiles.expand(paths)
        let inputBytes = InputFiles.totalBytes(files)
        // Stored rows take about three times their input's size.
        if inputBytes >= bulkLoadMinimumBytes, inputBytes * 3 >= store.researchZoneBytes {
            // Without the drop the load is only slower; a failed rebuild is taken again at the next opening.
            try? store.suspendPersonIndexes()
        }
        defer {
            if let suspended = try? store.suspendedIndexes(), !suspended.isEmpty {
                progress(IngestProgress(file: files.last ?? "", fileIndex: files.count - 1, fileCount: files.count,
                                        bytesRead: 0, fileSize: 0, unitsRead: 0, isBuildingIndexes: true))
                try? store.restoreSuspendedIndexes()
            }
        }
        return ingest(files: files, cache: LinkCache()) { index, bytes, units, size in
            progress(IngestProgress(file: files[index], fileIndex: index, fileCount: files.count, bytesRead: bytes,
                                    fileSize: size, unitsRead: units))
        }
    }

    /// Ingests one file in its own transaction.
    public func ingest(file: String, progress: (_ bytes: Int, _ units: Int, _ size: Int) -> Void = { _, _, _ in }) -> IngestReport {
        ingest(files: [file], cache: nil) { _, bytes, units, size in progress(bytes, units, size) }[0]
    }

    /// Ingests files in batches, reusing and extending the run's links when there is a cache. Other threads read
    /// ahead (``ReadAhead``) while this one links and stores.
    func ingest(files: [String], cache: LinkCache?,
                progress: (_ file: Int, _ bytes: Int, _ units: Int, _ size: Int) -> Void) -> [IngestReport] {
        ingest(files[...], inSavepoints: false, cache: cache, progress: progress)
    }

    /// Reads every file of `files` (on threads of their own) and stores them in batches; reports them in order.
    private func ingest(_ files: ArraySlice<String>, inSavepoints: Bool, cache: LinkCache?,
                        progress: (_ file: Int, _ bytes: Int, _ units: Int, _ size: Int) -> Void) -> [IngestReport] {
        let reading = ReadAhead(files: Array(files), store: store, institution: institution, lanes: readingThreads)
        defer { reading.wait() }
        var reports: [IngestReport] = []
        reports.reserveCapacity(files.count)
        while reports.count < files.count {
            reports += storeBatch(files[(files.startIndex + reports.count)...], from: reading,
                                  inSavepoints: inSavepoints, cache: cache, progress: progress)
        }
        return reports
    }

    /// Stores the first files of `files` in one transaction, up to about ``batchBytes``, and reports them.
    ///
    /// Without `inSavepoints` the files are written straight into the transaction. A savepoint per file costs
    /// SQLite a copy of every page the file changes that existed before it (its statement journal, a temporary
    /// file): 3.5 million writes of 100,000 persons' claims, a tenth to a quarter of the ingest's time, most of the
    /// kernel's. So a file that fails then fails its batch: the transaction is rolled back and the batch's files are
    /// read and stored again, each in a savepoint, so that the failing file is rolled back alone (when it was the
    /// batch's first file, the rollback was that).
    private func storeBatch(_ files: ArraySlice<String>, from reading: ReadAhead, inSavepoints: Bool,
                            cache: LinkCache?,
                            progress: (_ file: Int, _ bytes: Int, _ units: Int, _ size: Int) -> Void) -> [IngestReport] {
        let first = files.startIndex
        var batch: [IngestReport] = []
        do {
            try store.writeWithoutForeignKeyChecks { transaction in
                var bytes = 0
                while first + batch.count < files.endIndex, batch.isEmpty || bytes < batchBytes {
                    let index = first + batch.count
                    let (report, size) = try ingest(reading.nextFile(), from: reading, in: transaction,
                                                    inSavepoint: inSavepoints, cache: cache) {
                        progress(index, $0, $1, $2)
                    }
                    batch.append(report)
                    bytes += size
                }
            }
            cache?.commit()
            return batch
        } catch let failure as FileFailure {
            cache?.discard()
            if batch.isEmpty { return [failure.report] }
            return ingest(files[first...(first + batch.count)], inSavepoints: true, cache: cache, progress: progress)
        } catch {
            cache?.discard()
            if batch.isEmpty {
                // The transaction did not begin: the next file's messages are still waiting.
                reading.skipFile()
            }
            return files[first..<(first + max(batch.count, 1))].map { file in
                IngestReport(file: file, status: .failed, receipt: nil,
                             message: "\(file): the store could not commit it (\(error)); nothing from this file was stored")
            }
        }
    }

    /// A file failed after it may have written rows, outside a savepoint: only rolling back its transaction undoes it.
    private struct FileFailure: Error {
        let report: IngestReport
    }

    /// Stores one prepared file inside a batch's transaction, in a savepoint when `inSavepoint`; returns its report
    /// and size.
    /// - Throws: ``FileFailure`` when the file failed outside a savepoint (else a failure is its report).
    private func ingest(_ file: PreparedFile, from reading: ReadAhead, in transaction: StoreTransaction,
                        inSavepoint: Bool, cache: LinkCache?,
                        progress: (_ bytes: Int, _ units: Int, _ size: Int) -> Void) throws(FileFailure) -> (IngestReport, Int) {
        let digest: Data, format: SourceFormat, receivedBefore: Bool
        switch file.state {
        case .ready(let fileDigest, let fileFormat, let before):
            (digest, format, receivedBefore) = (fileDigest, fileFormat, before)
        case .unchanged(let receipt):
            return (IngestReport(file: file.path, status: .unchanged, receipt: receipt, message: nil), file.size)
        case .ignored(let message):
            return (IngestReport(file: file.path, status: .ignored, receipt: nil, message: message), file.size)
        case .refused(let message):
            return (IngestReport(file: file.path, status: .failed, receipt: nil, message: message), file.size)
        }
        var ended = false
        func storeFile() throws -> IngestReport {
            try store(file, digest: digest, format: format, receivedBefore: receivedBefore, from: reading,
                      ended: &ended, in: transaction, cache: cache) { progress($0, $1, file.size) }
        }
        do {
            let report = inSavepoint ? try transaction.savepoint(storeFile) : try storeFile()
            cache?.fileStored()
            return (report, file.size)
        } catch {
            if !ended { reading.skipRest() }
            cache?.fileFailed()
            let report = IngestReport(file: file.path, status: .failed, receipt: nil,
                                      message: "\(file.path): \(error); nothing from this file was stored")
            guard inSavepoint else { throw FileFailure(report: report) }
            return (report, file.size)
        }
    }

    private func store(_ file: PreparedFile, digest: Data, format: SourceFormat, receivedBefore: Bool,
                       from reading: ReadAhead, ended: inout Bool, in transaction: StoreTransaction, cache: LinkCache?,
                       progress: (_ bytes: Int, _ units: Int) -> Void) throws -> IngestReport {
        if let receipt = try transaction.receipt(digest: digest) {
            // The zones are separate SQLite files: a crash in the instant between their commits could leave a
            // receipt without its rows. Such a file is taken again rather than skipped.
            if try transaction.storedUnitCount(fileDigest: digest) == receipt.unitsAccepted {
                reading.skipRest()
                ended = true
                try remember(file, digest: digest, in: transaction)
                return IngestReport(file: file.path, status: .alreadyReceived, receipt: receipt, message: nil)
            }
            try transaction.deleteReceipt(receipt.id)
        }
        if receivedBefore {
            throw IngestError("the store changed while the file was read (another ingest at the same time?); ingest it again")
        }
        try transaction.deleteRows(fromFile: digest)
        let newReceipt = NewReceipt(digest: digest, fileName: file.path, fileSize: file.size, format: format.rawValue)
        let receiptID = try transaction.beginReceipt(newReceipt)
        var writer = FileEventWriter(
            writer: SourceRecordWriter(transaction: transaction, linker: linker, digest: digest, cache: cache),
            receiptID: receiptID)
        var recordsRead = 0
        reading: while true {
            switch reading.take() {
            case .events(let events, let bytesRead):
                for event in events { try writer.write(event) }
                reading.giveBack(events)
                progress(bytesRead, writer.counts.unitsRead)
            case .end(let records, let failure):
                ended = true
                if let failure { throw IngestError(failure) }
                recordsRead = records
                break reading
            case .file:
                preconditionFailure("the read-ahead queue lost its order: a file began before the last one ended")
            }
        }
        var counts = writer.counts
        counts.recordsRead = recordsRead
        let receipt = try transaction.finishReceipt(receiptID, of: newReceipt, counts: counts)
        try remember(file, digest: digest, in: transaction)
        return IngestReport(file: file.path, status: .ingested, receipt: receipt, message: nil)
    }

    /// Remembers the file's path as found, so that the next ingest of its folder skips it while it stays the same.
    private func remember(_ file: PreparedFile, digest: Data, in transaction: StoreTransaction) throws {
        guard let found = file.found else { return }
        try transaction.rememberPath(key: found.key, as: ReceivedPath(size: found.size, modifiedNS: found.modifiedNS,
                                                                      digest: digest))
    }
}
