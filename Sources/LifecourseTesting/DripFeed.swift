/// Cuts input into chunks of a fixed size, to feed resumable decoders as a slow network or disk would
/// (swift-nio's `ByteToMessageDecoderVerifier` habit).
public enum DripFeed {
    /// The chunk sizes every decoder test uses: one byte, an odd prime, and a disk page.
    public static let chunkSizes = [1, 7, 4096]

    public static func chunks(_ bytes: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: bytes.count, by: size).map { bytes[$0..<min($0 + size, bytes.count)] }
    }
}
