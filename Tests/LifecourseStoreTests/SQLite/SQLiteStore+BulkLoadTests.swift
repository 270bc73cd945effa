import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct SQLiteStoreBulkLoadTests {
    /// The research zone's indexes by person, as SQLite lists them.
    static func personIndexes(_ store: SQLiteStore) throws -> [String] {
        try store.read { try $0.personIndexNames() }
    }

    @Test func dropsTheIndexesByPersonAndBuildsThemAgain() throws {
        let test = try TestStore()
        defer { test.remove() }
        let before = try Self.personIndexes(test.store)
        #expect(before.count == 15 && before.contains("procedure_person") && before.contains("measurement_person") && before.contains("dpc_stay_person"))
        try test.store.suspendPersonIndexes()
        #expect(try Self.personIndexes(test.store).isEmpty)
        #expect(try test.store.suspendedIndexes() == before)
        try test.store.restoreSuspendedIndexes()
        #expect(try Self.personIndexes(test.store) == before)
        #expect(try test.store.suspendedIndexes().isEmpty)
        let plan = try test.store.read { reader in
            try reader.queryPlan("SELECT * FROM research.procedure_occurrence WHERE person_id = ?").joined()
        }
        #expect(plan.contains("procedure_person"), "the rebuilt index is the one queries use: \(plan)")
    }

    @Test func anInterruptedBulkLoadGetsItsIndexesBackWhenTheStoreIsOpenedAgain() throws {
        let test = try TestStore()
        defer { test.remove() }
        let before = try Self.personIndexes(test.store)
        try test.store.suspendPersonIndexes()
        // As if the process had been killed during the load.
        let reopened = try SQLiteStore.open(directory: test.directory.url, key: TestStore.key)
        #expect(try Self.personIndexes(reopened) == before)
        #expect(try reopened.suspendedIndexes().isEmpty)
    }
}
