public import Foundation
import GRDB

extension StoreReader {
    /// All receipt records, oldest first.
    public func receipts() throws -> [ReceiptRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM governance.receipt ORDER BY receipt_id").map(receiptRecord)
    }

    /// The receipt of a file, by the SHA-256 of its bytes.
    public func receipt(digest: Data) throws -> ReceiptRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM governance.receipt WHERE file_digest = ?"), arguments: [digest])
            .map(receiptRecord)
    }

    /// How many units (claims, deaths, care records, messages) of a file are in the research store — each unit has
    /// one lineage row — checked against the receipt, so that an interrupted write can be recognised and repeated.
    public func storedUnitCount(fileDigest: Data) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: Self.unitCountSQL), arguments: [fileDigest]) ?? 0
    }

    /// Counted from the lineage rows' file index alone: a lookup per file whatever the size of the store.
    static let unitCountSQL = "SELECT count(*) FROM research.source_record WHERE file_digest = ?"

    /// What the store remembers of a file path it took before (by its keyed hash): size, modification time and the
    /// SHA-256 of the bytes stored.
    public func receivedPath(key: Data) throws -> ReceivedPath? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM governance.received_path WHERE path_key = ?"),
                         arguments: [key]).map {
            ReceivedPath(size: $0["file_size"], modifiedNS: $0["modified_ns"], digest: $0["file_digest"])
        }
    }

    /// Whether a file (by SHA-256) was received before with all its accepted units in the research store.
    public func isReceivedWhole(digest: Data) throws -> Bool {
        guard let accepted = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT units_accepted FROM governance.receipt WHERE file_digest = ?"),
            arguments: [digest]) else { return false }
        return try storedUnitCount(fileDigest: digest) == accepted
    }

    /// SQLite's plan for a query, one line per step (for tests that a query uses its indexes).
    func queryPlan(_ sql: String) throws -> [String] {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: [Data()]).map { $0["detail"] }
    }

    /// Quarantined units, oldest first; `includeRaw` decrypts their lines as received.
    public func quarantine(includeRaw: Bool = false) throws -> [QuarantineEntry] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT q.*, r.sealed_file_name, r.file_digest FROM governance.quarantine q
            JOIN governance.receipt r USING (receipt_id) ORDER BY q.quarantine_id
            """)
        return try rows.map { row in
            let receiptID: Int64 = row["receipt_id"]
            let firstLine: Int? = row["first_line"]
            let context = "governance.quarantine|\(receiptID)|\(firstLine ?? 0)"
            let raw: String? = includeRaw
                ? RawText.decode(try rawCipher.open(row["sealed_raw"], context: context + "|raw")) : nil
            return QuarantineEntry(
                id: row["quarantine_id"], receiptID: receiptID,
                fileName: try rawCipher.openText(row["sealed_file_name"],
                                                 context: "governance.receipt.file_name|\((row["file_digest"] as Data).hex)"),
                firstLine: firstLine, lastLine: row["last_line"], problemLine: row["problem_line"],
                problemColumn: row["problem_column"], problemCount: row["problem_count"],
                problem: try rawCipher.openText(row["sealed_problem"], context: context + "|problem"),
                quarantinedAt: row["quarantined_at"], rawText: raw)
        }
    }

    private func receiptRecord(_ row: Row) throws -> ReceiptRecord {
        let digest: Data = row["file_digest"]
        let warnings: [String] = try (row["sealed_warnings"] as Data?).map { sealed in
            let text = try rawCipher.open(sealed, context: "governance.receipt.warnings|\(digest.hex)")
            return try JSONDecoder().decode([String].self, from: text)
        } ?? []
        return ReceiptRecord(
            id: row["receipt_id"], sha256: digest.hex,
            fileName: try rawCipher.openText(row["sealed_file_name"], context: "governance.receipt.file_name|\(digest.hex)"),
            fileSize: row["file_size"], format: row["format"], institution: row["institution"],
            receivedAt: row["received_at"], recordsRead: row["records_read"], unitsRead: row["units_read"],
            unitsAccepted: row["units_accepted"], unitsQuarantined: row["units_quarantined"],
            unknownRecords: row["unknown_records"], warnings: warnings)
    }
}

/// Raw bytes shown to an operator: UTF-8 (death CSVs) or CP932 (claims), else UTF-8 with replacements.
enum RawText {
    /// Death CSVs are UTF-8 and claims CP932; Japanese text in CP932 is almost never valid UTF-8, so UTF-8 is tried
    /// first.
    static func decode(_ data: Data) -> String {
        String(validating: Array(data), as: UTF8.self) ?? String(data: data, encoding: .shiftJIS)
            ?? String(decoding: data, as: UTF8.self)
    }
}

/// A file path as a previous ingest found it.
public struct ReceivedPath: Sendable, Hashable {
    public var size: Int
    /// The modification time in nanoseconds since 1970.
    public var modifiedNS: Int64
    public var digest: Data

    public init(size: Int, modifiedNS: Int64, digest: Data) {
        self.size = size
        self.modifiedNS = modifiedNS
        self.digest = digest
    }
}
