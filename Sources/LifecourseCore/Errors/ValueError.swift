/// A single value that could not be read: the input, what was expected, and how to fix it.
///
/// Core value types throw this; readers wrap it in a ``SourceError`` that adds the file and position.
/// The kinds are static members over a private enum, so new kinds can be added without breaking callers.
public struct ValueError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case malformed
        case outOfRange
        case outsideEra
    }

    private let kind: Kind
    /// The text as it was read.
    public let input: String
    /// What a valid value looks like, e.g. "a date as YYYYMMDD or GYYMMDD".
    public let expected: String
    /// Why this input is not one, when more can be said than "malformed".
    public let reason: String?

    private init(_ kind: Kind, input: String, expected: String, reason: String?) {
        self.kind = kind
        self.input = input
        self.expected = expected
        self.reason = reason
    }

    /// The input does not have the shape of the value (wrong length, letters where digits belong).
    public static func malformed(_ input: String, expected: String, reason: String? = nil) -> ValueError {
        ValueError(.malformed, input: input, expected: expected, reason: reason)
    }

    /// The input has the right shape but names something that does not exist (month 13, prefecture 48).
    public static func outOfRange(_ input: String, expected: String, reason: String) -> ValueError {
        ValueError(.outOfRange, input: input, expected: expected, reason: reason)
    }

    /// A Japanese-era date that lies outside its era (e.g. 令和 before 2019-05-01).
    public static func outsideEra(_ input: String, expected: String, reason: String) -> ValueError {
        ValueError(.outsideEra, input: input, expected: expected, reason: reason)
    }

    /// Whether two errors are of the same kind, whatever their input.
    public func isSameKind(as other: ValueError) -> Bool { kind == other.kind }

    public var description: String {
        let shown = input.isEmpty ? "an empty value" : "'\(input)'"
        if let reason {
            return "\(shown) is not valid: \(reason); expected \(expected)"
        }
        return "\(shown) is not valid; expected \(expected)"
    }
}
