/// Input that could not be accepted, said so that an operator can act on it:
/// the position in the file, what is wrong, and what to do.
///
/// ```
/// RECEIPTC.UKE, line 12, column 3: '4311301' is not valid: 平成30年 has no month 13;
/// expected a date as YYYYMMDD, YYYYMM, GYYMMDD or GYYMM. Fix: correct the date in the sending system
/// and send the file again.
/// ```
public struct SourceError: Error, Sendable, Hashable, CustomStringConvertible {
    public let position: SourcePosition
    /// What is wrong, in one sentence without the position.
    public let problem: String
    /// What the operator can do about it.
    public let fix: String

    public init(at position: SourcePosition, problem: String, fix: String) {
        self.position = position
        self.problem = problem
        self.fix = fix
    }

    /// Wraps a value error found at a position.
    public init(at position: SourcePosition, _ error: ValueError, fix: String) {
        self.init(at: position, problem: error.description, fix: fix)
    }

    public var description: String {
        "\(position): \(problem). Fix: \(fix)"
    }
}
