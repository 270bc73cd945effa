public import Foundation
public import LifecourseCore

/// A statistical table (統計情報) as a user asks for it (a JSON file): what is counted, along which dimensions,
/// for which persons and period, and how small cells are protected.
///
/// ```json
/// { "name": "hba1c-2024", "title": "HbA1c区分別の患者数",
///   "source": "persons", "measure": { "kind": "persons" },
///   "dimensions": [ { "kind": "prefecture" }, { "kind": "sex" }, { "kind": "ageBand", "width": 10 },
///                   { "kind": "labCategory", "item": "3D046", "cuts": [5.6, 6.5, 8.0] } ],
///   "period": { "from": "2024-01-01", "to": "2024-12-31" },
///   "filters": { "diagnoses": ["E11"], "ages": { "from": 40 } },
///   "disclosure": { "threshold": 10, "minInstitutions": 3, "rounding": 5 } }
/// ```
public struct TableSpec: Sendable, Hashable, Codable {
    public struct Period: Sendable, Hashable, Codable {
        /// `YYYY-MM-DD`, inclusive.
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public struct Ages: Sendable, Hashable, Codable {
        public var from: Int?
        public var to: Int?

        public init(from: Int? = nil, to: Int? = nil) {
            self.from = from
            self.to = to
        }
    }

    /// Which units are counted. `diagnoses` and `drugs` keep the persons with such a code in the period (for
    /// source `prescriptions`, `drugs` keeps those drug lines); a code is a receipt code or the start of an
    /// ICD-10 (`E11`) or YJ code (`3969`). `ages` are at the unit's date.
    public struct Filters: Sendable, Hashable, Codable {
        public var diagnoses: [String]?
        public var drugs: [String]?
        public var ages: Ages?
        public var sex: [Sex]?

        public init(diagnoses: [String]? = nil, drugs: [String]? = nil, ages: Ages? = nil, sex: [Sex]? = nil) {
            self.diagnoses = diagnoses
            self.drugs = drugs
            self.ages = ages
            self.sex = sex
        }
    }

    /// Statistical disclosure control, on unless a specification turns it off for a table that never leaves the
    /// producer (`"enabled": false`).
    public struct Disclosure: Sendable, Hashable, Codable {
        public var enabled: Bool?
        /// A cell from fewer persons is suppressed (default 10, the rule of Japan's claims open data).
        public var threshold: Int?
        /// A cell from fewer institutions is suppressed (default 3).
        public var minInstitutions: Int?
        /// How far a suppressed count must stay unknown either way, given the published cells and totals: the
        /// range it can be narrowed to must reach this far above its value and this far below it, or to 0 (default:
        /// half the threshold, so that a suppressed cell of 1 could be anything from 0 to 6 — empty or not).
        public var protection: Int?
        /// For a table of quantities or points: the same, as a share of the cell's value (default 0.3).
        public var protectionShare: Double?
        /// Published counts are rounded to a multiple of this (5 or 10; none by default).
        public var rounding: Int?

        public init(enabled: Bool? = nil, threshold: Int? = nil, minInstitutions: Int? = nil, protection: Int? = nil,
                    protectionShare: Double? = nil, rounding: Int? = nil) {
            self.protectionShare = protectionShare
            self.enabled = enabled
            self.threshold = threshold
            self.minInstitutions = minInstitutions
            self.protection = protection
            self.rounding = rounding
        }

        public var isEnabled: Bool { enabled ?? true }
        public var personThreshold: Int { isEnabled ? threshold ?? 10 : 0 }
        public var institutionThreshold: Int { isEnabled ? minInstitutions ?? 3 : 0 }
        public var protectionInterval: Int { isEnabled ? protection ?? (personThreshold + 1) / 2 : 0 }
        public var protectionShareOfValue: Double { isEnabled ? protectionShare ?? 0.3 : 0 }
    }

    /// Differential privacy instead of suppression: counts and sums get noise, each research ID's contribution is
    /// bounded, the cells are exactly the declared keys, and the application's privacy budget pays for the table.
    public struct Privacy: Sendable, Hashable, Codable {
        public enum Mechanism: String, Sendable, Hashable, Codable {
            case laplace, gaussian
        }

        /// The application (申出) whose budget the table spends.
        public var application: String
        public var mechanism: Mechanism?
        public var epsilon: Double
        /// For the Gaussian mechanism: δ, at most 0.001.
        public var delta: Double?
        /// How many cells one research ID may count in (default 1; the others it falls in are left out).
        public var maxCellsPerPerson: Int?
        /// For records, quantities and points: the most one research ID adds to a cell (the excess is cut). A person
        /// counts 1.
        public var maxContribution: Double?

        /// The δ a table spends: its `delta` for the Gaussian mechanism, none for Laplace.
        var spentDelta: Double { mechanism == .gaussian ? delta ?? 0 : 0 }

        public init(application: String, mechanism: Mechanism? = nil, epsilon: Double, delta: Double? = nil,
                    maxCellsPerPerson: Int? = nil, maxContribution: Double? = nil) {
            self.application = application
            self.mechanism = mechanism
            self.epsilon = epsilon
            self.delta = delta
            self.maxCellsPerPerson = maxCellsPerPerson
            self.maxContribution = maxContribution
        }

        var cellsPerPerson: Int { maxCellsPerPerson ?? 1 }
    }

    public var name: String
    public var title: String?
    public var source: TableSource
    public var measure: TableMeasure
    public var dimensions: [TableDimension]
    public var period: Period
    public var filters: Filters?
    public var disclosure: Disclosure?
    public var privacy: Privacy?
    /// The labels' language (`ja`, the default, or `en`).
    public var language: TableLanguage?

