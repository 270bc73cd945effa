import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct StoreTransactionLinkageTests {
    static let institution = Sender.institution(try! InstitutionCode("1310000011"))

    /// Two persons with one claim each; the second's unit names its identity.
    static func twoPersons(_ store: SQLiteStore) throws -> (ResearchID, ResearchID, [Int64]) {
        try store.write { transaction in
            var ids = [Int64]()
            var persons = [ResearchID]()
            for (index, raw) in [Int64(1001), 2002].enumerated() {
                let person = try ResearchID(rawValue: raw)
                #expect(try transaction.registerResearchID(person))
                try transaction.insertPersonIfNew(person, sex: .female, birthDate: try CalendarDate(iso: "1950-01-0\(index + 1)"))
                let identity = try transaction.storeIdentity(NewIdentity(
                    identity: PersonIdentity(name: "患者\(index)", sex: .female),
                    source: IdentitySource(format: "claims-medical", sender: institution, file: Data([7])),
                    recordKey: Data([UInt8(index)]), person: person, blindKeys: [], linkedBy: "deterministic:new"))
                ids.append(identity)
                persons.append(person)
                let header = try transaction.insertSourceRecord(SourceRecordRow(
                    fileDigest: Data([7]), line: index + 1, byteOffset: 0, recordType: "RE", sender: institution,
                    identityID: identity))
                _ = try transaction.insertClaim(ClaimRow(
                    person: person, visitID: nil, institution: try InstitutionCode("1310000011"), claimNumber: index + 1,
                    claimType: "1112", payerLawCode: nil, serviceMonth: try YearMonth(year: 2024, month: 1),
                    billingMonth: try YearMonth(year: 2024, month: 2), points: 100,
                    actualDays: 1, bedCount: nil, prescriber: nil, payerKind: nil, personKind: nil, isInpatient: false,
                    sourceRecordID: header))
            }
            return (persons[0], persons[1], ids)
        }
    }

    @Test func aMergeMovesEverythingAndRedirects() throws {
        let test = try TestStore()
        defer { test.remove() }
        let (a, b, _) = try Self.twoPersons(test.store)
        try test.store.write { transaction in
            var change = PersonReassignment()
            change.merged = [(b, a)]
            try transaction.apply(change)
        }
        try test.store.read { reader throws in
            #expect(try reader.persons().map(\.researchID) == [a])
            #expect(try reader.persons()[0].claims == 2)
            #expect(try reader.researchIDStatus(b)! == ("merged", a))
            #expect(try reader.currentResearchID(b) == a)
            #expect(try reader.identityIDs(of: a).count == 2)
        }
    }

    @Test func aSplitMovesRowsWithTheirIdentity() throws {
        let test = try TestStore()
        defer { test.remove() }
        let (a, b, identities) = try Self.twoPersons(test.store)
        try test.store.write { transaction in
            var merge = PersonReassignment()
            merge.merged = [(b, a)]
            try transaction.apply(merge)
        }
        let (left, right) = (try ResearchID(rawValue: 3003), try ResearchID(rawValue: 4004))
        try test.store.write { transaction in
            #expect(try transaction.registerResearchID(left) && transaction.registerResearchID(right))
            var split = PersonReassignment()
            split.split = [a]
            split.created = [(left, .female, nil), (right, .female, nil)]
            split.moves = [(identities[0], a, left), (identities[1], a, right)]
            split.fallback = [a: left]
            try transaction.apply(split)
        }
        try test.store.read { reader throws in
            #expect(Set(try reader.persons().map(\.researchID)) == [left, right])
            #expect(try reader.persons().allSatisfy { $0.claims == 1 })
            #expect(try reader.identityIDs(of: right) == [identities[1]])
            #expect(try reader.researchIDStatus(a)?.status == "split" && reader.currentResearchID(a) == nil)
            #expect(try reader.currentResearchID(b) == nil, "b led to a, which is split")
        }
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }

    @Test func keepsModelsSealedAndDecisionsAndReviewPairs() throws {
        let test = try TestStore()
        defer { test.remove() }
        let (_, _, identities) = try Self.twoPersons(test.store)
        let parameters = Data(#"{"marker":"ミナモトノヨリコ"}"#.utf8)
        try test.store.write { transaction in
            #expect(try transaction.saveLinkModel(parameters, identities: 2) == 1)
            #expect(try transaction.saveLinkModel(parameters, identities: 2) == 2)
            let first = try transaction.addLinkDecision(.mustLink, identities[1], identities[0], action: .accept,
                                                        actor: "佐藤", reason: "same")
            let second = try transaction.addLinkDecision(.cannotLink, identities[0], identities[1], action: .reject,
                                                         actor: "佐藤", reason: "twins")
            try transaction.supersedeLinkDecisions([first], by: second)
            try transaction.queueForReview(ReviewPair(a: identities[1], b: identities[0], probability: 0.9, weight: 3,
                                                      modelVersion: 2))
            try transaction.queueForReview(ReviewPair(a: identities[0], b: identities[1], probability: 0.5, weight: 0,
                                                      modelVersion: 2))
        }
        #expect(try !test.allBytes().contains(bytes: Array("ミナモトノヨリコ".utf8)), "name frequencies are sealed")
        try test.store.read { reader throws in
            #expect(try reader.latestLinkModel()?.version == 2 && reader.latestLinkModel()?.parameters == parameters)
            #expect(try reader.linkConstraints().map(\.action) == [.reject])
            #expect(try reader.allLinkDecisions().count == 2)
            let pending = try reader.reviewPairs(status: .pending)
            #expect(pending.count == 1 && pending[0].a == identities[0] && pending[0].probability == 0.9,
                    "a pair is queued once, ordered")
        }
        try test.store.write { try $0.settleReview(identities[1], identities[0], status: .rejected, decision: 2) }
        #expect(try test.store.read { try $0.reviewPairs(status: .pending) }.isEmpty)
        #expect(try test.store.read { try $0.reviewPairs(status: .rejected) }.count == 1)
    }
}
