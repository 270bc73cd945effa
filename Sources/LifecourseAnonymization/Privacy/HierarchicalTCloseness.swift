import Foundation
import LifecourseCore

/// t-closeness with the hierarchical ground distance of Li, Li and Venkatasubramanian (2007): two sensitive values
/// are as far apart as the level of their lowest common ancestor in the sensitive attribute's hierarchy, over its
/// height (two diagnoses of one ICD-10 chapter are closer than two of different chapters). The earth mover's
/// distance of a class then follows from the tree: for each node N, extra(N) is how much more (or less) of the
/// class's mass than of the table's lies under it, and EMD = Σ level(N)/H · min(positive, negative extra of N's
/// children).
public struct HierarchicalTCloseness: PrivacyModel {
    public let t: Double
    /// Per level above the values (1 … H), the parent there of each node of the level below (of each value at
    /// level 1), nodes numbered within their level.
    private let parents: [[Int]]
    private let nodesPerLevel: [Int]
    /// The hierarchy's height H (its number of levels less one).
    private let height: Int

    /// - Parameters:
    ///   - hierarchy: the sensitive attribute's hierarchy (its last level one root).
    ///   - values: the sensitive values by code, as the encoded table numbers them.
    public init(t: Double, hierarchy: Hierarchy, values: [String]) throws(AnonymizationError) {
        self.t = t
        height = hierarchy.height - 1
        guard height >= 1 else { throw .invalid("the hierarchy of \(hierarchy.attribute) needs a level above the values") }
        var ancestors = [[Int]](), counts = [Int]()
        for level in 1...height {
            var numbers = Interner<String>()
            var column = [Int]()
            for value in values {
                guard let node = hierarchy.generalize(value, to: level) else {
                    throw .invalid("the sensitive value '\(value)' is not in the hierarchy of \(hierarchy.attribute); add a row for it")
                }
                column.append(Int(numbers.number(node)))
            }
            ancestors.append(column)
            counts.append(numbers.count)
        }
        guard counts.last == 1 else {
            throw .invalid("the hierarchy of \(hierarchy.attribute) must end in one value (such as *) for t-closeness")
        }
        parents = (1...height).map { level in
            var parent = [Int](repeating: 0, count: level == 1 ? values.count : counts[level - 2])
            for (value, node) in ancestors[level - 1].enumerated() { parent[level == 1 ? value : ancestors[level - 2][value]] = node }
            return parent
        }
        nodesPerLevel = counts
    }

    public var needsSensitive: Bool { true }
    public func isMonotonic(withSuppression: Bool) -> Bool { !withSuppression }

    public func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool {
        distance(size: size, sensitive: sensitive, overall: overall) <= t + 1e-12
    }

    /// The class's earth mover's distance from the table's distribution.
    func distance(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Double {
        // extra of each value, then of each node, level by level.
        var extra = overall.indices.map { Double(sensitive[Int32($0)] ?? 0) / Double(size) - overall[$0] }
        var distance = 0.0
        for level in 1...height {
            var positive = [Double](repeating: 0, count: nodesPerLevel[level - 1])
            var negative = positive
            var next = positive
            for (child, parent) in parents[level - 1].enumerated() {
                if extra[child] > 0 { positive[parent] += extra[child] } else { negative[parent] -= extra[child] }
                next[parent] += extra[child]
            }
            for node in positive.indices { distance += Double(level) / Double(height) * min(positive[node], negative[node]) }
            extra = next
        }
        return distance
    }

    public var description: String { "\(t)-closeness (hierarchical distance)" }
}
