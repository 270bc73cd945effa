import GRDB
import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct SQLiteStoreTests {
    @Test func createsThreeZonesAndAKeyInAPrivateDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let store = try SQLiteStore.open(directory: data, environment: [:])
        let names = Set(store.files.map(\.lastPathComponent))
        #expect(names.isSuperset(of: ["lifecourse.sqlite", "vault.sqlite", "research.sqlite", "governance.sqlite"]))
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("master.key").path))
        let mode = try FileManager.default.attributesOfItem(atPath: data.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
        let journal = try store.read { reader in
            try SQLiteStore.zones.map { try reader.pragma("\($0).journal_mode") }
        }
        #expect(journal == ["wal", "wal", "wal"])
    }

    @Test func writesWithoutForeignKeyChecksOnlyWhenAskedAndFindsWhatTheyLetThrough() throws {
        let test = try TestStore()
        defer { test.remove() }
        let orphan = "INSERT INTO research.claim (person_id, institution, claim_number, claim_type, service_month, "
            + "billing_month, source_record_id) VALUES (42, '1310000011', 1, '1112', '2024-05', '2024-06', 7)"
        // The ordinary write refuses a claim of no person.
        #expect(throws: (any Error).self) { try test.store.write { try $0.execute(orphan, []) } }
        #expect(try test.store.foreignKeyViolations().isEmpty)
        try test.store.writeWithoutForeignKeyChecks { try $0.execute(orphan, []) }
        let violations = try test.store.foreignKeyViolations()
        #expect(violations.count == 2 && violations.allSatisfy { $0.hasPrefix("research.claim row 1") }, "\(violations)")
        // The checks are back on afterwards.
        #expect(throws: (any Error).self) { try test.store.write { try $0.execute(orphan, []) } }
    }

    @Test func stampsTimesAsFoundationsISO8601StyleWritesThem() {
        let style = Date.ISO8601FormatStyle().year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted)
        for seconds in [0, 0.5, 1_700_000_000.25, 1_785_000_123.125, 951_782_400, 4_102_444_799.5, -86_400.5] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.text(date) == date.formatted(style), "\(seconds)")
        }
    }

    @Test func flushPutsCommittedRowsIntoTheDatabaseFilesThemselves() throws {
        let test = try TestStore()
        let copy = try TemporaryDirectory()
        defer { test.remove(); copy.remove() }
        let person = try ResearchID(rawValue: 4242)
        try test.store.write { try $0.insertPersonIfNew(person, sex: .female, birthDate: nil) }
        try test.store.flush()
        // Only the database file, without its write-ahead log: what a power cut after flush leaves.
        let file = copy.file("research.sqlite")
        try FileManager.default.copyItem(at: test.directory.url.appendingPathComponent("research.sqlite"), to: file)
        let count = try DatabaseQueue(path: file.path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE person_id = ?", arguments: [person.rawValue])
        }
        #expect(count == 1)
    }

    @Test func opensAgainWithItsKey() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { try $0.insertPersonIfNew(try ResearchID(rawValue: 5), sex: .male, birthDate: nil) }
        let again = try SQLiteStore.open(directory: test.directory.url, key: TestStore.key)
        #expect(try again.read { try $0.persons() }.count == 1)
    }

    @Test func refusesTheWrongKeyAndChangesNothing() throws {
        let test = try TestStore()
        defer { test.remove() }
        let before = try test.store.read { try $0.contentDigests() }
        let other = String(repeating: "cd", count: 32)
        do {
            _ = try SQLiteStore.open(directory: test.directory.url, environment: [MasterKey.environmentVariable: other])
            Issue.record("the store opened with another key")
        } catch {
            #expect(error.isSameKind(as: .wrongKey(store: "", expected: "", given: "")))
            #expect(error.message.contains(TestStore.key.fingerprint))
        }
        #expect(try test.store.read { try $0.contentDigests() } == before)
    }

    @Test func refusesToOpenWithoutItsKey() throws {
        let test = try TestStore()
        defer { test.remove() }
        #expect(throws: StoreError.self) { try SQLiteStore.open(directory: test.directory.url, environment: [:]) }
    }

    @Test func refusesAStoreFromANewerVersion() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { try $0.db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        do {
            _ = try SQLiteStore.open(directory: test.directory.url, key: TestStore.key)
            Issue.record("a newer store was opened")
        } catch {
            #expect(error.message.contains("v99-future"))
        }
    }

    @Test func rollsBackEveryZoneWhenAWriteFails() throws {
        let test = try TestStore()
        defer { test.remove() }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try test.store.write { transaction in
                _ = try transaction.registerResearchID(try ResearchID(rawValue: 7))
                try transaction.insertPersonIfNew(try ResearchID(rawValue: 7), sex: .female, birthDate: nil)
                _ = try transaction.beginReceipt(NewReceipt(digest: Data([1]), fileName: "f", fileSize: 1, format: "x"))
                throw Stop()
            }
        }
        let digests = try test.store.read { try $0.contentDigests() }
        #expect(digests.values.allSatisfy { $0.rows == 0 })
    }
}

extension StoreReader {
    func pragma(_ name: String) throws -> String? {
        try String.fetchOne(db, sql: "PRAGMA \(name)")
    }
}
