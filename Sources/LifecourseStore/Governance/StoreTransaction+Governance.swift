public import Foundation
import GRDB

/// A new receipt before its counts are known.
public struct NewReceipt: Sendable {
    public var digest: Data
    public var fileName: String
    public var fileSize: Int
    public var format: String

    public init(digest: Data, fileName: String, fileSize: Int, format: String) {
        self.digest = digest
        self.fileName = fileName
        self.fileSize = fileSize
        self.format = format
    }
}

/// The counts of a finished ingest.
public struct ReceiptCounts: Sendable, Hashable {
    public var institution: String?
    public var recordsRead = 0
    public var unitsRead = 0
    public var unitsAccepted = 0
    public var unitsQuarantined = 0
    public var unknownRecords = 0
    public var warnings: [String] = []

    public init() {}
}

/// A unit to quarantine.
public struct NewQuarantineEntry: Sendable {
    public var firstLine: Int?
    public var lastLine: Int?
    public var problemLine: Int?
    public var problemColumn: Int?
    public var problemCount: Int
    public var problem: String
    public var raw: Data

    public init(firstLine: Int?, lastLine: Int?, problemLine: Int?, problemColumn: Int?, problemCount: Int,
                problem: String, raw: Data) {
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.problemLine = problemLine
        self.problemColumn = problemColumn
        self.problemCount = problemCount
        self.problem = problem
        self.raw = raw
    }
}

extension StoreTransaction {
    /// The receipt of a file already received, by the SHA-256 of its bytes.
    public func receipt(digest: Data) throws -> ReceiptRecord? {
        try reader.receipt(digest: digest)
    }

    /// How many units (claims) of a file are in the research store (see ``StoreReader/storedUnitCount(fileDigest:)``).
    public func storedUnitCount(fileDigest: Data) throws -> Int {
        try reader.storedUnitCount(fileDigest: fileDigest)
    }

    /// Removes a receipt whose rows did not all reach the store, with its quarantined units.
    public func deleteReceipt(_ id: Int64) throws {
        try execute("DELETE FROM governance.quarantine WHERE receipt_id = ?", [id])
        try execute("DELETE FROM governance.receipt WHERE receipt_id = ?", [id])
    }

    /// Starts a receipt record; its counts are set by ``finishReceipt(_:of:counts:)`` in the same transaction.
    public func beginReceipt(_ receipt: NewReceipt) throws -> Int64 {
        let sealedName = rawCipher.seal(receipt.fileName, context: "governance.receipt.file_name|\(receipt.digest.hex)")
        return try insert("""
            INSERT INTO governance.receipt (file_digest, sealed_file_name, file_size, format, received_at, records_read,
                units_read, units_accepted, units_quarantined, unknown_records)
            VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0)
            """, [receipt.digest, sealedName, receipt.fileSize, receipt.format, Timestamp.now()])
    }

    /// Remembers a file path (by its keyed hash) as this ingest found it, so that the next one can skip it unread
    /// while it stays the same.
    public func rememberPath(key: Data, as found: ReceivedPath) throws {
        try execute("""
            INSERT OR REPLACE INTO governance.received_path (path_key, file_size, modified_ns, file_digest)
            VALUES (?, ?, ?, ?)
            """, [key, found.size, found.modifiedNS, found.digest])
    }

    /// Sets a receipt's counts and returns the receipt as stored, without reading it back (``beginReceipt(_:)``'s
    /// receipt gives what the row holds).
    @discardableResult
    public func finishReceipt(_ id: Int64, of receipt: NewReceipt, counts: ReceiptCounts) throws -> ReceiptRecord {
        let warnings = counts.warnings.isEmpty ? nil : rawCipher.seal(
            String(decoding: try JSONEncoder().encode(counts.warnings), as: UTF8.self),
            context: "governance.receipt.warnings|\(receipt.digest.hex)")
        try execute("""
            UPDATE governance.receipt SET institution = ?, records_read = ?, units_read = ?, units_accepted = ?,
                units_quarantined = ?, unknown_records = ?, sealed_warnings = ?
            WHERE receipt_id = ?
            """, [counts.institution, counts.recordsRead, counts.unitsRead, counts.unitsAccepted,
                  counts.unitsQuarantined, counts.unknownRecords, warnings, id])
        let receivedAt = try String.fetchOne(
            db.cachedStatement(sql: "SELECT received_at FROM governance.receipt WHERE receipt_id = ?"),
            arguments: [id]) ?? ""
        return ReceiptRecord(
            id: id, sha256: receipt.digest.hex, fileName: receipt.fileName, fileSize: receipt.fileSize,
            format: receipt.format, institution: counts.institution, receivedAt: receivedAt,
            recordsRead: counts.recordsRead, unitsRead: counts.unitsRead, unitsAccepted: counts.unitsAccepted,
            unitsQuarantined: counts.unitsQuarantined, unknownRecords: counts.unknownRecords, warnings: counts.warnings)
    }

    /// Stores a quarantined unit; its problem and raw lines are encrypted (they may hold identities).
    public func quarantine(_ entry: NewQuarantineEntry, receiptID: Int64) throws {
        let context = "governance.quarantine|\(receiptID)|\(entry.firstLine ?? 0)"
        try execute("""
            INSERT INTO governance.quarantine (receipt_id, first_line, last_line, problem_line, problem_column,
                problem_count, sealed_problem, sealed_raw, quarantined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [receiptID, entry.firstLine, entry.lastLine, entry.problemLine, entry.problemColumn, entry.problemCount,
                  rawCipher.seal(entry.problem, context: context + "|problem"),
                  rawCipher.seal(entry.raw, context: context + "|raw"), Timestamp.now()])
    }
}
