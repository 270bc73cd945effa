import LifecourseCore
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseLinkage

@Suite struct IdentityLookupKeysTests {
    typealias Fixture = DeterministicLinkerTests

    /// Identities that exercise every rule: the same card and branch, a card without branch and a name, twins
    /// (same card, other branch), a public-expense certificate, a care card, the
    /// same identity twice.
    static var identities: [(PersonIdentity, IdentitySource)] {
        let fixture = Fixture()
        let insurer = IdentitySource(format: "care", sender: .insurer("131011"))
        let care = PersonIdentity(name: "佐藤　花子", birthDate: try! CalendarDate(iso: "1940-02-03"), sex: .female,
                                  careInsurance: CareInsuranceCard(insurerNumber: "131011", insuredNumber: "0000012345"))
        var renamed = care
        renamed.name = "佐藤　はな子"
        let publicCard = PublicExpenseCard(payerNumber: "54136015", recipientNumber: "1234567")
        return [
            (Fixture.person(branch: "01"), fixture.clinic),
            (Fixture.person(name: "山田太郎", kana: nil, symbol: "12", number: "34", branch: "01"), fixture.pharmacy),
            (Fixture.person(name: "山田　次郎", kana: "ヤマダ　ジロウ", branch: "02"), fixture.clinic),
            (Fixture.person(kana: "ﾔﾏﾀﾞ ﾀﾛｳ"), fixture.pharmacy),
            (Fixture.person(name: "鈴木　一", kana: nil, symbol: "9", number: "9", publicCard: publicCard), fixture.clinic),
            (Fixture.person(name: "鈴木　一", kana: nil, symbol: "8", number: "8", publicCard: publicCard), fixture.pharmacy),
            (care, insurer), (care, insurer), (renamed, insurer),
        ]
    }

    @Test func linkingWithKeysComputedAheadDecidesAndStoresExactlyAsWithout() throws {
        let plain = try TestStore()
        let ahead = try TestStore()
        defer { plain.remove(); ahead.remove() }
        let linker = DeterministicLinker()
        let expected = try plain.store.write { transaction in
            try Self.identities.map { try linker.link($0.0, from: $0.1, in: transaction) }
        }
        let keyRing = ahead.store.keys
        let decisions = try ahead.store.write { transaction in
            try Self.identities.map { identity, source in
                let keys = IdentityLookupKeys(identity, source: source, blindKey: keyRing.blindKey)
                return try linker.link(identity, from: source, keys: keys, in: transaction)
            }
        }
        #expect(decisions == expected)
        #expect(Set(expected.map(\.rule)) == ["new", "card-branch", "card-name", "public-expense-name", "care-card",
                                              "same-identity"])
        let vault = { (test: TestStore) in try test.store.read { try $0.contentDigests() }.filter { $0.key.hasPrefix("vault.") } }
        #expect(try vault(ahead).mapValues(\.rows) == vault(plain).mapValues(\.rows))
    }

    @Test func identitiesSealedAheadOpenAsTheVaultsOwn() throws {
        let plain = try TestStore()
        let ahead = try TestStore()
        defer { plain.remove(); ahead.remove() }
        let linker = DeterministicLinker()
        let keyRing = ahead.store.keys
        for (identity, source) in Self.identities {
            let expected = try plain.store.write { try linker.link(identity, from: source, in: $0) }
            let keys = IdentityLookupKeys(identity, source: source, keyRing: keyRing)
            #expect(keys.sealed != nil)
            let decision = try ahead.store.write { try linker.link(identity, from: source, keys: keys, in: $0) }
            #expect(decision == expected)
            let opened = try ahead.store.read { try $0.identities(of: decision.person) }
            #expect(opened == (try plain.store.read { try $0.identities(of: expected.person) }))
        }
    }

    @Test func dependOnTheSourceAndTheStoreKey() throws {
        let fixture = Fixture()
        let identity = Fixture.person()
        let store = try TestStore()
        let other = try TestStore(key: try MasterKey(bytes: Array(repeating: 9, count: 32)))
        defer { store.remove(); other.remove() }
        let here = IdentityLookupKeys(identity, source: fixture.clinic, blindKey: store.store.keys.blindKey)
        #expect(here == IdentityLookupKeys(identity, source: fixture.clinic, blindKey: store.store.keys.blindKey))
        let elsewhere = IdentityLookupKeys(identity, source: fixture.pharmacy, blindKey: store.store.keys.blindKey)
        #expect(here.recordKey != elsewhere.recordKey, "the same identity from another source is another record")
        #expect(here.cards == elsewhere.cards && here.names == elsewhere.names, "but has the same card and names")
        let otherKey = IdentityLookupKeys(identity, source: fixture.clinic, blindKey: other.store.keys.blindKey)
        #expect(otherKey.cards != here.cards)
    }
}
