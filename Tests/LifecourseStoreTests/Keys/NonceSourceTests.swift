import Crypto
import Foundation
@testable import LifecourseStore
import Testing

@Suite struct NonceSourceTests {
    @Test func neverHandsOutTheSameNonceTwiceAcrossRefillsAndThreads() async {
        let source = NonceSource()
        // Four buffers' worth from two tasks at once.
        let perTask = 2 * NonceSource.bufferBytes / NonceSource.nonceBytes
        let nonces = await withTaskGroup(of: [Data].self) { group in
            for _ in 0..<2 {
                group.addTask { (0..<perTask).map { _ in Data(source.next()) } }
            }
            return await group.reduce(into: [Data]()) { $0 += $1 }
        }
        #expect(nonces.count == 2 * perTask)
        #expect(nonces.allSatisfy { $0.count == 12 })
        #expect(Set(nonces).count == nonces.count)
        #expect(!nonces.contains(Data(count: 12)), "no nonce is the buffer's unfilled zeros")
    }

    @Test func twoSourcesGiveDifferentNonces() {
        let first = (0..<100).map { _ in Data(NonceSource().next()) }
        #expect(Set(first).count == 100)
    }

    @Test func fillsTheWholeBufferWithRandomBytes() {
        var bytes = [UInt8](repeating: 0, count: NonceSource.bufferBytes)
        NonceSource.fillRandomly(&bytes)
        // Each byte value appears about 16 times in 4,092 random bytes; zeros alone would mean nothing was filled.
        #expect(Set(bytes).count > 200)
        #expect(bytes.suffix(16).contains { $0 != 0 }, "the end is filled too")
    }

    @Test func sealedFieldsCarryTheirNonceAndOpen() throws {
        let keys = KeyRing(MasterKey.generate())
        let cipher = FieldCipher(keys, vault: true)
        let first = cipher.seal("山田太郎", context: "vault.identity.name|1")
        let second = cipher.seal("山田太郎", context: "vault.identity.name|1")
        #expect(first.prefix(12) != second.prefix(12), "a fresh nonce for every seal")
        #expect(try cipher.openText(first, context: "vault.identity.name|1") == "山田太郎")
        #expect(try cipher.openText(second, context: "vault.identity.name|1") == "山田太郎")
    }
}
