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
}