    public init(name: String, title: String? = nil, source: TableSource, measure: TableMeasure,
                dimensions: [TableDimension], period: Period, filters: Filters? = nil, disclosure: Disclosure? = nil,
                privacy: Privacy? = nil, language: TableLanguage? = nil) {
        self.privacy = privacy
        self.language = language
        self.name = name
        self.title = title
        self.source = source
        self.measure = measure
        self.dimensions = dimensions
        self.period = period
        self.filters = filters
        self.disclosure = disclosure
    }

    var disclosureSettings: Disclosure { disclosure ?? Disclosure() }
    var labelLanguage: TableLanguage { language ?? .ja }

    /// Reads a specification; every problem is reported at once, each with what to write instead.
    public static func load(contentsOf url: URL) throws(StatisticsError) -> TableSpec {
        let spec: TableSpec
        do {
            spec = try JSONSpecification.decode(TableSpec.self, contentsOf: url)
        } catch {
            switch error {
            case .unreadable(let path, let reason): throw .unreadable(path, reason)
            case .invalid(let message): throw .invalid(message)
            }
        }
        try spec.validate(in: url.path)
        return spec
    }

    /// - Throws: ``StatisticsError`` listing every problem, each with the fix, naming `place`.
    public func validate(in place: String) throws(StatisticsError) {
        let problems = problems()
        guard problems.isEmpty else {
            throw .invalid("\(place) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n- "
                           + problems.joined(separator: "\n- "))
        }
    }

    /// Everything wrong with the specification, each said with the fix.
    public func problems() -> [String] {
        var problems = [String]()
        if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            problems.append("name '\(name)' must be letters, digits, - and _ (it names the output files)")
        }
        problems += measure.problems(source: source)
        if dimensions.isEmpty { problems.append("dimensions is empty: give at least one, e.g. { \"kind\": \"sex\" }") }
        if dimensions.count > 6 { problems.append("dimensions has \(dimensions.count) entries; a table has at most 6") }
        for (index, dimension) in dimensions.enumerated() {
            problems += dimension.problems(at: "dimensions[\(index)]", source: source)
        }
        let names = dimensions.map(\.name)
        for name in Set(names) where names.filter({ $0 == name }).count > 1 {
            problems.append("dimensions: \(name) is given twice")
        }
        if dimensions.filter({ $0.isMultiValued(in: source) }).count > 1 {
            problems.append("dimensions: at most one of drug and diagnosis may be given for source \(source.rawValue) "
                + "(a unit falls in several of their categories)")
        }
        var dates = [String: CalendarDate]()
        for (key, text) in [("period.from", period.from), ("period.to", period.to)] {
            if let date = try? CalendarDate(iso: text) { dates[key] = date } else {
                problems.append("\(key) '\(text)' is not a date YYYY-MM-DD")
            }
        }
        if let from = dates["period.from"], let to = dates["period.to"], from > to {
            problems.append("period.from is after period.to")
        }
        if let ages = filters?.ages, let from = ages.from, let to = ages.to, from > to {
            problems.append("filters.ages.from is above filters.ages.to")
        }
        for (key, codes) in [("filters.diagnoses", filters?.diagnoses), ("filters.drugs", filters?.drugs)] {
            if let codes, codes.isEmpty || codes.contains(where: \.isEmpty) {
                problems.append("\(key) must list codes (or be left out)")
            }
        }
        if let privacy { problems += privacyProblems(privacy) }
        let disclosure = disclosureSettings
        if let threshold = disclosure.threshold, threshold < 1 { problems.append("disclosure.threshold must be at least 1") }
        if let minimum = disclosure.minInstitutions, minimum < 1 { problems.append("disclosure.minInstitutions must be at least 1") }
        if let protection = disclosure.protection, protection < 0 { problems.append("disclosure.protection must be 0 or more") }
        if let share = disclosure.protectionShare, !(0...1).contains(share) {
            problems.append("disclosure.protectionShare is a share from 0 to 1 (e.g. 0.3)")
        }
        if let rounding = disclosure.rounding, ![1, 2, 3, 5, 10, 100].contains(rounding) {
            problems.append("disclosure.rounding must be 5 or 10 (or 1, 2, 3, 100)")
        }
        return problems
    }

    private func privacyProblems(_ privacy: Privacy) -> [String] {
        var problems = [String]()
        if privacy.application.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("privacy.application is empty: name the application whose budget the table spends")
        }
        if !(privacy.epsilon > 0 && privacy.epsilon <= 10) { problems.append("privacy.epsilon must be above 0 and at most 10") }
        if privacy.mechanism == .gaussian {
            if let delta = privacy.delta, delta > 0, delta <= 0.001 {} else {
                problems.append("privacy.delta must be above 0 and at most 0.001 for the Gaussian mechanism")
            }
            if privacy.epsilon > 1 { problems.append("privacy.epsilon must be at most 1 for the Gaussian mechanism") }
        }
        if privacy.cellsPerPerson < 1 { problems.append("privacy.maxCellsPerPerson must be at least 1") }
        if measure.kind == .distribution { problems.append("privacy: a distribution cannot be given with noise; count persons instead") }
        if measure.kind != .persons && !(privacy.maxContribution.map { $0 > 0 } ?? false) {
            problems.append("privacy.maxContribution is missing: give the most one person may add to a cell of \(measure.kind.rawValue)")
        }
        for (index, dimension) in dimensions.enumerated() where dimension.declaredKeys(period: period) == nil {
            problems.append("dimensions[\(index)].values is missing: with privacy, a \(dimension.kind.rawValue) dimension lists its "
                + "categories (a category that appears only because it has data would disclose that it has)")
        }
        return problems
    }
}
