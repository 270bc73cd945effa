public import Foundation
public import LifecourseCore
public import LifecourseStore

/// Builds a release from the research store as its specification says: the cohort (opted-out persons never in
/// it), the persons' fields made k-anonymous on the quasi-identifiers (persons in suppressed classes leave the
/// release whole), the medical rules applied to every table, one CSV per table keyed by release pseudonyms, a data
/// dictionary, a report, and the provision record (提供記録) — in the store with the research IDs, in the folder
/// without them.
public struct ReleaseBuilder: Sendable {
    public let store: SQLiteStore
    public let spec: ReleaseSpec
    public var optOut: any OptOutRegistry = OptOutList()
    public var pseudonyms = ReleasePseudonyms()
    /// The day of the release: ages are taken at the end of the cohort's period, or on this day.
    public var today: CalendarDate

    public init(store: SQLiteStore, spec: ReleaseSpec, today: CalendarDate) {
        self.store = store
        self.spec = spec
        self.today = today
    }

    /// What a release did, written as `report.json`.
    public struct Report: Sendable, Codable {
        public var release: String
        public var recipient: String
        public var mode: String
        public var provisionID: Int64
        public var providedAt: String
        public var cohortPersons: Int
        public var optedOutExcluded: Int
        public var outsideAgeRange: Int
        public var suppressedPersons: Int
        public var persons: Int
        /// File → rows.
        public var files: [String: Int]
        public var k: Int?
        public var transformation: [String: Int]?
        public var equivalenceClasses: Int?
        public var smallestClass: Int?
        public var riskBefore: ReidentificationRisk?
        public var riskAfter: ReidentificationRisk?
        public var dateShiftDays: Int
        public var ageTopCode: Int?
        /// Field → rows whose code was generalized or replaced as rare.
        public var rareCodesGeneralized: [String: Int]
        public var labValuesCoded: Int
        public var seconds: Double
    }

    /// Builds the release into `directory` (created; it must not hold a release already) and records its provision.
    public func build(into directory: URL, actor: String, reason: String) throws -> Report {
        let started = Date()
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: directory.appendingPathComponent("provision-record.json").path) {
            throw AnonymizationError.invalid("\(directory.path) holds a release already: give another --output folder")
        }
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        let cohort = spec.cohort
        let filter = CohortFilter(diagnoses: cohort?.diagnoses ?? [], drugs: cohort?.drugs ?? [], from: cohort?.from, to: cohort?.to)
        let candidates = try store.read { try $0.releaseCohort(filter) }
        let reference = try cohort?.to.map { try CalendarDate(iso: $0) } ?? today

        var persons = [ReleasePerson](), ages = [Int?]()
        var optedOut = 0, outsideAges = 0
        for person in candidates {
            if try optOut.isOptedOut(person.id) {
                optedOut += 1
                continue
            }
            let age = ReleaseRules.age(yearOfBirth: person.yearOfBirth, monthOfBirth: person.monthOfBirth, on: reference)
            if let range = cohort?.ages {
                guard let age, age >= range.from ?? 0, age <= range.to ?? .max else {
                    outsideAges += 1
                    continue
                }
            }
            persons.append(person)
            ages.append(age)
        }

        // The persons' fields, made k-anonymous on the quasi-identifiers.
        let personFields = spec.tables["person"] ?? []
        var personRows = zip(persons, ages).map { person, age in personFields.map { personValue($0, person, age: age) } }
        var report = Report(release: spec.name, recipient: spec.recipient, mode: (spec.mode ?? .anonymized).rawValue,
                            provisionID: 0, providedAt: Timestamp.now(), cohortPersons: candidates.count,
                            optedOutExcluded: optedOut, outsideAgeRange: outsideAges, suppressedPersons: 0, persons: 0,
                            files: [:], dateShiftDays: spec.dateShiftDays, ageTopCode: spec.ageTopCode,
                            rareCodesGeneralized: [:], labValuesCoded: 0, seconds: 0)
        var suppressed = [Bool](repeating: false, count: persons.count)
        if spec.isAnonymized, let privacy = spec.privacy, !persons.isEmpty {
            suppressed = try anonymize(&personRows, fields: personFields, privacy: privacy, report: &report)
        }
        report.suppressedPersons = suppressed.filter { $0 }.count
        let kept = persons.indices.filter { !suppressed[$0] }
        let releasedIDs = kept.map { persons[$0].id }
        report.persons = kept.count
        // Each released person's pseudonym and date shift, computed once.
        let pseudonymOf = Dictionary(uniqueKeysWithValues: releasedIDs.map { ($0, pseudonyms.pseudonym($0)) })
        let shiftOf = Dictionary(uniqueKeysWithValues: releasedIDs.map {
            ($0, pseudonyms.dayShift($0, maximum: spec.dateShiftDays))
        })

