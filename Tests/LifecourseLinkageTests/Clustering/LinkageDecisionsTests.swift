import Foundation
import LifecourseCore
import LifecourseIngest
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseLinkage

@Suite struct LinkageDecisionsTests {
    /// A linked store of a small generated population.
    static func linkedStore(_ directory: TemporaryDirectory) throws -> TestStore {
        let test = try TestStore()
        let months = try VaultLinkageTests.population(in: directory, persons: 200, seed: 21)
        _ = try Ingestor(store: test.store).ingest(paths: months.values.flatMap { $0 }.sorted())
        _ = try VaultLinkage(store: test.store).run()
        return test
    }

    static func persons(_ store: SQLiteStore) throws -> [PersonListing] {
        try store.read { try $0.persons() }.filter { $0.claims > 0 }.sorted { $0.researchID < $1.researchID }
    }

    @Test func mergeSplitAndRejectSurviveARelinkAndAreAudited() throws {
        let directory = try TemporaryDirectory()
        let test = try Self.linkedStore(directory)
        defer { directory.remove(); test.remove() }
        let decisions = LinkageDecisions(store: test.store)
        let persons = try Self.persons(test.store)
        let (a, b) = (persons[0], persons[1])
        let identitiesOf = try test.store.read { reader in
            [a.researchID: try reader.identityIDs(of: a.researchID), b.researchID: try reader.identityIDs(of: b.researchID)]
        }
        // Merge two persons: the ID whose identity came first survives, the other redirects.
        let merged = try decisions.merge(a.researchID, b.researchID, by: "佐藤 (reviewer)", reason: "same patient, confirmed by the clinic")
        #expect(merged.merges == 1)
        let survivor = try #require(try test.store.read { try $0.currentResearchID(a.researchID) })
        #expect(try test.store.read { try $0.currentResearchID(b.researchID) } == survivor)
        let retired = survivor == a.researchID ? b : a
        #expect(identitiesOf[survivor]![0] < identitiesOf[retired.researchID]![0], "the older ID survives")
        let rows = try #require(try test.store.read { try $0.persons() }.first { $0.researchID == survivor })
        #expect(rows.claims == a.claims + b.claims && rows.rows == a.rows + b.rows)
        #expect(try test.store.read { try $0.identityIDs(of: retired.researchID) }.isEmpty, "the merged ID holds nothing any more")
        // Split the retired ID's identities off again: both parts get new IDs, the survivor is retired, rows go with identities.
        let split = try decisions.split(survivor, identities: identitiesOf[retired.researchID]!, by: "佐藤 (reviewer)", reason: "merged in error")
        #expect(split.splits == 1)
        let status = try #require(try test.store.read { try $0.researchIDStatus(survivor) })
        #expect(status.status == "split" && status.redirectTo == nil)
        let parts = try test.store.read { reader in
            try [a, b].map { try reader.identities(ids: [identitiesOf[$0.researchID]![0]])[0].person }
        }
        let listed = try test.store.read { try $0.persons() }
        for (part, before) in zip(parts, [a, b]) {
            let now = try #require(listed.first { $0.researchID == part })
            #expect(![a.researchID, b.researchID].contains(part), "a split creates new IDs")
            #expect(now.claims == before.claims && now.rows == before.rows)
        }
        #expect(try test.store.read { try $0.persons() }.filter { $0.researchID == survivor }.isEmpty)
        // A full relink with a new model keeps every decision.
        let before = try VaultLinkageTests.clusters(test.store)
        let relink = try VaultLinkage(store: test.store, settings: .init(retrain: true, full: true)).run()
        #expect(relink.mode == "full" && relink.modelVersion == 2 && relink.merges == 0 && relink.splits == 0)
        #expect(try VaultLinkageTests.clusters(test.store) == before)
        // Who and why, in the hash-chained trail.
        let audit = try test.store.read { try $0.auditEvents() }
        for action in ["merge-request", "merge", "split-request", "split"] {
            #expect(audit.contains { $0.action == action && $0.actor == "佐藤 (reviewer)" && !$0.reason.isEmpty }, "\(action)")
        }
        #expect(try test.store.read { try $0.firstBrokenAuditEvent() } == nil)
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }

    @Test func aRejectedPairStaysApartAndAnAcceptedOneTogether() throws {
        let directory = try TemporaryDirectory()
        let test = try Self.linkedStore(directory)
        defer { directory.remove(); test.remove() }
        let decisions = LinkageDecisions(store: test.store)
        let persons = try Self.persons(test.store)
        let x = try test.store.read { try $0.identityIDs(of: persons[2].researchID) }[0]
        let y = try test.store.read { try $0.identityIDs(of: persons[3].researchID) }[0]
        try decisions.accept(x, y, by: "reviewer", reason: "same person")
        func together() throws -> Bool {
            try test.store.read { reader in
                try reader.identities(ids: [x, y]).map(\.person)
            }.reduce(into: Set<ResearchID>()) { $0.insert($1) }.count == 1
        }
        #expect(try together())
        // A later decision about the same pair supersedes the earlier one.
        try decisions.reject(x, y, by: "reviewer", reason: "different mothers' names on the card")
        #expect(try !together())
        _ = try VaultLinkage(store: test.store, settings: .init(full: true)).run()
        #expect(try !together(), "the rejection holds in a full relink")
        let settled = try test.store.read { try $0.reviewPairs(status: .rejected) }
        #expect(settled.contains { Set([$0.a, $0.b]) == Set([x, y]) })
        let kept = try test.store.read { try $0.allLinkDecisions() }
        let inForce = try test.store.read { try $0.linkConstraints() }
        #expect(kept.count == 2 && inForce.map(\.action) == [.reject])
    }

    @Test func refusesDecisionsItCannotTake() throws {
        let directory = try TemporaryDirectory()
        let test = try Self.linkedStore(directory)
        defer { directory.remove(); test.remove() }
        let decisions = LinkageDecisions(store: test.store)
        let persons = try Self.persons(test.store)
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "" } catch { return "\(error)" }
        }
        #expect(message { try decisions.merge(persons[0].researchID, persons[1].researchID, by: "x", reason: " ") }
            .contains("--reason"))
        #expect(message { try decisions.accept(1, 99_999_999, by: "x", reason: "y") }.contains("no identity 99999999"))
        #expect(message { try decisions.split(persons[0].researchID, identities: [99_999_999], by: "x", reason: "y") }
            .contains("not identities of"))
        let all = try test.store.read { try $0.identityIDs(of: persons[0].researchID) }
        #expect(message { try decisions.split(persons[0].researchID, identities: all, by: "x", reason: "y") }
            .contains("both sides"))
        try decisions.merge(persons[0].researchID, persons[1].researchID, by: "x", reason: "y")
        let retired = try test.store.read { try $0.researchIDStatus(persons[1].researchID) }?.status == "merged"
            ? persons[1].researchID : persons[0].researchID
        #expect(message { try decisions.merge(retired, persons[2].researchID, by: "x", reason: "y") }.contains("is merged"))
    }
}
