import LifecourseCore

/// One dimension of a statistical table, as a specification writes it: `{ "kind": "ageBand", "width": 10 }`.
public struct TableDimension: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 都道府県 of the unit's institution (or insurer): `13` 東京都.
        case prefecture
        /// A region inside the prefecture: the 郡市区 digits of the institution code (a unit close to the
        /// 二次医療圏, whose municipality list is not loaded), or the municipality of a care insurer. Nested in
        /// `prefecture` when both are given.
        case area
        case sex
        /// Age at the unit's date in bands of `width` years (default 10), the last band `top`+ (default 90).
        case ageBand
        /// The institution's bed count (病床数, the largest its claims state) in classes cut at `cuts`
        /// (default 20, 100, 200, 500); institutions that never state one are 不明.
        case bedSize
        /// A drug at `level`: `code` (レセプト電算コード), `yj` (YJ code), `ingredient` (YJ's first 7
        /// characters) or `class` (薬効分類, its first 4), from the loaded 医薬品 master.
        case drug
        /// A diagnosis at `level`: `code` (傷病名コード), `icd10`, `category` (3 characters) or `chapter` (I–XXII).
        case diagnosis
        /// The latest value in the period of lab `item` (the start of its JLAC10 code, e.g. `3D046` HbA1c) in
        /// classes cut at `cuts` (required): `[5.6, 6.5, 8.0]` gives <5.6, 5.6–6.4, 6.5–7.9, ≥8.0.
        case labCategory
        /// 要介護度 of the latest certification: 要支援1–2, 要介護1–5.
        case careLevel
        case year
        case month
    }

    public var kind: Kind
    public var width: Int?
    public var top: Int?
    public var cuts: [Double]?
    public var item: String?
    public var level: String?
    /// The categories (keys) the table shows, whatever the data: required with differential privacy for drugs,
    /// diagnoses and areas, whose categories are not known in advance.
    public var values: [String]?

    public init(_ kind: Kind, width: Int? = nil, top: Int? = nil, cuts: [Double]? = nil, item: String? = nil,
                level: String? = nil, values: [String]? = nil) {
        self.values = values
        self.kind = kind
        self.width = width
        self.top = top
        self.cuts = cuts
        self.item = item
        self.level = level
    }

    static let drugLevels = ["code", "yj", "ingredient", "class"]
    static let diagnosisLevels = ["code", "icd10", "category", "chapter"]

    var ageWidth: Int { width ?? 10 }
    var ageTop: Int { top ?? 90 }
    var bedCuts: [Double] { cuts ?? [20, 100, 200, 500] }
    var drugLevel: String { level ?? "yj" }
    var diagnosisLevel: String { level ?? "category" }

    /// The column name in results and files.
    public var name: String {
        switch kind {
        case .labCategory: "lab_\(item ?? "")"
        case .drug: "drug_\(drugLevel)"
        case .diagnosis: "diagnosis_\(diagnosisLevel)"
        default: kind.rawValue
        }
    }

    /// The keys the dimension has whatever the data — the declared `values`, or the whole domain of a dimension
    /// whose categories are known: prefectures 01–47, sex, age bands, classes, care levels, the period's years and
    /// months; nil for drugs, diagnoses and areas that declare none.
    func declaredKeys(period: TableSpec.Period) -> [String]? {
        if let values { return values }
        switch kind {
        case .prefecture: return Prefecture.all.map(\.codeText)
        case .sex: return [Sex.male, .female].map(\.claimsCode)
        case .ageBand: return Array(stride(from: 0, to: ageTop, by: ageWidth)).map(String.init) + [String(ageTop)]
        case .bedSize: return [""] + (0...bedCuts.count).map(String.init)
        case .labCategory: return (0...(cuts ?? []).count).map(String.init)
        case .careLevel: return CareLevel.allCases.filter { $0 != .notApplicable }.map(\.rawValue)
        case .year, .month:
            guard let from = Int(period.from.prefix(4)), let to = Int(period.to.prefix(4)), from <= to else { return [] }
            let years = (from...to).map(String.init)
            guard kind == .month else { return years }
            return years.flatMap { year in (1...12).map { year + (($0 < 10) ? "-0\($0)" : "-\($0)") } }
                .filter { $0 >= String(period.from.prefix(7)) && $0 <= String(period.to.prefix(7)) }
        case .area, .drug, .diagnosis: return nil
        }
    }

    /// Whether a unit of `source` may fall in several of this dimension's categories (a person with two drugs);
    /// such a dimension has no total, and the table's other dimensions add up within each of its categories.
    func isMultiValued(in source: TableSource) -> Bool {
        switch kind {
        case .drug: source != .prescriptions
        case .diagnosis: true
        default: false
        }
    }

    /// The sources this dimension can be computed for.
    var sources: Set<TableSource> {
        switch kind {
        case .prefecture, .area, .sex, .ageBand: Set(TableSource.allCases)
        case .bedSize: [.persons, .prescriptions, .claims, .measurements]
        case .drug: [.persons, .care, .prescriptions]
        case .diagnosis: [.persons, .care, .claims]
        case .labCategory: [.persons, .measurements]
        case .careLevel: [.care]
        case .year, .month: [.prescriptions, .claims]
        }
    }

    /// Everything wrong with the dimension at `place` (`dimensions[1]`) for `source`.
    func problems(at place: String, source: TableSource) -> [String] {
        var problems = [String]()
        if !sources.contains(source) {
            problems.append("\(place): \(kind.rawValue) is not available for source \(source.rawValue); it is for "
                + sources.map(\.rawValue).sorted().joined(separator: ", "))
        }
        switch kind {
        case .ageBand:
            if !(1...50).contains(ageWidth) { problems.append("\(place).width must be 1 to 50 years") }
            if !(1...120).contains(ageTop) { problems.append("\(place).top must be 1 to 120") }
        case .bedSize, .labCategory:
            if kind == .labCategory && cuts == nil {
                problems.append("\(place).cuts is missing: give the class limits, e.g. [5.6, 6.5, 8.0]")
            }
            if let cuts, cuts.isEmpty || zip(cuts, cuts.dropFirst()).contains(where: { $0 >= $1 }) {
                problems.append("\(place).cuts must be rising numbers, e.g. [5.6, 6.5, 8.0]")
            }
        default: break
        }
        if kind == .labCategory {
            if !TableMeasure.isLabItem(item) {
                problems.append("\(place).item must be the start of a JLAC10 code, e.g. 3D046 (HbA1c)")
            }
        }
        if kind == .drug, !Self.drugLevels.contains(drugLevel) {
            problems.append("\(place).level '\(drugLevel)' is not a drug level; use " + Self.drugLevels.joined(separator: ", "))
        }
        if kind == .diagnosis, !Self.diagnosisLevels.contains(diagnosisLevel) {
            problems.append("\(place).level '\(diagnosisLevel)' is not a diagnosis level; use "
                + Self.diagnosisLevels.joined(separator: ", "))
        }
        return problems
    }
}
