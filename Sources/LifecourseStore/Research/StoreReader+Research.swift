public import LifecourseCore
import Foundation
import GRDB

extension StoreReader {
    /// Research IDs in order of first appearance, with counts of their sources and rows.
    public func persons(limit: Int = .max, offset: Int = 0) throws -> [PersonListing] {
        try Row.fetchAll(db, sql: Self.personListingSQL + " ORDER BY first_seen, p.person_id LIMIT ? OFFSET ?",
                         arguments: [min(limit, Int(Int64.max)), offset]).map(personListing)
    }

    /// One person's listing, or nil for an unknown research ID.
    public func person(_ id: ResearchID) throws -> PersonListing? {
        try Row.fetchOne(db, sql: Self.personListingSQL + " WHERE p.person_id = ?", arguments: [id.rawValue])
            .map(personListing)
    }

    /// The research ID that a claim of a file was linked to (for tests and traceability).
    public func person(ofClaim claimNumber: Int, institution: InstitutionCode) throws -> ResearchID? {
        try Int64.fetchOne(db, sql: "SELECT person_id FROM research.claim WHERE claim_number = ? AND institution = ?",
                           arguments: [claimNumber, institution.code]).map { try ResearchID(rawValue: $0) }
    }

    /// The institution whose prescriptions a 調剤 claim filled, as the claim names it.
    public func prescriber(ofClaim claimNumber: Int, institution: InstitutionCode) throws -> InstitutionCode? {
        try String.fetchOne(db, sql: "SELECT prescriber FROM research.claim WHERE claim_number = ? AND institution = ?",
                            arguments: [claimNumber, institution.code]).map { try InstitutionCode($0) }
    }

    /// How a claim's レセプト種別 was stored: main payer, whose claim, and whether it is for a stay.
    public func claimKind(ofClaim claimNumber: Int, institution: InstitutionCode) throws
        -> (payer: String?, person: String?, inpatient: Bool?)? {
        try Row.fetchOne(db, sql: """
            SELECT payer_kind, person_kind, inpatient FROM research.claim WHERE claim_number = ? AND institution = ?
            """, arguments: [claimNumber, institution.code]).map { ($0["payer_kind"], $0["person_kind"], $0["inpatient"]) }
    }

