import Crypto
import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct KeyRingTests {
    let keys = KeyRing(TestStore.key)

    @Test func derivesADifferentKeyForEachPurpose() {
        let all = [keys.vault, keys.raw, keys.blindIndex, keys.keyCheck, keys.releases, keys.researchIDs]
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0.count == 32 })
    }

    @Test func separatesBlindKeysByKind() {
        #expect(keys.blindKey("ヤマダタロウ", kind: "name") == keys.blindKey("ヤマダタロウ", kind: "name"))
        #expect(keys.blindKey("ヤマダタロウ", kind: "name") != keys.blindKey("ヤマダタロウ", kind: "card"))
        #expect(keys.blindKey("a", kind: "b\u{1F}c") != keys.blindKey("b\u{1F}a", kind: "c"))
    }

    @Test func derivesResearchIDsThatDependOnKeyAndAttempt() throws {
        let record = Data("record".utf8)
        let first = keys.researchID(derivedFrom: record, attempt: 0)
        #expect(keys.researchID(derivedFrom: record, attempt: 0) == first)
        #expect(keys.researchID(derivedFrom: record, attempt: 1) != first)
        let other = KeyRing(try MasterKey(bytes: Array(repeating: 9, count: 32)))
        #expect(other.researchID(derivedFrom: record, attempt: 0) != first)
    }

    /// The prepared HMACs give the values stores were built with: HMAC-SHA256 of kind ‖ 0x1F ‖ value, and of the
    /// record key ‖ attempt, keyed afresh.
    @Test func preparedKeysGiveTheSameBlindKeysAndIDsAsFreshOnes() throws {
        for (value, kind) in [("ヤマダタロウ", "name-v1"), ("", "card"), (String(repeating: "長", count: 200), "x")] {
            let message = Data(kind.utf8) + [0x1F] + Data(value.utf8)
            let fresh = Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: keys.blindIndex)))
            #expect(keys.blindKey(value, kind: kind) == fresh)
            // The prototype is copied, never consumed: the same value gives the same key again.
            #expect(keys.blindKey(value, kind: kind) == fresh)
        }
        let record = Data("record".utf8)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: record + [0, 0, 0, 0],
                                                        using: SymmetricKey(data: keys.researchIDs)))
        let number = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } >> 9
        #expect(keys.researchID(derivedFrom: record, attempt: 0).rawValue == Int64(number))
    }
}
