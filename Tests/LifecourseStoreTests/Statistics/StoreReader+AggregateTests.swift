import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct StoreReaderAggregateTests {
    @Test func runsAnAggregateOverTheResearchZoneWithItsArguments() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { transaction in
            for id in 1...3 { try transaction.insertPersonIfNew(try ResearchID(rawValue: Int64(id)), sex: id == 2 ? .female : .male, birthDate: nil) }
        }
        let rows = try test.store.read { reader in
            try reader.aggregate("""
                WITH p AS (SELECT gender_source_value AS sex FROM research.person WHERE person_id >= ?)
                SELECT sex, COUNT(*), 0.5, NULL FROM p GROUP BY sex ORDER BY sex
                """, arguments: [.integer(1)])
        }
        #expect(rows == [[.text("1"), .integer(2), .real(0.5), .null], [.text("2"), .integer(1), .real(0.5), .null]])
        #expect(rows[0][1].double == 2 && rows[0][0].text == "1" && rows[0][3].text == nil)
    }

    @Test func refusesAQueryThatReadsTheVaultOrWrites() throws {
        let test = try TestStore()
        defer { test.remove() }
        for sql in ["SELECT COUNT(*) FROM vault.identity", "SELECT * FROM governance.receipt",
                    "DELETE FROM research.person", "WITH x AS (SELECT 1) SELECT * FROM Vault.blind_key"] {
            #expect(throws: StoreError.self, "\(sql)") {
                try test.store.read { reader in try reader.aggregate(sql, arguments: []) }
            }
        }
    }
}