        var files = [String: String]()
        files["person.csv"] = CSVField.line(["pseudonym"] + personFields)
            + kept.map { CSVField.line([pseudonymOf[persons[$0].id]!] + personRows[$0]) }.joined()
        report.files["person.csv"] = kept.count
        for (name, fields) in spec.tables.sorted(by: { $0.key < $1.key }) where name != "person" {
            let table = ReleaseTable(rawValue: name)!
            var rows = try store.read { try $0.releaseRows(table, persons: releasedIDs, from: cohort?.from, to: cohort?.to) }
            applyRules(&rows, table: table, fields: fields, report: &report)
            files["\(name).csv"] = CSVField.line(["pseudonym", "date"] + fields) + rows.map { row in
                CSVField.line([pseudonymOf[row.person]!, shifted(row.date, by: shiftOf[row.person]!)]
                              + fields.map { row.values[$0] ?? "" })
            }.joined()
            report.files["\(name).csv"] = rows.count
        }
        files["data-dictionary.csv"] = dataDictionary()
        var digestInput = Data()
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
            digestInput += Data(name.utf8) + FileDigest.sha256(Data(text.utf8))
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let items = String(decoding: try JSONEncoder.sorted.encode(spec.tables), as: UTF8.self)
        var record = ProvisionRecord(
            releaseName: spec.name, recipient: spec.recipient, mode: report.mode, providedAt: report.providedAt, items: items,
            persons: releasedIDs.map { ($0, pseudonymOf[$0]!) }, specDigest: FileDigest.sha256(try encoder.encode(spec)),
            filesDigest: FileDigest.sha256(digestInput))
        record.provisionID = try store.write { try $0.recordProvision(record, actor: actor, reason: reason) }
        report.provisionID = record.provisionID
        report.seconds = Date().timeIntervalSince(started)
        try encoder.encode(ProvisionFile(record)).write(to: directory.appendingPathComponent("provision-record.json"))
        try encoder.encode(report).write(to: directory.appendingPathComponent("report.json"))
        return report
    }

    /// A person field's value before anonymization: sex as the claims code (1 male, 2 female), the age (top-coded
    /// as `N+`), the prefecture code.
    private func personValue(_ field: String, _ person: ReleasePerson, age: Int?) -> String {
        switch field {
        case "sex": person.sex == .unknown ? "" : person.sex.claimsCode
        case "age": age.map { age in spec.ageTopCode.map { age >= $0 ? "\($0)+" : String(age) } ?? String(age) } ?? ""
        case "prefecture": person.prefecture ?? ""
        default: ""
        }
    }

    /// k-anonymity on the quasi-identifiers with built-in hierarchies (sex → `*`; age bands; prefecture → region
    /// block → `*`), the least information lost by non-uniform entropy. Generalizes `rows`, puts the transformation
    /// and the risk into `report`, and returns which rows are suppressed.
    private func anonymize(_ rows: inout [[String]], fields: [String], privacy: ReleaseSpec.Privacy,
                           report: inout Report) throws -> [Bool] {
        let quasiIdentifiers = spec.quasiIdentifiers
        let hierarchies = try quasiIdentifiers.map { field -> Hierarchy in
            let values = rows.map { $0[fields.firstIndex(of: field)!] }
            switch field {
            case "sex": return try Hierarchy(attribute: field, rows: Set(values).sorted().map { [$0, "*"] })
            case "age": return try BuiltInHierarchy.age(topCode: spec.ageTopCode ?? 200).hierarchy(attribute: field, values: values)
            default: return try BuiltInHierarchy.prefecture.hierarchy(attribute: field, values: values)
            }
        }
        let table = try EncodedTable(header: fields, rows: rows, hierarchies: hierarchies)
        let limit = privacy.suppressionLimit ?? 0.05
        let anonymizer = Anonymizer(table: table, models: [KAnonymity(k: privacy.k)], suppressionLimit: limit, metric: .entropy)
        guard let best = anonymizer.run().best else {
            throw AnonymizationError.invalid("no generalization of \(quasiIdentifiers.joined(separator: ", ")) gives "
                + "\(privacy.k)-anonymity over \(rows.count) persons with at most \(limit * 100)% suppressed: widen the "
                + "cohort, lower k, raise privacy.suppressionLimit or provide fewer quasi-identifiers")
        }
        rows = anonymizer.apply(best, header: fields, rows: rows)
        report.k = privacy.k
        report.transformation = Dictionary(uniqueKeysWithValues: zip(table.attributes, best.levels))
        report.equivalenceClasses = best.keptClasses
        report.smallestClass = best.smallestClass
        report.riskBefore = ReidentificationRisk(original: table)
        report.riskAfter = ReidentificationRisk(best)
        return anonymizer.suppressedRecords(best)
    }

    /// Rare codes generalized, lab extremes coded (anonymized releases only).
    private func applyRules(_ rows: inout [ReleaseRow], table: ReleaseTable, fields: [String], report: inout Report) {
        guard spec.isAnonymized else { return }
        for field in fields where ["code", "icd10", "yj"].contains(field) {
            let changed = ReleaseRules.generalizeRareCodes(&rows, field: field, minimum: spec.rareCodeMinimum)
            report.rareCodesGeneralized["\(table.rawValue).\(field)", default: 0] += changed
        }
        if table == .measurement, fields.contains("value"), let quantiles = spec.labQuantiles {
            report.labValuesCoded += ReleaseRules.codeExtremes(&rows, field: "value", groupedBy: "item", low: quantiles[0],
                                                               high: quantiles[1])
        }
    }

    /// A row's date as released: moved by the person's shift (0 when the release does not shift dates: as stored).
    private func shifted(_ date: String, by days: Int) -> String {
        guard days != 0 else { return date }
        guard let day = try? CalendarDate(iso: String(date.prefix(10))) else { return "" }
        return day.adding(days: days).description
    }

    /// One row per file and column: what it holds and which rule changed it.
    private func dataDictionary() -> String {
        let anonymized = spec.isAnonymized
        let shift = spec.dateShiftDays > 0 ? "moved by the person's own random shift of up to \(spec.dateShiftDays) days" : "as recorded"
        let rare = anonymized ? "; held by fewer than \(spec.rareCodeMinimum) persons: generalized or *" : ""
        let meanings: [String: (String, String)] = [
            "pseudonym": ("the person's pseudonym in this release only (two releases cannot be joined)", "HMAC with a key of this release"),
            "date": ("the day of the record", shift),
            "sex": ("1 male, 2 female", anonymized ? "may be generalized to * (k-anonymity)" : ""),
            "age": ("age in years at \(spec.cohort?.to ?? "the release")", anonymized
                ? "top-coded at \(spec.ageTopCode.map { "\($0)+" } ?? "—"), may be banded (k-anonymity)" : ""),
            "prefecture": ("prefecture code (JIS X 0401) of the institution that sent most of the person's claims",
                           anonymized ? "may be generalized to a region block or * (k-anonymity)" : ""),
            "code": ("the receipt code (傷病名 or 医薬品 master)", rare.isEmpty ? "" : String(rare.dropFirst(2))),
            "icd10": ("ICD-10 of the diagnosis", rare.isEmpty ? "" : "generalized to its 3-character category" + rare),
            "outcome": ("転帰: 1 continuing, 2 cured, 3 died, 4 stopped", ""),
            "yj": ("YJ code of the drug", rare.isEmpty ? "" : "generalized to its ingredient (7) or class (4)" + rare),
            "quantity": ("quantity per day", ""),
            "days": ("days or times dispensed", ""),
            "item": ("the lab item's code", ""),
            "value": ("the result", anonymized ? spec.labQuantiles.map { "below the \($0[0]) or above the \($0[1]) quantile of its item: set to it" } ?? "" : ""),
            "unit": ("the unit of the result", ""),
        ]
        var text = CSVField.line(["file", "column", "meaning", "rule"])
        for (name, fields) in spec.tables.sorted(by: { $0.key < $1.key }) {
            for column in ["pseudonym"] + (name == "person" ? [] : ["date"]) + fields {
                let (meaning, rule) = meanings[column] ?? ("", "")
                text += CSVField.line(["\(name).csv", column, meaning, rule])
            }
        }
        return text
    }
}

/// The provision record as the folder keeps it: what was provided, to whom, when and how many persons — no
/// research ID (the store keeps those, with the pseudonyms).
struct ProvisionFile: Codable {
    var provisionID: Int64
    var release: String
    var recipient: String
    var mode: String
    var providedAt: String
    var items: String
    var persons: Int
    var specSHA256: String
    var filesSHA256: String

    init(_ record: ProvisionRecord) {
        provisionID = record.provisionID
        release = record.releaseName
        recipient = record.recipient
        mode = record.mode
        providedAt = record.providedAt
        items = record.items
        persons = record.persons.count
        specSHA256 = record.specDigest.hex
        filesSHA256 = record.filesDigest.hex
    }
}
