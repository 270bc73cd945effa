/// The identifier of one person in the research store (研究用ID).
///
/// A research ID is a 55-bit number that looks random (the store derives it with a keyed hash), so it reveals
/// neither the order of ingest nor anything about the person; it is assigned once and never reused. It is shown as 11 Crockford base-32 symbols plus one
/// check symbol, in three groups: `7K3M-Q9XZ-2PWT`. The check symbol (weighted sum modulo 31) catches every
/// single mistyped symbol and every swap of two neighbours.
public struct ResearchID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The number stored in the research store (OMOP `person_id`), 1 … 2^55 − 1.
    public let rawValue: Int64

    static let bits = 55
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let expected = "a research ID such as 7K3M-Q9XZ-2PWT (12 symbols of 0–9 and A–Z without I, L, O, U)"

    /// Wraps a stored number.
    /// - Throws: ``ValueError`` when the number is outside 1 … 2^55 − 1.
    public init(rawValue: Int64) throws(ValueError) {
        guard rawValue > 0, rawValue < (1 << ResearchID.bits) else {
            throw .outOfRange(String(rawValue), expected: "a number from 1 to 2^55 − 1",
                              reason: "research IDs are 55-bit positive numbers")
        }
        self.rawValue = rawValue
    }

    /// Draws a new ID.
    public static func random(using generator: inout some RandomNumberGenerator) -> ResearchID {
        try! ResearchID(rawValue: Int64.random(in: 1..<(1 << bits), using: &generator))
    }

    /// Reads the printed form; case, hyphens and spaces do not matter, and O, I and L are read as 0, 1 and 1.
    /// - Throws: ``ValueError`` when a symbol is not base 32 or the check symbol does not match.
    public init(_ text: some StringProtocol) throws(ValueError) {
        var values = [Int]()
        for character in text.uppercased() where character != "-" && character != " " {
            let folded: Character = switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
            guard let index = ResearchID.alphabet.firstIndex(of: folded) else {
                throw .malformed(String(text), expected: ResearchID.expected, reason: "'\(character)' is not a base-32 symbol")
            }
            values.append(index)
        }
        guard values.count == 12 else {
            throw .malformed(String(text), expected: ResearchID.expected, reason: "it has \(values.count) symbols, not 12")
        }
        let payload = values.dropLast()
        guard ResearchID.check(payload) == values.last! else {
            throw .malformed(String(text), expected: ResearchID.expected,
                             reason: "the check symbol does not match; a symbol was mistyped")
        }
        let number = payload.reduce(Int64(0)) { $0 << 5 | Int64($1) }
        try self.init(rawValue: number)
    }

    /// Σ vᵢ·α^(n−i) in GF(2^5) with the primitive polynomial x^5 + x^2 + 1, by Horner's rule. The check symbol
    /// itself has weight α⁰, so a swap of the last symbol with the check symbol is caught as well.
    private static func check(_ values: some Collection<Int>) -> Int {
        func timesAlpha(_ value: Int) -> Int {
            let shifted = value << 1
            return shifted & 0b100000 != 0 ? shifted ^ 0b100101 : shifted
        }
        return timesAlpha(values.reduce(0) { timesAlpha($0) ^ $1 })
    }

    /// `XXXX-XXXX-XXXC`, where C is the check symbol.
    public var description: String {
        var values = [Int]()
        var number = rawValue
        for _ in 0..<11 {
            values.append(Int(number & 31))
            number >>= 5
        }
        values.reverse()
        values.append(ResearchID.check(values))
        let symbols = values.map { ResearchID.alphabet[$0] }
        return String(symbols[0..<4]) + "-" + String(symbols[4..<8]) + "-" + String(symbols[8..<12])
    }

    public static func < (lhs: ResearchID, rhs: ResearchID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
