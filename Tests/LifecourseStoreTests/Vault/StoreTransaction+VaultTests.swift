import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct StoreTransactionVaultTests {
    static let identity = PersonIdentity(
        name: "山田　花子", kanaName: "ヤマダ　ハナコ", birthDate: try! CalendarDate(iso: "1980-04-01"), sex: .female,
        insuranceCards: [InsuranceCard(insurerNumber: "06130017", symbol: "１２３", number: "９８７６", branch: "01")],
        publicExpenseCards: [PublicExpenseCard(payerNumber: "54136015", recipientNumber: "1234566")],
        patientNumber: "00697")

    func store(_ transaction: StoreTransaction, person: ResearchID) throws -> Int64 {
        let source = IdentitySource(format: "claims-medical", sender: .institution(try InstitutionCode("1310000011")))
        return try transaction.storeIdentity(NewIdentity(
            identity: Self.identity, source: source, recordKey: transaction.blindKey("whole", kind: "record"),
            person: person, blindKeys: [BlindKey(kind: "card", key: transaction.blindKey("c", kind: "card"),
                                                 qualifier: Data([1]))],
            linkedBy: "test"))
    }

    @Test func storesIdentitiesEncryptedAndReadsThemBack() throws {
        let test = try TestStore()
        defer { test.remove() }
        let person = try ResearchID(rawValue: 99)
        try test.store.write { transaction throws in
            #expect(try transaction.registerResearchID(person))
            _ = try store(transaction, person: person)
        }
        #expect(try test.store.read { try $0.identities(of: person) } == [Self.identity])
        let bytes = try test.allBytes()
        for secret in ["山田", "ヤマダ", "９８７６", "06130017", "1234566", "1980-04-01", "00697"] {
            #expect(!bytes.contains(bytes: Array(secret.utf8)), "\(secret) is stored in plain text")
        }
    }

    @Test func findsIdentitiesByBlindKeyAndRecordKey() throws {
        let test = try TestStore()
        defer { test.remove() }
        let person = try ResearchID(rawValue: 99)
        try test.store.write { transaction throws in
            _ = try transaction.registerResearchID(person)
            let id = try store(transaction, person: person)
            let matches = try transaction.matches(forBlindKey: transaction.blindKey("c", kind: "card"))
            #expect(matches == [VaultMatch(identityID: id, person: person, kind: "card", qualifier: Data([1]))])
            #expect(try transaction.identity(recordKey: transaction.blindKey("whole", kind: "record"))?.person == person)
            #expect(try transaction.identity(recordKey: transaction.blindKey("other", kind: "record")) == nil)
            #expect(try transaction.blindKeys(ofIdentity: id).map(\.kind) == ["card"])
        }
    }

    @Test func neverRegistersAResearchIDTwice() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { transaction throws in
            #expect(try transaction.registerResearchID(try ResearchID(rawValue: 42)))
            #expect(try !transaction.registerResearchID(try ResearchID(rawValue: 42)))
        }
    }

    @Test func keepsRawRecordsEncrypted() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write {
            try $0.storeRawRecord(fileDigest: Data([9]), line: 3, recordType: "ZZ", person: nil, text: "ZZ,秘密の記録")
        }
        #expect(try !test.allBytes().contains(bytes: Array("秘密".utf8)))
    }
}
