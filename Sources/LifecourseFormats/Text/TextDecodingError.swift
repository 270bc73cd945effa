/// Bytes that are not valid in the encoding being decoded, with the byte offset from the start of the input.
public struct TextDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The encoding, e.g. `CP932` or `ISO-2022-JP`.
    public let encoding: String
    /// 0-based offset of the first offending byte from the start of everything fed to the decoder.
    public let byteOffset: Int
    /// The offending bytes (one or two).
    public let bytes: [UInt8]
    /// Why they are not valid.
    public let reason: String

    public init(encoding: String, byteOffset: Int, bytes: [UInt8], reason: String) {
        self.encoding = encoding
        self.byteOffset = byteOffset
        self.bytes = bytes
        self.reason = reason
    }

    public var description: String {
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
        return "byte \(byteOffset): \(hex) is not valid \(encoding): \(reason)"
    }
}
