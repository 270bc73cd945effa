/// The prosecutor's re-identification risk of a table's records, from their equivalence classes: a record in a class
/// of n records is re-identified with probability 1/n by someone who knows it is in the table.
public struct ReidentificationRisk: Sendable, Hashable, Codable {
    /// Records alone in their class.
    public var sampleUniques: Int
    /// The highest risk (1 / the smallest class).
    public var highest: Double
    /// The mean risk over the records (classes / records).
    public var average: Double
    /// Records whose risk is above ``threshold``.
    public var recordsAtRisk: Int
    public var threshold: Double

    /// - Parameters:
    ///   - sizes: the classes' sizes; suppressed classes left out.
    ///   - threshold: the risk above which a record counts as at risk (0.2: a class of fewer than 5).
    public init(sizes: [Int], threshold: Double = 0.2) {
        let records = sizes.reduce(0, +)
        sampleUniques = sizes.filter { $0 == 1 }.count
        highest = sizes.min().map { 1 / Double($0) } ?? 0
        average = records == 0 ? 0 : Double(sizes.count) / Double(records)
        recordsAtRisk = sizes.filter { 1 / Double($0) > threshold }.reduce(0, +)
        self.threshold = threshold
    }

    /// The risk of the records as they are (every quasi-identifier at level 0).
    public init(original table: EncodedTable, threshold: Double = 0.2) {
        self.init(sizes: EquivalenceClasses(table: table).sizes, threshold: threshold)
    }

    /// The risk of an outcome's records (suppressed ones left out).
    public init(_ outcome: Anonymizer.Outcome, threshold: Double = 0.2) {
        self.init(sizes: zip(outcome.classes.sizes, outcome.suppressed).filter { !$0.1 }.map(\.0), threshold: threshold)
    }
}
