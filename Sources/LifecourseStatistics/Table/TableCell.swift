/// One cell of a table (a category of every axis, or a total): what the store computed, and whether it is shown.
public struct TableCell: Sendable, Hashable {
    /// Why a cell is not shown.
    public enum Status: String, Sendable, Hashable, Codable {
        case published
        /// Fewer persons than the threshold (一次秘匿).
        case fewPersons
        /// Fewer institutions than the minimum (一次秘匿).
        case fewInstitutions
        /// Suppressed so that a suppressed cell cannot be worked out from the others and the totals (二次秘匿).
        case complementary
    }

    /// The measure: persons, records, quantity or points (for a distribution, the persons).
    public var value: Double
    public var persons: Int
    public var institutions: Int
    /// For a distribution: the mean and the percentiles, in the specification's order.
    public var mean: Double?
    public var percentiles: [Double?]
    public var status: Status

    public init(value: Double = 0, persons: Int = 0, institutions: Int = 0, mean: Double? = nil,
                percentiles: [Double?] = [], status: Status = .published) {
        self.value = value
        self.persons = persons
        self.institutions = institutions
        self.mean = mean
        self.percentiles = percentiles
        self.status = status
    }

    public var isSuppressed: Bool { status != .published }
    /// Suppressed for itself (a primary suppression), as opposed to protecting another cell.
    public var isSensitive: Bool { status == .fewPersons || status == .fewInstitutions }
}
