/// The records' average prosecutor re-identification risk — the mean over the kept records of one over their
/// class's size, which is the number of kept classes over the number of kept records — is at most `threshold`.
/// A condition on the whole table, not on a class: a class is never suppressed for it.
public struct AverageRisk: PrivacyModel {
    public let threshold: Double
    public init(threshold: Double) { self.threshold = threshold }
    public var needsSensitive: Bool { false }
    /// Generalizing merges classes and lowers the average; with suppression, a class that comes back into the
    /// release can raise it.
    public func isMonotonic(withSuppression: Bool) -> Bool { !withSuppression }
    public func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool { true }
    public func acceptsTable(keptClasses: Int, keptRecords: Int) -> Bool {
        keptRecords == 0 || Double(keptClasses) / Double(keptRecords) <= threshold + 1e-12
    }
    public var description: String { "average risk ≤ \(threshold)" }
}

/// No record's prosecutor re-identification risk (one over its class's size) is above `threshold`: k-anonymity
/// with k = ⌈1 / threshold⌉, said as a risk.
public struct MaximumRisk: PrivacyModel {
    public let threshold: Double
    public init(threshold: Double) { self.threshold = threshold }
    public var needsSensitive: Bool { false }
    public func isMonotonic(withSuppression: Bool) -> Bool { true }
    public func accepts(size: Int, sensitive: [Int32: Int], overall: [Double]) -> Bool {
        1 / Double(size) <= threshold + 1e-12
    }
    public var description: String { "highest risk ≤ \(threshold)" }
}
