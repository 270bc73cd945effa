/// Encodes text to ISO-2022-JP as SS-MIX2 storage requires (JIS X 0208 only, `ESC $ B` … `ESC ( B`), ending
/// every line in ASCII. Half-width katakana are written full-width (ISO-2022-JP has no half-width kana);
/// characters outside JIS X 0208 (髙, ①) are an error, so that a writer chooses what to put instead.
public struct ISO2022JPEncoder: Sendable {
    private let codes: [UInt16: UInt16]

    public init() {
        codes = ISO2022JPEncoder.table
    }

    /// The bytes of `text`; the result ends in ASCII mode.
    /// - Throws: ``TextEncodingError`` for a character outside ASCII and JIS X 0208.
    public func encode(_ text: some StringProtocol) throws(TextEncodingError) -> [UInt8] {
        var bytes = [UInt8]()
        var twoByte = false
        for scalar in Self.fullWidthKana(String(text)).unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if twoByte {
                    bytes += [0x1B, 0x28, 0x42]
                    twoByte = false
                }
                bytes.append(UInt8(value))
            } else if value <= 0xFFFF, let code = codes[UInt16(value)] {
                if !twoByte {
                    bytes += [0x1B, 0x24, 0x42]
                    twoByte = true
                }
                bytes.append(UInt8(code >> 8))
                bytes.append(UInt8(code & 0xFF))
            } else {
                throw TextEncodingError(encoding: "ISO-2022-JP (JIS X 0208)", character: Character(scalar))
            }
        }
        if twoByte { bytes += [0x1B, 0x28, 0x42] }
        return bytes
    }

    /// Whether every character of `text` can be written.
    public func canEncode(_ text: some StringProtocol) -> Bool {
        (try? encode(text)) != nil
    }

    /// Half-width katakana to full-width (ｶﾞ → ガ), the only normalization ISO-2022-JP writing needs.
    private static func fullWidthKana(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF61...0xFF9F).contains($0.value) }) else { return text }
        return JapaneseText.nfkc(text)
    }

    /// Unicode → JIS row and cell, for the JIS X 0208 part of the CP932 table (rows 1–8 and 16–84).
    static let table: [UInt16: UInt16] = {
        let units = CP932Table.units
        var codes = [UInt16: UInt16]()
        for row in UInt8(0x21)...0x74 where row <= 0x28 || row >= 0x30 {
            for cell in UInt8(0x21)...0x7E {
                let (lead, trail) = ISO2022JPDecoder.shiftJIS(row: row, cell: cell)
                guard let unit = CP932Table.scalar(lead: lead, trail: trail, in: units), codes[unit] == nil else { continue }
                codes[unit] = UInt16(row) << 8 | UInt16(cell)
            }
        }
        return codes
    }()
}
