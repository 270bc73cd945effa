import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct FieldCipherTests {
    let cipher = FieldCipher(KeyRing(try! MasterKey(bytes: Array(repeating: 1, count: 32))), vault: true)

    @Test func opensWhatItSealed() throws {
        let sealed = cipher.seal("山田　太郎", context: "vault.identity.name|1")
        #expect(try cipher.openText(sealed, context: "vault.identity.name|1") == "山田　太郎")
        #expect(!Array(sealed).contains(bytes: Array("山田".utf8)))
    }

    @Test func sealsTheSameTextDifferentlyEachTime() {
        #expect(cipher.seal("x", context: "c") != cipher.seal("x", context: "c"))
    }

    @Test func refusesCiphertextMovedToAnotherRowOrColumn() {
        let sealed = cipher.seal("山田　太郎", context: "vault.identity.name|1")
        #expect(throws: StoreError.self) { try cipher.open(sealed, context: "vault.identity.name|2") }
        #expect(throws: StoreError.self) { try cipher.open(sealed, context: "vault.identity.kana_name|1") }
    }

    @Test func refusesAlteredCiphertext() {
        var sealed = cipher.seal("山田　太郎", context: "c")
        sealed[sealed.count / 2] ^= 1
        #expect(throws: StoreError.self) { try cipher.open(sealed, context: "c") }
    }
}
