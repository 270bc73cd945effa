public import Foundation
import GRDB
public import LifecourseCore

extension StoreTransaction {
    /// The import of a master file, by the SHA-256 of its bytes, if it was loaded before.
    public func masterImport(digest: Data) throws -> MasterImportRecord? {
        try reader.masterImports(digest: digest).first
    }

    /// Starts recording the load of a master file; ``finishMasterImport(_:rowsRead:rowsLoaded:problems:)`` sets
    /// its counts in the same transaction.
    public func beginMasterImport(digest: Data, fileName: String, kind: String) throws -> Int64 {
        try insert("""
            INSERT INTO research.master_import (file_digest, file_name, kind, rows_read, rows_loaded, problems, imported_at)
            VALUES (?, ?, ?, 0, 0, 0, ?)
            """, [digest, fileName, kind, Timestamp.now()])
    }

    public func finishMasterImport(_ id: Int64, rowsRead: Int, rowsLoaded: Int, problems: Int) throws {
        try execute("UPDATE research.master_import SET rows_read = ?, rows_loaded = ?, problems = ? WHERE master_import_id = ?",
                    [rowsRead, rowsLoaded, problems, id])
    }

    /// Stores one version of a code; a version already loaded (same master, code and first day) is replaced.
    public func upsertMasterCode(_ row: MasterCode, importID: Int64) throws {
        try execute("""
            INSERT OR REPLACE INTO research.master_code (kind, code, valid_from, valid_until, name, kana, icd10,
                icd10_second, yj_code, management_number, exchange_code, unit, amount, master_import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [row.kind, row.code, row.validFrom?.description ?? "", row.validUntil?.description, row.name, row.kana,
                  row.icd10.first, row.icd10.dropFirst().first, row.yjCode, row.managementNumber, row.exchangeCode,
                  row.unit, row.amount, importID])
    }
}