    /// The person's diagnoses, drugs, procedures and devices, month by month.
    /// - Throws: ``StoreError`` when the research ID is unknown.
    public func summary(of id: ResearchID) throws -> PersonSummary {
        guard let listing = try person(id) else {
            throw StoreError.notFound("research ID \(id) is not in this store; `lifecourse persons` lists the known ones")
        }
        let diagnosisRows = try Row.fetchAll(db, sql: """
            SELECT c.condition_source_value, c.source_vocabulary, c.source_name, c.condition_start_date, c.outcome,
                   c.modifiers, c.condition_status_concept_id, c.icd10, c.body_site, s.institution, cl.service_month
            FROM research.condition_occurrence c
            JOIN research.source_record s USING (source_record_id)
            LEFT JOIN research.claim cl ON cl.visit_occurrence_id = c.visit_occurrence_id
            WHERE c.person_id = ?
            ORDER BY c.condition_start_date, cl.service_month, c.condition_occurrence_id
            """, arguments: [id.rawValue])
        var diagnoses = [PersonSummary.DiagnosisEntry]()
        var index = [String: Int]()
        var masters = MasterLookups()
        for row in diagnosisRows {
            let start = try CalendarDate(iso: row["condition_start_date"])
            let code: String = row["condition_source_value"]
            let master = try masters.code(vocabulary: row["source_vocabulary"], code: code, on: start, in: self)
            let name: String? = row["source_name"] ?? master?.name
            let seen = try (row["service_month"] as String?).map { try YearMonth(iso: $0) } ?? start.yearMonth
            let written = (row["icd10"] as String?).map { [$0] }
            let entry = PersonSummary.DiagnosisEntry(
                code: code, vocabulary: row["source_vocabulary"], name: name, icd10: written ?? master?.icd10 ?? [],
                startDate: start, outcome: (row["outcome"] as Int?).flatMap(Self.outcomeName),
                modifiers: (row["modifiers"] as String?)?.split(separator: " ").map(String.init) ?? [],
                isMain: row["condition_status_concept_id"] == 32902, lastSeen: seen, institution: row["institution"],
                bodySite: row["body_site"])
            let key = "\(code)|\(name ?? "")|\(start)|\(entry.modifiers)|\(entry.bodySite ?? "")"
            if let existing = index[key] {
                if seen >= diagnoses[existing].lastSeen { diagnoses[existing] = entry }
            } else {
                index[key] = diagnoses.count
                diagnoses.append(entry)
            }
        }
        var months = [YearMonth: PersonSummary.Month]()
        func month(_ value: YearMonth) -> PersonSummary.Month {
            months[value] ?? PersonSummary.Month(month: value, claims: 0, institutions: [], newDiagnoses: [], drugs: [],
                                                 procedures: [], devices: [])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT service_month, count(*) AS claims, group_concat(DISTINCT institution) AS institutions
            FROM research.claim WHERE person_id = ? GROUP BY service_month
            """, arguments: [id.rawValue]) {
            let value = try YearMonth(iso: row["service_month"])
            var entry = month(value)
            entry.claims = row["claims"]
            entry.institutions = (row["institutions"] as String).split(separator: ",").map(String.init).sorted()
            months[value] = entry
        }
        for diagnosis in diagnoses {
            var entry = month(diagnosis.startDate.yearMonth)
            entry.newDiagnoses.append(diagnosis)
            months[diagnosis.startDate.yearMonth] = entry
        }
        for (table, keyPath) in [("drug_exposure", \PersonSummary.Month.drugs),
                                 ("procedure_occurrence", \PersonSummary.Month.procedures),
                                 ("device_exposure", \PersonSummary.Month.devices)] {
            for item in try items(table: table, person: id, masters: &masters) {
                var entry = month(item.date.yearMonth)
                entry[keyPath: keyPath].append(item)
                months[item.date.yearMonth] = entry
            }
        }
        return PersonSummary(person: listing, diagnoses: diagnoses, months: months.values.sorted { $0.month < $1.month },
                             death: try death(of: id), care: try care(of: id))
    }

    private func items(table: String, person: ResearchID, masters: inout MasterLookups) throws -> [PersonSummary.Item] {
        let (date, code, quantity, times, name) = switch table {
        case "drug_exposure": ("drug_exposure_start_date", "drug_source_value", "quantity", "times", "NULL")
        case "procedure_occurrence": ("procedure_date", "procedure_source_value", "amount", "quantity", "NULL")
        default: ("device_exposure_start_date", "device_source_value", "quantity", "times", "source_name")
        }
        return try Row.fetchAll(db, sql: """
            SELECT t.\(date) AS date, t.\(code) AS code, t.source_vocabulary, \(name) AS name, t.category,
                   t.\(quantity) AS quantity, t.\(times) AS times, s.institution
            FROM research.\(table) t JOIN research.source_record s USING (source_record_id)
            WHERE t.person_id = ? ORDER BY t.\(date), t.source_record_id, t.source_line, t.rowid
            """, arguments: [person.rawValue]).map { row in
            let date = try CalendarDate(iso: row["date"])
            let name: String? = try row["name"]
                ?? masters.code(vocabulary: row["source_vocabulary"], code: row["code"], on: date, in: self)?.name
            return PersonSummary.Item(code: row["code"], vocabulary: row["source_vocabulary"], name: name, date: date, category: row["category"],
                               quantity: row["quantity"], times: row["times"], institution: row["institution"])
        }
    }

    static func outcomeName(_ code: Int) -> String? {
        switch code {
        case 1: "継続"
        case 2: "治ゆ"
        case 3: "死亡"
        case 4: "中止"
        default: nil
        }
    }

    static let personListingSQL = """
        SELECT p.person_id, p.gender_source_value, p.year_of_birth,
               coalesce(c.claims, 0) AS claims, coalesce(c.institutions, 0) AS institutions,
               coalesce(c.files, 0) AS files, coalesce(r.rows, 0) AS rows, c.first_seen
        FROM research.person p
        LEFT JOIN (
            SELECT u.person_id, sum(u.is_claim) AS claims, count(DISTINCT s.institution) AS institutions,
                   count(DISTINCT s.file_digest) AS files, min(u.source_record_id) AS first_seen
            FROM (
                SELECT person_id, source_record_id, 1 AS is_claim FROM research.claim
                UNION ALL SELECT person_id, source_record_id, 0 FROM research.death
                UNION ALL SELECT person_id, source_record_id, 0 FROM research.care_certification
                UNION ALL SELECT person_id, source_record_id, 0 FROM research.care_claim
                -- medical records, checkups and FHIR: their units show through their rows
                UNION ALL SELECT person_id, source_record_id, 0 FROM research.visit_occurrence
                UNION ALL SELECT person_id, source_record_id, 0 FROM research.measurement
                UNION ALL SELECT person_id, source_record_id, 0 FROM research.observation
                UNION ALL SELECT person_id, source_record_id, 0 FROM research.condition_occurrence
                    WHERE condition_type_concept_id <> 32810
                UNION ALL SELECT person_id, source_record_id, 0 FROM research.drug_exposure
                    WHERE drug_type_concept_id <> 32810
            ) u JOIN research.source_record s USING (source_record_id)
            GROUP BY u.person_id
        ) c USING (person_id)
        LEFT JOIN (
            SELECT person_id, sum(n) AS rows FROM (
                SELECT person_id, count(*) AS n FROM research.condition_occurrence GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.drug_exposure GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.procedure_occurrence GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.device_exposure GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.note GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.death GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.care_certification GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.care_service GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.measurement GROUP BY person_id
                UNION ALL SELECT person_id, count(*) FROM research.observation GROUP BY person_id
            ) GROUP BY person_id
        ) r USING (person_id)
        """

    private func personListing(_ row: Row) throws -> PersonListing {
        let sexCode: String? = row["gender_source_value"]
        return PersonListing(
            researchID: try ResearchID(rawValue: row["person_id"]),
            sex: sexCode.flatMap { try? Sex(claimsCode: $0) } ?? .unknown, birthYear: row["year_of_birth"],
            institutions: row["institutions"], files: row["files"], claims: row["claims"], rows: row["rows"])
    }
}

/// The master versions a summary has looked up, by code system and code: a person's summary names the same codes
/// month after month, each time with the version in force on the day.
struct MasterLookups {
    private var versions: [String: [MasterCode]] = [:]

    mutating func code(vocabulary: String, code: String, on date: CalendarDate, in reader: StoreReader) throws -> MasterCode? {
        let key = vocabulary + "|" + code
        if let known = versions[key] { return StoreReader.inForce(known, on: date) }
        let found = try reader.masterVersions(vocabulary: vocabulary, code: code)
        versions[key] = found
        return StoreReader.inForce(found, on: date)
    }
}

/// A claim as evaluation sees it: the file it came in (its SHA-256 in hexadecimal, as receipts give it), its
/// number there, and its research ID.
public struct ClaimLineage: Sendable, Hashable {
    public var fileSHA256: String
    public var claimNumber: Int
    public var person: ResearchID
}

extension StoreReader {
    /// Every stored claim's file, number and research ID (for evaluating linkage against a known truth).
    public func claimLineage() throws -> [ClaimLineage] {
        try Row.fetchAll(db, sql: """
            SELECT s.file_digest, c.claim_number, c.person_id FROM research.claim c
            JOIN research.source_record s USING (source_record_id)
            """).map { row in
            ClaimLineage(fileSHA256: (row["file_digest"] as Data).hex, claimNumber: row["claim_number"],
                         person: try ResearchID(rawValue: row["person_id"]))
        }
    }
}
