public import Foundation
import GRDB
public import LifecourseCore

extension StoreReader {
    /// The master files loaded, oldest first; with a digest, the load of that file only.
    public func masterImports(digest: Data? = nil) throws -> [MasterImportRecord] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM research.master_import WHERE ? IS NULL OR file_digest = ? ORDER BY master_import_id
            """, arguments: [digest, digest]).map { row in
            MasterImportRecord(id: row["master_import_id"], sha256: (row["file_digest"] as Data).hex,
                               fileName: row["file_name"], kind: row["kind"], rowsRead: row["rows_read"],
                               rowsLoaded: row["rows_loaded"], problems: row["problems"], importedAt: row["imported_at"])
        }
    }

    /// The version of a code in force on `date`: the latest version starting on or before it; without a date, or
    /// when every version starts later, the latest version.
    public func masterCode(kind: String, code: String, on date: CalendarDate? = nil) throws -> MasterCode? {
        Self.inForce(try masterVersions(kind: kind, code: code), on: date)
    }

    /// The master version naming a code of a research row, by the row's code system, in force on `date`.
    public func masterCode(vocabulary: String, code: String, on date: CalendarDate?) throws -> MasterCode? {
        Self.inForce(try masterVersions(vocabulary: vocabulary, code: code), on: date)
    }

    /// Every version of a code of a research row's code system, latest first (none for a system without master).
    func masterVersions(vocabulary: String, code: String) throws -> [MasterCode] {
        guard let kind = Self.codedColumns.first(where: { $0.3 == vocabulary })?.0 else { return [] }
        return try masterVersions(kind: kind, code: code)
    }

    /// Every version of a code, latest first.
    func masterVersions(kind: String, code: String) throws -> [MasterCode] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM research.master_code WHERE kind = ? AND code = ? ORDER BY valid_from DESC
            """), arguments: [kind, code]).map(masterCodeRow)
    }

    /// The latest version starting on or before `date` (a version without a start date always counts); without a
    /// date, or when every version starts later, the latest version.
    static func inForce(_ versions: [MasterCode], on date: CalendarDate?) -> MasterCode? {
        date.flatMap { day in versions.first { $0.validFrom.map { $0 <= day } ?? true } } ?? versions.first
    }

    /// How many codes each master holds (latest versions counted once).
    public func masterCodeCounts() throws -> [String: Int] {
        var counts = [String: Int]()
        for row in try Row.fetchAll(db, sql: "SELECT kind, count(DISTINCT code) AS n FROM research.master_code GROUP BY kind") {
            counts[row["kind"]] = row["n"]
        }
        return counts
    }

    /// The codes used in the research store that the loaded masters do not know, most used first; reported so
    /// that they can be looked at, never dropped. Codes of a system without a loaded master are all listed.
    public func missingMasterCodes() throws -> [MissingMasterCode] {
        var missing = [MissingMasterCode]()
        for (kind, table, column, vocabulary) in Self.codedColumns {
            for row in try Row.fetchAll(db, sql: """
                SELECT t.\(column) AS code, count(*) AS n FROM research.\(table) t
                WHERE t.source_vocabulary = ? AND NOT EXISTS (
                    SELECT 1 FROM research.master_code m WHERE m.kind = ? AND m.code = t.\(column))
                GROUP BY t.\(column)
                """, arguments: [vocabulary, kind]) {
                missing.append(MissingMasterCode(kind: kind, code: row["code"], rows: row["n"]))
            }
        }
        // Modifiers are stored as a space-separated list on the diagnosis.
        let modifiers = Set(try String.fetchAll(db, sql: "SELECT code FROM research.master_code WHERE kind = 'z'"))
        var unknown = [String: Int]()
        for row in try Row.fetchAll(db, sql: """
            SELECT modifiers, count(*) AS n FROM research.condition_occurrence WHERE modifiers IS NOT NULL GROUP BY modifiers
            """) {
            for code in (row["modifiers"] as String).split(separator: " ").map(String.init) where !modifiers.contains(code) {
                unknown[code, default: 0] += row["n"] as Int
            }
        }
        missing += unknown.map { MissingMasterCode(kind: "z", code: $0.key, rows: $0.value) }
        return missing.sorted { ($1.rows, $0.kind, $0.code) < ($0.rows, $1.kind, $1.code) }
    }

    /// Which research column holds the codes of which master.
    static let codedColumns = [
        ("b", "condition_occurrence", "condition_source_value", CodeSystem.claimsDisease.rawValue),
        ("s", "procedure_occurrence", "procedure_source_value", CodeSystem.claimsProcedure.rawValue),
        ("y", "drug_exposure", "drug_source_value", CodeSystem.claimsDrug.rawValue),
        ("t", "device_exposure", "device_source_value", CodeSystem.claimsDevice.rawValue),
        ("c", "note", "note_source_value", CodeSystem.claimsComment.rawValue),
    ]

    private func masterCodeRow(_ row: Row) throws -> MasterCode {
        let from: String = row["valid_from"]
        return MasterCode(
            kind: row["kind"], code: row["code"], validFrom: from.isEmpty ? nil : try CalendarDate(iso: from),
            validUntil: try (row["valid_until"] as String?).map { try CalendarDate(iso: $0) }, name: row["name"],
            kana: row["kana"], icd10: [row["icd10"] as String?, row["icd10_second"] as String?].compactMap { $0 },
            yjCode: row["yj_code"], managementNumber: row["management_number"], exchangeCode: row["exchange_code"],
            unit: row["unit"], amount: row["amount"])
    }
}
