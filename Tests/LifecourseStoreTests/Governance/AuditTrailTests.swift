import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct AuditTrailTests {
    static func fill(_ store: SQLiteStore) throws {
        try store.write { transaction in
            try transaction.appendAudit(actor: "佐藤", action: "merge", subject: "A → B", reason: "same patient")
            try transaction.appendAudit(actor: "lifecourse link", action: "split", subject: "C → D, E", reason: "run 2",
                                        details: #"{"run":"2"}"#)
            try transaction.appendAudit(actor: "鈴木", action: "review-reject", subject: "identity 1 ≠ identity 2",
                                        reason: "twins")
        }
    }

    @Test func chainsEachEventToTheOneBefore() throws {
        let test = try TestStore()
        defer { test.remove() }
        try Self.fill(test.store)
        let events = try test.store.read { try $0.auditEvents() }
        #expect(events.map(\.action) == ["merge", "split", "review-reject"])
        #expect(events[0].previousHash == Data(count: 32))
        #expect(events[1].previousHash == events[0].hash && events[2].previousHash == events[1].hash)
        #expect(try test.store.read { try $0.auditEvents(action: "split") }.map(\.subject) == ["C → D, E"])
        #expect(try test.store.read { try $0.firstBrokenAuditEvent() } == nil)
    }

    @Test func findsTheFirstAlteredOrRemovedEvent() throws {
        let test = try TestStore()
        defer { test.remove() }
        try Self.fill(test.store)
        // Someone with the database file changes a reason …
        try test.store.write { transaction in
            try transaction.execute("UPDATE governance.audit_event SET reason = 'no reason' WHERE event_id = 2", [])
        }
        #expect(try test.store.read { try $0.firstBrokenAuditEvent() }?.eventID == 2)
        // … or removes an event and rewrites the next one's link: the event after is then the broken one.
        let other = try TestStore()
        defer { other.remove() }
        try Self.fill(other.store)
        try other.store.write { transaction in
            try transaction.execute("DELETE FROM governance.audit_event WHERE event_id = 1", [])
        }
        #expect(try other.store.read { try $0.firstBrokenAuditEvent() }?.eventID == 2)
    }
}
