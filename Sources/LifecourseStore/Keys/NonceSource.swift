import Crypto
import Foundation
import Synchronization

/// Random 96-bit AES-GCM nonces, drawn from the system's cryptographic generator a few kilobytes at a time.
///
/// Swift Crypto asks the kernel for each nonce it makes (one `getrandom` call per sealed field): on 300,000
/// persons' claims that was a fifth of sealing their identities. Here one read of `/dev/urandom` fills 341 nonces.
/// Every byte is handed out once, so nonces stay as unpredictable and as unlikely to repeat as the generator's
/// output.
final class NonceSource: Sendable {
    static let nonceBytes = 12
    static let bufferBytes = 341 * nonceBytes

    private struct State {
        var bytes = [UInt8](repeating: 0, count: NonceSource.bufferBytes)
        var next = NonceSource.bufferBytes
    }

    private let state = Mutex(State())

    init() {}

    /// A nonce no other call returns.
    func next() -> AES.GCM.Nonce {
        state.withLock { state in
            if state.next == state.bytes.count {
                Self.fillRandomly(&state.bytes)
                state.next = 0
            }
            let start = state.next
            state.next += Self.nonceBytes
            // Cannot fail: the slice is always 12 bytes, the size AES-GCM nonces take.
            return try! AES.GCM.Nonce(data: state.bytes[start..<start + Self.nonceBytes])
        }
    }

    /// Fills `bytes` from the kernel's generator, `/dev/urandom` (the standard library's generator fills what it
    /// could not).
    static func fillRandomly(_ bytes: inout [UInt8]) {
        let device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        let filled = bytes.withUnsafeMutableBytes { buffer in
            var filled = 0
            while device >= 0, filled < buffer.count {
                let count = read(device, buffer.baseAddress! + filled, buffer.count - filled)
                if count > 0 {
                    filled += count
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            return filled
        }
        if device >= 0 { close(device) }
        var generator = SystemRandomNumberGenerator()
        for index in filled..<bytes.count { bytes[index] = generator.next() }
    }
}
