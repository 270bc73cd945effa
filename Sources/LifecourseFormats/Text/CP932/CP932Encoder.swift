/// Encodes text to Windows code page 932, as Windows itself does: where a character has two codes (髙 at
/// FBFC and EEE0, ∵ in row 2 and row 13), the JIS X 0208 code is preferred, then NEC row 13, then the IBM
/// extensions, then the NEC-selected IBM extensions.
///
/// Used by the synthetic-data writers; the readers never need it.
public struct CP932Encoder: Sendable {
    private let codes: [UInt16: UInt16]

    public init() {
        codes = CP932Encoder.table
    }

    /// The CP932 bytes of `text`.
    /// - Throws: ``TextEncodingError`` naming the first character CP932 cannot represent.
    public func encode(_ text: some StringProtocol) throws(TextEncodingError) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        try encode(text, into: &bytes)
        return bytes
    }

    /// Appends the CP932 bytes of `text` to `bytes`.
    public func encode(_ text: some StringProtocol, into bytes: inout [UInt8]) throws(TextEncodingError) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else if (0xFF61...0xFF9F).contains(value) {
                bytes.append(UInt8(value - 0xFEC0))
            } else if value <= 0xFFFF, let code = codes[UInt16(value)] {
                bytes.append(UInt8(code >> 8))
                bytes.append(UInt8(code & 0xFF))
            } else {
                throw TextEncodingError(encoding: "CP932", character: Character(scalar))
            }
        }
    }

    /// Unicode → the preferred double-byte code.
    static let table: [UInt16: UInt16] = {
        let units = CP932Table.units
        var codes = [UInt16: (code: UInt16, rank: Int)]()
        for lead in Array(UInt8(0x81)...0x9F) + Array(UInt8(0xE0)...0xFC) {
            for trail in UInt8(0x40)...0xFC where trail != 0x7F {
                guard let unit = CP932Table.scalar(lead: lead, trail: trail, in: units) else { continue }
                let rank = switch lead {
                case 0x87: 1
                case 0xFA...0xFC: 2
                case 0xED...0xEE: 3
                case 0xF0...0xF9: 4
                default: 0
                }
                let code = UInt16(lead) << 8 | UInt16(trail)
                if let existing = codes[unit], existing.rank <= rank { continue }
                codes[unit] = (code, rank)
            }
        }
        return codes.mapValues(\.code)
    }()
}

/// A character that an encoding cannot represent.
public struct TextEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public let encoding: String
    public let character: Character

    public var description: String {
        let code = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
        return "'\(character)' (\(code)) cannot be written in \(encoding)"
    }
}
