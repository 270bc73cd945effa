/// The 6-digit code of a municipality (全国地方公共団体コード, JIS X 0401/0402): 都道府県 2 + 市区町村 3 + a check
/// digit, which is the last digit of 11 minus the weighted sum (6, 5, 4, 3, 2) of the five digits modulo 11.
///
/// Municipalities send death records, 国保 and care data; the code names the sender and the place of residence.
public struct MunicipalityCode: Sendable, Hashable, Comparable, TextCode, CustomStringConvertible {
    /// The six digits.
    public let code: String

    /// Reads the 6-digit form; the 5-digit form without check digit is completed.
    /// - Throws: ``ValueError`` when the text is not 5 or 6 digits, the prefecture does not exist or the check
    ///   digit is wrong.
    public init(_ text: some StringProtocol) throws(ValueError) {
        let expected = "a 6-digit municipality code (全国地方公共団体コード), e.g. 131016"
        guard text.count == 5 || text.count == 6, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .malformed(String(text), expected: expected)
        }
        _ = try Prefecture(text.prefix(2))
        let check = Self.checkDigit(for: text.prefix(5))
        if text.count == 6, text.last?.wholeNumberValue != check {
            throw .outOfRange(String(text), expected: expected,
                              reason: "the check digit should be \(check) (a digit was mistyped or swapped)")
        }
        code = text.prefix(5) + String(check)
    }

    /// The check digit of five digits.
    public static func checkDigit(for digits: some StringProtocol) -> Int {
        let sum = zip(digits.compactMap(\.wholeNumberValue), [6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        return (11 - sum % 11) % 10
    }

    public var prefecture: Prefecture { try! Prefecture(code.prefix(2)) }

    public static func < (lhs: MunicipalityCode, rhs: MunicipalityCode) -> Bool { lhs.code < rhs.code }

    public var description: String { code }
}
