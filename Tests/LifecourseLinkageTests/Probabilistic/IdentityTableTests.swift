import Foundation
import LifecourseCore
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseLinkage

@Suite struct IdentityTableTests {
    @Test func comparesTheNameAsOneFieldWithBirthDateSexAndPostalCode() throws {
        let clinic = PersonIdentity(name: "高橋　花子", kanaName: "タカハシ ハナコ", birthDate: try CalendarDate(iso: "1950-03-04"),
                                    sex: .female, address: "100-0001 東京都千代田区千代田1")
        let pharmacy = PersonIdentity(kanaName: "ﾀｶﾊｼ ﾊﾅｺ", birthDate: try CalendarDate(iso: "1950-03-04"), sex: .female)
        let a = try ResearchID(rawValue: 1_000_001), b = try ResearchID(rawValue: 1_000_002)
        func stored(_ id: Int64, _ person: ResearchID, _ identity: PersonIdentity) -> StoredIdentity {
            StoredIdentity(identityID: id, person: person, identity: identity, recordKey: Data([UInt8(id)]), linkedTo: nil,
                           firstFile: nil, linkedBy: "deterministic:new", sourceFormat: "claims-medical", institution: "1")
        }
        let identities = IdentityTable([stored(1, a, clinic), stored(2, b, pharmacy)])
        #expect(identities.table.fields == [.person, .date, .exact, .postcode, .exact])
        let linkage = RecordLinkage(table: identities.table, rules: IdentityTable.rules)
        #expect(linkage.levels(0, 1) == [0, 0, 0, nil, nil], "kana alone decides the name where a side has no kanji")
        #expect(linkage.candidatePairs().map { [$0.0, $0.1] } == [[0, 1]])
        #expect(identities.persons == [a, b] && identities.identityIDs == [1, 2])
        #expect(IdentityTable.postalCode("100-0001 東京都") == "1000001" && IdentityTable.postalCode("1000001 東京都") == "1000001")
        #expect(IdentityTable.postalCode("東京都") == nil && IdentityTable.postalCode("12345678 番地") == nil)
    }

    /// The vault read page by page, decrypted, as the linker will read it.
    @Test func readsTheVaultPageByPage() throws {
        let test = try TestStore()
        defer { test.remove() }
        let linker = DeterministicLinker()
        let source = IdentitySource(format: "claims-medical", sender: .institution(try InstitutionCode("1310000011")))
        try test.store.write { transaction in
            for index in 0..<5 {
                _ = try linker.link(PersonIdentity(name: "患者\(index)", birthDate: try CalendarDate(iso: "1950-03-0\(index + 1)"),
                                                   sex: .male), from: source, in: transaction)
            }
        }
        let first = try test.store.read { try $0.identities(after: 0, limit: 3) }
        let rest = try test.store.read { try $0.identities(after: first.last!.identityID, limit: 3) }
        #expect(first.count == 3 && rest.count == 2)
        #expect((first + rest).map(\.identity.name) == (0..<5).map { "患者\($0)" })
        #expect(Set((first + rest).map(\.person)).count == 5)
    }
}
