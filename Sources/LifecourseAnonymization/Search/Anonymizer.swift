import Foundation

/// The optimal full-domain generalization of a table: the transformation (a level per quasi-identifier) that
/// satisfies every privacy model with at most `suppressionLimit` of the records suppressed, and loses the least
/// information by the metric.
///
/// The search orders the lattice of transformations by a lower bound of the metric that needs no grouping (exact for
/// non-uniform entropy), evaluates them in that order and stops when no transformation left can beat the best found.
/// With monotonic models it also skips what monotonicity decides: a specialization of a transformation that fails
/// fails too. Classes are computed from the nearest evaluated specialization's classes, not from the records. The
/// result is the one an exhaustive search gives (ties broken by the lowest levels, then the lattice order).
public struct Anonymizer: Sendable {
    public let table: EncodedTable
    public var models: [any PrivacyModel]
    /// The share of records that may be suppressed (0 … 1).
    public var suppressionLimit: Double
    public var metric: UtilityMetric

    public init(table: EncodedTable, models: [any PrivacyModel], suppressionLimit: Double, metric: UtilityMetric) {
        self.table = table
        self.models = models
        self.suppressionLimit = suppressionLimit
        self.metric = metric
    }

    /// One transformation, evaluated.
    public struct Outcome: Sendable {
        public let levels: [Int]
        public let classes: EquivalenceClasses
        /// Per class, whether it is suppressed.
        public let suppressed: [Bool]
        public let suppressedRecords: Int
        public let isAnonymous: Bool
        public let loss: Double

        /// The classes kept, and the smallest of them.
        public var keptClasses: Int { suppressed.filter { !$0 }.count }
        public var smallestClass: Int? { zip(classes.sizes, suppressed).filter { !$0.1 }.map(\.0).min() }
    }

    public struct Result: Sendable {
        public let best: Outcome?
        public let latticeSize: Int
        public let evaluated: Int
    }

    var maximumSuppressed: Int { Int((suppressionLimit * Double(table.records)).rounded(.down)) }

    /// The sensitive values' shares in the whole table (for t-closeness).
    var overall: [Double] {
        guard let sensitive = table.sensitive, !sensitive.isEmpty else { return [] }
        var counts = [Double](repeating: 0, count: table.sensitiveValues.count)
        for code in sensitive { counts[Int(code)] += 1 }
        return counts.map { $0 / Double(sensitive.count) }
    }

    /// Evaluates the classes of a transformation against the models.
    func outcome(_ classes: EquivalenceClasses, overall: [Double]) -> Outcome {
        var suppressed = [Bool](repeating: false, count: classes.count), suppressedRecords = 0
        for member in 0..<classes.count {
            let size = classes.sizes[member], counts = classes.sensitiveCounts(member)
            if !models.allSatisfy({ $0.accepts(size: size, sensitive: counts, overall: overall) }) {
                suppressed[member] = true
                suppressedRecords += size
            }
        }
        let keptClasses = suppressed.count - suppressed.filter { $0 }.count
        let isAnonymous = suppressedRecords <= maximumSuppressed && models.allSatisfy {
            $0.acceptsTable(keptClasses: keptClasses, keptRecords: table.records - suppressedRecords)
        }
        let loss = metric.value(classes.levels, classes: classes, suppressed: suppressed,
                                suppressedRecords: suppressedRecords, table: table)
        return Outcome(levels: classes.levels, classes: classes, suppressed: suppressed,
                       suppressedRecords: suppressedRecords, isAnonymous: isAnonymous, loss: loss)
    }

    /// Every transformation of the lattice, in lattice order (the last attribute's level changes fastest).
    var lattice: [[Int]] {
        var nodes = [[Int]]()
        var levels = [Int](repeating: 0, count: table.heights.count)
        let total = table.heights.reduce(1, *)
        nodes.reserveCapacity(total)
        for _ in 0..<total {
            nodes.append(levels)
            for attribute in levels.indices.reversed() {
                levels[attribute] += 1
                if levels[attribute] < table.heights[attribute] { break }
                levels[attribute] = 0
            }
        }
        return nodes
    }

    /// Whether `a` is a specialization of `b` (no level higher).
    static func isBelow(_ a: [Int], _ b: [Int]) -> Bool { zip(a, b).allSatisfy { $0 <= $1 } }

    /// The optimal transformation.
    ///
    /// With monotonic models, anonymity is first decided for the whole lattice as Flash does: from the lowest
    /// undecided transformation, a path upwards through undecided ones, searched by bisection; an anonymous
    /// transformation decides all its generalizations, a failing one all its specializations. Only then is the
    /// metric consulted, over the anonymous transformations in the order of their bound. Without monotonicity every
    /// transformation is evaluated in that order until none left can beat the best.
    public func run() -> Result {
        var search = Search(anonymizer: self)
        return search.run()
    }

    /// Every transformation evaluated, the best kept: the reference the search must equal (for tests).
    func exhaustive() -> Outcome? {
        let root = EquivalenceClasses(table: table), overall = self.overall
        var best: (outcome: Outcome, rank: (Double, Int, Int))?
        for (index, levels) in lattice.enumerated() {
            let outcome = outcome(root.generalized(to: levels, in: table), overall: overall)
            guard outcome.isAnonymous else { continue }
            let rank = (outcome.loss, levels.reduce(0, +), index)
            if best == nil || rank < best!.rank { best = (outcome, rank) }
        }
        return best?.outcome
    }

    /// The table's rows with the quasi-identifiers generalized as `outcome` says and the suppressed records' set to
    /// `*`; other columns as they were.
    public func apply(_ outcome: Outcome, header: [String], rows: [[String]]) -> [[String]] {
        let columns = table.attributes.map { header.firstIndex(of: $0)! }
        var rows = rows
        forEachRecord(of: outcome) { record, key, isSuppressed in
            for (attribute, column) in columns.enumerated() {
                rows[record][column] = isSuppressed ? "*" : table.names[attribute][outcome.levels[attribute]][Int(key[attribute])]
            }
        }
        return rows
    }

    /// Per record, whether `outcome` suppresses it.
    public func suppressedRecords(_ outcome: Outcome) -> [Bool] {
        var suppressed = [Bool](repeating: false, count: table.records)
        forEachRecord(of: outcome) { record, _, isSuppressed in suppressed[record] = isSuppressed }
        return suppressed
    }

    /// Calls `body` with each record, its generalized key and whether its class is suppressed.
    private func forEachRecord(of outcome: Outcome, _ body: (Int, [Int32], Bool) -> Void) {
        let width = table.attributes.count
        var classOf = [TupleKey: Int]()
        for member in 0..<outcome.classes.count { classOf[TupleKey(Array(outcome.classes.key(member)))] = member }
        var key = [Int32](repeating: 0, count: width)
        for record in 0..<table.records {
            for attribute in 0..<width {
                let code = table.codes[record * width + attribute]
                key[attribute] = table.generalize[attribute][outcome.levels[attribute]][Int(code)]
            }
            body(record, key, classOf[TupleKey(key)].map { outcome.suppressed[$0] } ?? true)
        }
    }
}
