import Foundation

/// A privacy model checked class by class: k-anonymity, the l-diversity variants, t-closeness. A class a model does
/// not accept is suppressed (its records are left out), within the suppression limit.
///
/// A model is *monotonic* when every generalization of an acceptable transformation is acceptable too; the search
/// then skips what it can infer. Each model says when it is: every model here is monotonic under generalization
/// alone, but with record suppression only k-anonymity and distinct l-diversity stay so (merging an accepted class
/// with a suppressed one can lower entropy or raise a distance).
public protocol PrivacyModel: Sendable, CustomStringConvertible {
    /// Whether the model needs the sensitive attribute.
    var needsSensitive: Bool { get }
    func isMonotonic(withSuppression: Bool) -> Bool
    /// Whether a class is acceptable: its size and, for models on a sensitive attribute, how many of its records
    /// hold each sensitive value; `overall` is each sensitive value's share of the whole table.
    func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool
    /// Whether the release as a whole is acceptable once the classes a model refused are suppressed (for models
    /// on the whole table, such as an average risk; true for the others).
    func acceptsTable(keptClasses: Int, keptRecords: Int) -> Bool
}

extension PrivacyModel {
    public func acceptsTable(keptClasses: Int, keptRecords: Int) -> Bool { true }
}

/// Every class holds at least k records.
public struct KAnonymity: PrivacyModel {
    public let k: Int
    public init(k: Int) { self.k = k }
    public var needsSensitive: Bool { false }
    public func isMonotonic(withSuppression: Bool) -> Bool { true }
    public func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool { size >= k }
    public var description: String { "\(k)-anonymity" }
}

/// Every class holds at least l different sensitive values.
public struct DistinctLDiversity: PrivacyModel {
    public let l: Int
    public init(l: Int) { self.l = l }
    public var needsSensitive: Bool { true }
    public func isMonotonic(withSuppression: Bool) -> Bool { true }
    public func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool { sensitive.count >= l }
    public var description: String { "distinct \(l)-diversity" }
}

/// The entropy of every class's sensitive values is at least log l.
public struct EntropyLDiversity: PrivacyModel {
    public let l: Double
    public init(l: Double) { self.l = l }
    public var needsSensitive: Bool { true }
    public func isMonotonic(withSuppression: Bool) -> Bool { !withSuppression }
    public func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool {
        let total = Double(size)
        let entropy = sensitive.values.reduce(0.0) { sum, count in
            let share = Double(count) / total
            return sum - share * log2(share)
        }
        return entropy >= log2(l) - 1e-12
    }
    public var description: String { "entropy \(l)-diversity" }
}

/// Recursive (c, l)-diversity: with a class's sensitive counts in decreasing order r1 ≥ r2 ≥ …, r1 < c·(r_l + … + r_m).
public struct RecursiveCLDiversity: PrivacyModel {
    public let c: Double
    public let l: Int
    public init(c: Double, l: Int) {
        self.c = c
        self.l = l
    }
    public var needsSensitive: Bool { true }
    public func isMonotonic(withSuppression: Bool) -> Bool { !withSuppression }
    public func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool {
        guard sensitive.count >= l else { return false }
        let counts = sensitive.values.sorted(by: >)
        let tail = counts[(l - 1)...].reduce(0, +)
        return Double(counts[0]) < c * Double(tail)
    }
    public var description: String { "recursive (\(c), \(l))-diversity" }
}

/// Every class's distribution of sensitive values is within t of the table's, by the earth mover's distance with
/// equal ground distance (half the sum of the absolute differences).
public struct EqualDistanceTCloseness: PrivacyModel {
    public let t: Double
    public init(t: Double) { self.t = t }
    public var needsSensitive: Bool { true }
    public func isMonotonic(withSuppression: Bool) -> Bool { !withSuppression }
    public func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool {
        Self.distance(size: size, sensitive: sensitive, overall: overall) <= t + 1e-12
    }

    static func distance(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Double {
        var sum = 0.0
        for (value, share) in overall.enumerated() {
            sum += abs(Double(sensitive[Int32(value)] ?? 0) / Double(size) - share)
        }
        return sum / 2
    }
    public var description: String { "\(t)-closeness (equal distance)" }
}
