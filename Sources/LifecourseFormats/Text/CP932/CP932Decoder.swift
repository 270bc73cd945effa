/// A resumable decoder for Windows code page 932 (Shift_JIS as Windows writes it: ①, ㈱, 髙, ～,
/// half-width kana), the encoding of claims (レセ電) files.
///
/// Feed it chunks of any size; a double-byte character split across chunks is completed by the next one.
/// Call ``finish()`` at the end of input, so that a trailing lead byte is reported.
///
/// ```swift
/// var decoder = CP932Decoder()
/// var text = ""
/// for chunk in chunks { try decoder.decode(chunk, into: &text) }
/// try decoder.finish()
/// ```
///
/// The user-defined area (F040–F9FC) decodes to the Private Use Area (U+E000…), as Windows does.
public struct CP932Decoder: Sendable {
    private var pendingLead: UInt8?
    /// Bytes consumed so far; offsets in errors count from the first byte ever fed.
    public private(set) var byteCount = 0
    private let units = CP932Table.units

    public init() {}

    /// Decodes `bytes`, appending the characters to `output`.
    /// - Throws: ``TextDecodingError`` with the byte offset of the first invalid byte; the decoder should not
    ///   be used after an error.
    public mutating func decode(_ bytes: some Collection<UInt8>, into output: inout String) throws(TextDecodingError) {
        var utf8 = [UInt8]()
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        try decode(bytes, appendingUTF8To: &utf8)
        output += String(decoding: utf8, as: UTF8.self)
    }

    /// Decodes `bytes`, appending UTF-8 to `utf8` (the fast path for readers that build fields themselves).
    public mutating func decode(_ bytes: some Collection<UInt8>, appendingUTF8To utf8: inout [UInt8]) throws(TextDecodingError) {
        let result: Result<Void, TextDecodingError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(TextDecodingError) in try decodeBuffer(buffer, into: &utf8) }
        }
        if let result {
            try result.get()
        } else {
            let copy = Array(bytes)
            try copy.withUnsafeBufferPointer { buffer throws(TextDecodingError) in try decodeBuffer(buffer, into: &utf8) }
        }
    }

    /// Ends the input.
    /// - Throws: ``TextDecodingError`` when the input ended inside a double-byte character.
    public mutating func finish() throws(TextDecodingError) {
        if let lead = pendingLead {
            pendingLead = nil
            throw TextDecodingError(encoding: "CP932", byteOffset: byteCount - 1, bytes: [lead],
                                    reason: "the input ends after the first byte of a double-byte character")
        }
    }

    /// Decodes a whole buffer at once.
    public static func decode(_ bytes: some Collection<UInt8>) throws(TextDecodingError) -> String {
        var decoder = CP932Decoder()
        var text = ""
        try decoder.decode(bytes, into: &text)
        try decoder.finish()
        return text
    }

    private mutating func decodeBuffer(_ buffer: UnsafeBufferPointer<UInt8>, into utf8: inout [UInt8]) throws(TextDecodingError) {
        var index = 0
        let start = byteCount
        defer { byteCount = start + index }
        if let lead = pendingLead, !buffer.isEmpty {
            pendingLead = nil
            try appendPair(lead: lead, trail: buffer[0], offset: start - 1, into: &utf8)
            index = 1
        }
        while index < buffer.count {
            let byte = buffer[index]
            if byte < 0x80 {
                utf8.append(byte)
                index += 1
            } else if byte >= 0xA1 && byte <= 0xDF {
                appendScalar(UInt32(byte) + 0xFEC0, into: &utf8)  // half-width katakana U+FF61…
                index += 1
            } else if CP932Table.isLead(byte) {
                guard index + 1 < buffer.count else {
                    pendingLead = byte
                    index += 1
                    return
                }
                try appendPair(lead: byte, trail: buffer[index + 1], offset: start + index, into: &utf8)
                index += 2
            } else {
                throw TextDecodingError(encoding: "CP932", byteOffset: start + index, bytes: [byte],
                                        reason: "no character starts with this byte")
            }
        }
    }

    @inline(__always)
    private func appendPair(lead: UInt8, trail: UInt8, offset: Int, into utf8: inout [UInt8]) throws(TextDecodingError) {
        guard let unit = CP932Table.scalar(lead: lead, trail: trail, in: units) else {
            throw TextDecodingError(encoding: "CP932", byteOffset: offset, bytes: [lead, trail],
                                    reason: "the double-byte code is not assigned")
        }
        appendScalar(UInt32(unit), into: &utf8)
    }
}

/// Appends the UTF-8 form of a BMP scalar value.
@inline(__always)
func appendScalar(_ value: UInt32, into utf8: inout [UInt8]) {
    switch value {
    case 0..<0x80:
        utf8.append(UInt8(value))
    case 0x80..<0x800:
        utf8.append(UInt8(0xC0 | value >> 6))
        utf8.append(UInt8(0x80 | value & 0x3F))
    default:
        utf8.append(UInt8(0xE0 | value >> 12))
        utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
        utf8.append(UInt8(0x80 | value & 0x3F))
    }
}
