import Crypto
import Foundation

/// HMAC-SHA256 under one key, with the key's inner and outer pads absorbed once (RFC 2104): a message costs the
/// hashing of its own bytes only. Swift Crypto's `HMAC` takes messages as `DataProtocol` through generic code that
/// looked up type metadata at run time for each call — a third of the cost of a short blind key.
struct PreparedHMAC {
    private var inner = SHA256()
    private var outer = SHA256()

    /// Prepares `key` (32 bytes, as every derived key is; at most SHA-256's block of 64).
    init(key: [UInt8]) {
        precondition(key.count <= SHA256.blockByteCount, "an HMAC key longer than the block is hashed first")
        var block = key + [UInt8](repeating: 0, count: SHA256.blockByteCount - key.count)
        for index in block.indices { block[index] ^= 0x36 }
        block.withUnsafeBytes { inner.update(bufferPointer: $0) }
        for index in block.indices { block[index] ^= 0x36 ^ 0x5C }
        block.withUnsafeBytes { outer.update(bufferPointer: $0) }
    }

    /// A computation of this key's HMAC, to be fed the message.
    var message: Message { Message(inner: inner, outer: outer) }

    struct Message {
        fileprivate var inner: SHA256
        fileprivate let outer: SHA256

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            inner.update(bufferPointer: bytes)
        }

        mutating func update(_ text: String) {
            var text = text
            text.withUTF8 { inner.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }

        mutating func update(_ data: Data) {
            data.withUnsafeBytes { inner.update(bufferPointer: $0) }
        }

        /// The 32-byte code.
        func finalize() -> Data {
            var outer = outer
            inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
            return outer.finalize().withUnsafeBytes { Data($0) }
        }
    }
}
