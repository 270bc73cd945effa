/// A resumable decoder for ISO-2022-JP as Japanese medical systems write it (SS-MIX2 HL7 files):
/// ASCII and JIS X 0201 Roman, JIS X 0208 (1978 and 1983, with the NEC row 13 and IBM extensions of
/// Windows code page 50220 such as ① and ㈱), and JIS X 0201 katakana by `ESC ( I` or SO/SI.
///
/// Two-byte characters are mapped through the CP932 table, so that the result matches what the same
/// characters give in a Shift_JIS claims file (JIS 0x215D is U+FF0D, as in Foundation).
/// Control bytes (CR, LF, TAB) pass through in every mode. JIS X 0212 and JIS X 0213 are reported as errors
/// naming the escape sequence.
public struct ISO2022JPDecoder: Sendable {
    private enum CharacterSet: Sendable {
        case ascii, katakana, jis0208
    }

    private var set = CharacterSet.ascii
    private var setBeforeShiftOut = CharacterSet.ascii
    private var escape: [UInt8] = []
    private var pendingFirst: UInt8?
    /// Bytes consumed so far; offsets in errors count from the first byte ever fed.
    public private(set) var byteCount = 0
    private let units = CP932Table.units

    public init() {}

    /// Decodes `bytes`, appending the characters to `output`.
    /// - Throws: ``TextDecodingError`` with the byte offset of the first invalid byte.
    public mutating func decode(_ bytes: some Collection<UInt8>, into output: inout String) throws(TextDecodingError) {
        var utf8 = [UInt8]()
        utf8.reserveCapacity(bytes.count)
        for byte in bytes {
            try step(byte, into: &utf8)
            byteCount += 1
        }
        output += String(decoding: utf8, as: UTF8.self)
    }

    /// Ends the input.
    /// - Throws: ``TextDecodingError`` when the input ended inside an escape sequence or a two-byte character.
    public mutating func finish() throws(TextDecodingError) {
        if !escape.isEmpty {
            throw error(at: byteCount - escape.count, escape, "the input ends inside an escape sequence")
        }
        if let first = pendingFirst {
            throw error(at: byteCount - 1, [first], "the input ends after the first byte of a two-byte character")
        }
    }

    /// Decodes a whole buffer at once.
    public static func decode(_ bytes: some Collection<UInt8>) throws(TextDecodingError) -> String {
        var decoder = ISO2022JPDecoder()
        var text = ""
        try decoder.decode(bytes, into: &text)
        try decoder.finish()
        return text
    }

    private func error(at offset: Int, _ bytes: [UInt8], _ reason: String) -> TextDecodingError {
        TextDecodingError(encoding: "ISO-2022-JP", byteOffset: offset, bytes: bytes, reason: reason)
    }

    private mutating func step(_ byte: UInt8, into utf8: inout [UInt8]) throws(TextDecodingError) {
        if !escape.isEmpty || byte == 0x1B {
            try stepEscape(byte)
            return
        }
        switch byte {
        case 0x0E:  // SO: katakana until SI
            setBeforeShiftOut = set
            set = .katakana
            return
        case 0x0F:  // SI
            set = setBeforeShiftOut
            return
        case 0x80...:
            throw error(at: byteCount, [byte], "ISO-2022-JP has only 7-bit bytes")
        case ..<0x21, 0x7F:
            if let first = pendingFirst {
                throw error(at: byteCount - 1, [first, byte], "a two-byte character is cut by a control byte")
            }
            utf8.append(byte)
            return
        default:
            break
        }
        switch set {
        case .ascii:
            utf8.append(byte)
        case .katakana:
            guard byte <= 0x5F else {
                throw error(at: byteCount, [byte], "JIS X 0201 katakana runs from 0x21 to 0x5F")
            }
            appendScalar(UInt32(byte) + 0xFF40, into: &utf8)  // 0x21 → U+FF61
        case .jis0208:
            guard let first = pendingFirst else {
                pendingFirst = byte
                return
            }
            pendingFirst = nil
            let (lead, trail) = ISO2022JPDecoder.shiftJIS(row: first, cell: byte)
            guard let unit = CP932Table.scalar(lead: lead, trail: trail, in: units) else {
                throw error(at: byteCount - 1, [first, byte], "the JIS X 0208 code is not assigned")
            }
            appendScalar(UInt32(unit), into: &utf8)
        }
    }

    private mutating func stepEscape(_ byte: UInt8) throws(TextDecodingError) {
        if let first = pendingFirst {
            throw error(at: byteCount - 1, [first, byte], "a two-byte character is cut by an escape sequence")
        }
        escape.append(byte)
        switch escape {
        case [0x1B], [0x1B, 0x28], [0x1B, 0x24], [0x1B, 0x26], [0x1B, 0x24, 0x28]:
            return  // incomplete
        case [0x1B, 0x28, 0x42], [0x1B, 0x28, 0x4A]:  // ESC ( B ASCII, ESC ( J JIS X 0201 Roman
            set = .ascii
        case [0x1B, 0x28, 0x49]:  // ESC ( I JIS X 0201 katakana
            set = .katakana
        case [0x1B, 0x24, 0x40], [0x1B, 0x24, 0x42]:  // ESC $ @ JIS C 6226-1978, ESC $ B JIS X 0208-1983
            set = .jis0208
        case [0x1B, 0x26, 0x40]:  // ESC & @ announces JIS X 0208-1990; ESC $ B follows
            break
        default:
            let offset = byteCount - escape.count + 1
            let sequence = escape
            escape = []
            let named = sequence.starts(with: [0x1B, 0x24, 0x28]) ? "JIS X 0212 or JIS X 0213 (not supported)" : "unknown"
            throw error(at: offset, sequence, "escape sequence for \(named) character set")
        }
        escape = []
    }

    /// JIS row and cell (0x21–0x7E each) to the Shift_JIS byte pair.
    @inline(__always)
    static func shiftJIS(row: UInt8, cell: UInt8) -> (UInt8, UInt8) {
        let lead = (row + 1) / 2 + (row <= 0x5E ? 0x70 : 0xB0)
        let trail: UInt8 = row % 2 == 1 ? cell + (cell >= 0x60 ? 0x20 : 0x1F) : cell + 0x7E
        return (lead, trail)
    }
}
