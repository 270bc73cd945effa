/// What each cell of a table holds.
public struct TableMeasure: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Distinct persons (by research ID).
        case persons
        /// Units: claims, or drug lines.
        case records
        /// Prescribed quantity: a drug line's amount (使用量) times its count (回数).
        case quantity
        /// The sum of points (点数).
        case points
        /// The mean and percentiles of a lab value (source `measurements`), one value per person.
        case distribution
    }

    public var kind: Kind
    /// For source `measurements`: the lab item (the start of its JLAC10 code, e.g. `3D046` HbA1c).
    public var item: String?
    /// For `distribution`: the percentiles given (nearest rank), by default 10, 25, 50, 75, 90.
    public var percentiles: [Int]?

    public init(_ kind: Kind, item: String? = nil, percentiles: [Int]? = nil) {
        self.kind = kind
        self.item = item
        self.percentiles = percentiles
    }

    var percentileList: [Int] { percentiles ?? [10, 25, 50, 75, 90] }

    /// Whether the measure counts (persons, records), as opposed to summing amounts (quantity, points).
    var isCount: Bool { kind == .persons || kind == .records || kind == .distribution }

    /// The sources this measure can be computed for.
    var sources: Set<TableSource> {
        switch kind {
        // A person may have drug lines at two institutions: counted once per cell, persons would not add up to the
        // totals, which secondary suppression relies on. Tables of persons count person units.
        case .persons: Set(TableSource.allCases.filter(\.unitIsPerson))
        case .records, .points: [.prescriptions, .claims]
        case .quantity: [.prescriptions]
        case .distribution: [.measurements]
        }
    }

    func problems(source: TableSource) -> [String] {
        var problems = [String]()
        if !sources.contains(source) {
            problems.append("measure.kind \(kind.rawValue) is not available for source \(source.rawValue); it is for "
                + sources.map(\.rawValue).sorted().joined(separator: ", "))
        }
        if source == .measurements {
            if !Self.isLabItem(item) {
                problems.append("measure.item must be the lab item's JLAC10 code or its start, e.g. 3D046 (HbA1c)")
            }
        }
        if percentileList.isEmpty || percentileList.contains(where: { !(1...99).contains($0) }) {
            problems.append("measure.percentiles must be whole numbers from 1 to 99, e.g. [25, 50, 75]")
        }
        return problems
    }

    /// Whether `item` can be the start of a JLAC10 code (digits and capital letters).
    static func isLabItem(_ item: String?) -> Bool {
        guard let item, !item.isEmpty else { return false }
        return item.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }
}
