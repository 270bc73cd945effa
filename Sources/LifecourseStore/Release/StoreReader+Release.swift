import Foundation
import GRDB
public import LifecourseCore

/// A person as a release starts from: sex, year and month of birth, and the prefecture of the institution that
/// sent most of their claims (the research zone holds no address).
public struct ReleasePerson: Sendable, Hashable {
    public var id: ResearchID
    public var sex: Sex
    public var yearOfBirth: Int?
    public var monthOfBirth: Int?
    public var prefecture: String?
}

/// Which persons a release takes: those with a diagnosis and a drug among the given ones (each list may be empty:
/// then it does not restrict), within the period. A diagnosis is a receipt disease code (7 digits) or the start of
/// an ICD-10 code (`E11`); a drug a receipt drug code (9 digits) or the start of a YJ code (`3969`). ICD-10 and YJ
/// come from the row itself or from the loaded masters.
public struct CohortFilter: Sendable, Hashable, Codable {
    public var diagnoses: [String]
    public var drugs: [String]
    /// `YYYY-MM-DD`, inclusive; nil for no bound.
    public var from: String?
    public var to: String?

    public init(diagnoses: [String] = [], drugs: [String] = [], from: String? = nil, to: String? = nil) {
        self.diagnoses = diagnoses
        self.drugs = drugs
        self.from = from
        self.to = to
    }
}

/// One row of a release table, before the release's rules: the person, the date, and the table's values.
public struct ReleaseRow: Sendable, Hashable {
    public var person: ResearchID
    public var date: String
    public var values: [String: String]

    public init(person: ResearchID, date: String, values: [String: String]) {
        self.person = person
        self.date = date
        self.values = values
    }
}

/// The tables a release can take rows from, with the fields each offers (every one a code, a number or a date:
/// no free text — names of codes written by the sender, 摘要 and comments never leave).
public enum ReleaseTable: String, Sendable, Hashable, Codable, CaseIterable {
    case condition, drug, measurement

    public var fields: [String] {
        switch self {
        case .condition: ["code", "icd10", "outcome"]
        case .drug: ["code", "yj", "quantity", "days"]
        case .measurement: ["item", "value", "unit"]
        }
    }

    fileprivate var select: String {
        switch self {
        case .condition:
            """
            SELECT t.person_id, t.condition_start_date AS date, t.condition_source_value AS code,
                coalesce(t.icd10, (SELECT m.icd10 FROM research.master_code m WHERE m.kind = 'b'
                    AND m.code = t.condition_source_value ORDER BY m.valid_from DESC LIMIT 1)) AS icd10,
                t.outcome AS outcome
            FROM research.condition_occurrence t
            """
        case .drug:
            """
            SELECT t.person_id, t.drug_exposure_start_date AS date, t.drug_source_value AS code,
                (SELECT m.yj_code FROM research.master_code m WHERE m.kind = 'y' AND m.code = t.drug_source_value
                    ORDER BY m.valid_from DESC LIMIT 1) AS yj,
                t.quantity AS quantity, t.times AS days
            FROM research.drug_exposure t
            """
        case .measurement:
            """
            SELECT t.person_id, t.measurement_date AS date, t.measurement_source_value AS item,
                t.value_as_number AS value, t.unit_source_value AS unit
            FROM research.measurement t
            """
        }
    }

    fileprivate var dateColumn: String {
        switch self {
        case .condition: "t.condition_start_date"
        case .drug: "t.drug_exposure_start_date"
        case .measurement: "t.measurement_date"
        }
    }
}

extension StoreReader {
    /// The persons a cohort filter takes, by research ID.
    public func releaseCohort(_ filter: CohortFilter) throws -> [ReleasePerson] {
        var conditions = [String](), arguments = StatementArguments()
        func period(_ column: String) -> String {
            var parts = [String]()
            if let from = filter.from { parts.append("\(column) >= ?"); arguments += [from] }
            if let to = filter.to { parts.append("\(column) <= ?"); arguments += [to] }
            return parts.isEmpty ? "" : " AND " + parts.joined(separator: " AND ")
        }
        func codes(_ list: [String], code: String, classification: String) -> String {
            "(" + list.map { value in
                arguments += [value, value + "%"]
                return "\(code) = ? OR \(classification) LIKE ?"
            }.joined(separator: " OR ") + ")"
        }
        if !filter.diagnoses.isEmpty {
            let periodSQL = period("c.condition_start_date")
            conditions.append("""
                EXISTS (SELECT 1 FROM research.condition_occurrence c WHERE c.person_id = p.person_id\(periodSQL) AND \(
                    codes(filter.diagnoses, code: "c.condition_source_value", classification: """
                        coalesce(c.icd10, (SELECT m.icd10 FROM research.master_code m WHERE m.kind = 'b' \
                        AND m.code = c.condition_source_value ORDER BY m.valid_from DESC LIMIT 1), '')
                        """)))
                """)
        }
        if !filter.drugs.isEmpty {
            let periodSQL = period("d.drug_exposure_start_date")
            conditions.append("""
                EXISTS (SELECT 1 FROM research.drug_exposure d WHERE d.person_id = p.person_id\(periodSQL) AND \(
                    codes(filter.drugs, code: "d.drug_source_value", classification: """
                        coalesce((SELECT m.yj_code FROM research.master_code m WHERE m.kind = 'y' \
                        AND m.code = d.drug_source_value ORDER BY m.valid_from DESC LIMIT 1), '')
                        """)))
                """)
        }
        let sql = """
            SELECT p.person_id, p.gender_source_value, p.year_of_birth, p.month_of_birth,
                (SELECT substr(c.institution, 1, 2) FROM research.claim c WHERE c.person_id = p.person_id
                    GROUP BY c.institution ORDER BY count(*) DESC, c.institution LIMIT 1) AS prefecture
            FROM research.person p
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY p.person_id
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let sexCode: String? = row[1]
            return ReleasePerson(id: try ResearchID(rawValue: row[0]),
                                 sex: sexCode.flatMap { try? Sex(claimsCode: $0) } ?? .unknown,
                                 yearOfBirth: row[2], monthOfBirth: row[3], prefecture: row[4])
        }
    }

    /// A table's rows of these persons within the period, in person and date order, values as text (a missing
    /// value as empty text).
    public func releaseRows(_ table: ReleaseTable, persons: [ResearchID], from: String?, to: String?) throws -> [ReleaseRow] {
        var rows = [ReleaseRow]()
        var start = 0
        while start < persons.count {
            let chunk = persons[start..<min(start + 500, persons.count)]
            start += chunk.count
            var arguments = StatementArguments(chunk.map(\.rawValue))
            var sql = table.select + " WHERE t.person_id IN (" + Array(repeating: "?", count: chunk.count).joined(separator: ", ") + ")"
            if let from {
                sql += " AND \(table.dateColumn) >= ?"
                arguments += [from]
            }
            if let to {
                sql += " AND \(table.dateColumn) <= ?"
                arguments += [to]
            }
            sql += " ORDER BY t.person_id, date"
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                var values = [String: String]()
                for field in table.fields { values[field] = Self.text(row[field]) }
                rows.append(ReleaseRow(person: try ResearchID(rawValue: row[0]), date: row["date"], values: values))
            }
        }
        return rows
    }

    /// A column's value as text: numbers without a needless `.0`, NULL as empty text.
    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return ""
        case .int64(let number): return String(number)
        case .double(let number): return number.plainText
        case .string(let text): return text
        case .blob: return ""
        }
    }
}
