public import Foundation
import LifecourseCore
import LifecourseStore

/// What a release provides, as the review committee approved it (a JSON file): to whom, which persons, which
/// tables and fields, the rules that make it safe, and the privacy model.
///
/// ```json
/// { "name": "dm-2024", "recipient": "○○大学 (申出 2026-001)", "mode": "anonymized",
///   "cohort": { "diagnoses": ["E11"], "from": "2024-01-01", "to": "2024-12-31", "ages": { "from": 40, "to": 74 } },
///   "tables": { "person": ["sex", "age", "prefecture"], "condition": ["code", "icd10"], "drug": ["yj", "days"] },
///   "rules": { "dateShiftDays": 30, "ageTopCode": 90, "rareCodeMinimum": 5, "labQuantiles": [0.01, 0.99] },
///   "privacy": { "k": 5, "suppressionLimit": 0.05 } }
/// ```
public struct ReleaseSpec: Sendable, Hashable, Codable {
    /// 匿名加工 (anonymized: every rule applies and the privacy model must hold) or 仮名加工 (pseudonymized, for
    /// certified users: clinical detail kept — exact dates, codes, values — but no name, identifier code or
    /// address, and pseudonyms per release).
    public enum Mode: String, Sendable, Hashable, Codable {
        case anonymized, pseudonymized
    }

    public struct Ages: Sendable, Hashable, Codable {
        public var from: Int?
        public var to: Int?
    }

    public struct Cohort: Sendable, Hashable, Codable {
        public var diagnoses: [String]?
        public var drugs: [String]?
        /// The period (`YYYY-MM-DD`, inclusive): the cohort's diagnoses and drugs, and every row provided, fall in it.
        public var from: String?
        public var to: String?
        /// Age at the end of the period (or today), inclusive.
        public var ages: Ages?
    }

    public struct Rules: Sendable, Hashable, Codable {
        /// Each person's dates move by the same random number of days, up to this many either way (0: not moved).
        public var dateShiftDays: Int?
        /// Ages from here up are given as `N+`.
        public var ageTopCode: Int?
        /// A code held by fewer persons than this is generalized (ICD-10 to its category, YJ to its ingredient and
        /// class) or replaced by `*`; by default the privacy model's k.
        public var rareCodeMinimum: Int?
        /// Lab values below the first quantile or above the second (per item) are set to them.
        public var labQuantiles: [Double]?
    }

    public struct Privacy: Sendable, Hashable, Codable {
        public var k: Int
        public var suppressionLimit: Double?
        /// The person fields taken as quasi-identifiers (by default every one of sex, age, prefecture provided).
        public var quasiIdentifiers: [String]?
    }

    public var name: String
    public var recipient: String
    public var mode: Mode?
    public var cohort: Cohort?
    /// Table → fields. `person`: sex, age, prefecture (of the institution sending most of their claims); and the
    /// fields of ``ReleaseTable``.
    public var tables: [String: [String]]
    public var rules: Rules?
    public var privacy: Privacy?

    public static let personFields = ["sex", "age", "prefecture"]

    var isAnonymized: Bool { (mode ?? .anonymized) == .anonymized }
    var dateShiftDays: Int { isAnonymized ? rules?.dateShiftDays ?? 30 : 0 }
    var ageTopCode: Int? { isAnonymized ? rules?.ageTopCode ?? 90 : nil }
    var rareCodeMinimum: Int { isAnonymized ? rules?.rareCodeMinimum ?? privacy?.k ?? 5 : 0 }
    var labQuantiles: [Double]? { isAnonymized ? rules?.labQuantiles ?? [0.01, 0.99] : nil }
    var quasiIdentifiers: [String] {
        privacy?.quasiIdentifiers ?? (tables["person"] ?? []).filter { Self.personFields.contains($0) }
    }

    /// Reads a specification; every problem is reported at once, each with what to write instead.
    public static func load(contentsOf url: URL) throws(AnonymizationError) -> ReleaseSpec {
        let spec: ReleaseSpec
        do {
            spec = try JSONSpecification.decode(ReleaseSpec.self, contentsOf: url)
        } catch {
            switch error {
            case .unreadable(let path, let reason): throw .unreadable(path, reason)
            case .invalid(let message): throw .invalid(message)
            }
        }
        let problems = spec.problems()
        guard problems.isEmpty else {
            throw .invalid("\(url.path) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n- "
                           + problems.joined(separator: "\n- "))
        }
        return spec
    }

    /// Everything wrong with the specification, each said with the fix.
    public func problems() -> [String] {
        var problems = [String]()
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("name is empty: give the release a name") }
        if recipient.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("recipient is empty: say who receives it") }
        for (table, fields) in tables.sorted(by: { $0.key < $1.key }) {
            let known = table == "person" ? Self.personFields : ReleaseTable(rawValue: table)?.fields
            guard let known else {
                problems.append("tables.\(table) is not a table; use person, "
                    + ReleaseTable.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            for field in fields where !known.contains(field) {
                problems.append("tables.\(table): '\(field)' is not a field of it; use \(known.joined(separator: ", "))")
            }
        }
        if tables["person"] == nil { problems.append("tables.person is missing: a release lists its persons (fields may be [])") }
        for (key, date) in [("cohort.from", cohort?.from), ("cohort.to", cohort?.to)] {
            if let date, (try? CalendarDate(iso: date)) == nil { problems.append("\(key) '\(date)' is not a date YYYY-MM-DD") }
        }
        if let from = cohort?.from, let to = cohort?.to, from > to { problems.append("cohort.from is after cohort.to") }
        if let ages = cohort?.ages, let from = ages.from, let to = ages.to, from > to {
            problems.append("cohort.ages.from is above cohort.ages.to")
        }
        if let days = rules?.dateShiftDays, !(0...365).contains(days) { problems.append("rules.dateShiftDays must be 0 to 365") }
        if let top = rules?.ageTopCode, !(1...120).contains(top) { problems.append("rules.ageTopCode must be 1 to 120") }
        if let minimum = rules?.rareCodeMinimum, minimum < 1 { problems.append("rules.rareCodeMinimum must be at least 1") }
        if let quantiles = rules?.labQuantiles {
            if quantiles.count != 2 || !(0..<0.5).contains(quantiles[0]) || !(0.5...1).contains(quantiles[quantiles.count - 1]) {
                problems.append("rules.labQuantiles must be two shares, a low one under 0.5 and a high one from 0.5 to 1 (e.g. [0.01, 0.99])")
            }
        }
        if isAnonymized {
            if let privacy {
                if privacy.k < 2 { problems.append("privacy.k must be at least 2 for an anonymized release") }
                if let limit = privacy.suppressionLimit, !(0...1).contains(limit) { problems.append("privacy.suppressionLimit is a share from 0 to 1") }
                for field in privacy.quasiIdentifiers ?? [] where !(tables["person"] ?? []).contains(field) {
                    problems.append("privacy.quasiIdentifiers: '\(field)' is not among tables.person's fields")
                }
            } else {
                problems.append("privacy is missing: an anonymized release needs at least { \"k\": 5 }")
            }
        }
        return problems
    }
}
