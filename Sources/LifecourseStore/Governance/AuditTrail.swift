import Crypto
public import Foundation
import GRDB

/// One event of the audit trail: who did what to whom, why, and the details, chained to the event before by hash.
public struct AuditEvent: Sendable, Hashable, Codable {
    public var eventID: Int64
    public var at: String
    public var actor: String
    /// `link`, `merge`, `split`, `review-accept`, `review-reject` …
    public var action: String
    /// What the event is about (research IDs, identity IDs).
    public var subject: String
    public var reason: String
    /// Details as JSON.
    public var details: String
    public var previousHash: Data
    public var hash: Data

    /// The hash of an event: SHA-256 over the previous hash and each field, length-prefixed so no two events share
    /// a text.
    static func hash(previous: Data, at: String, actor: String, action: String, subject: String, reason: String,
                     details: String) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        for field in [at, actor, action, subject, reason, details] {
            let bytes = Data(field.utf8)
            withUnsafeBytes(of: UInt64(bytes.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        return Data(hasher.finalize())
    }
}

extension AuditEvent {
    /// An event's details as JSON: an object of these values (text or numbers), keys sorted.
    public static func details(_ values: [String: any Sendable]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension StoreTransaction {
    /// Appends an event to the audit trail, chained to the last one.
    @discardableResult
    public func appendAudit(actor: String, action: String, subject: String, reason: String,
                            details: String = "{}") throws -> AuditEvent {
        let previous = try Data.fetchOne(db, sql: "SELECT hash FROM governance.audit_event ORDER BY event_id DESC LIMIT 1")
            ?? Data(count: 32)
        let at = Timestamp.now()
        let hash = AuditEvent.hash(previous: previous, at: at, actor: actor, action: action, subject: subject,
                                   reason: reason, details: details)
        let id = try insert("""
            INSERT INTO governance.audit_event (at, actor, action, subject, reason, details, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [at, actor, action, subject, reason, details, previous, hash])
        return AuditEvent(eventID: id, at: at, actor: actor, action: action, subject: subject, reason: reason,
                          details: details, previousHash: previous, hash: hash)
    }
}

extension StoreReader {
    /// The audit trail, oldest first; `action` keeps only events of that action.
    public func auditEvents(action: String? = nil) throws -> [AuditEvent] {
        let rows = if let action {
            try Row.fetchAll(db, sql: "SELECT * FROM governance.audit_event WHERE action = ? ORDER BY event_id", arguments: [action])
        } else {
            try Row.fetchAll(db, sql: "SELECT * FROM governance.audit_event ORDER BY event_id")
        }
        return rows.map { row in
            AuditEvent(eventID: row["event_id"], at: row["at"], actor: row["actor"], action: row["action"],
                       subject: row["subject"], reason: row["reason"], details: row["details"],
                       previousHash: row["previous_hash"], hash: row["hash"])
        }
    }

    /// Checks the chain: every event's hash is its content's and points to the event before. Returns the first
    /// event that fails (altered, removed or inserted out of order), or nil when the chain holds.
    public func firstBrokenAuditEvent() throws -> AuditEvent? {
        var previous = Data(count: 32)
        for event in try auditEvents() {
            let expected = AuditEvent.hash(previous: previous, at: event.at, actor: event.actor, action: event.action,
                                           subject: event.subject, reason: event.reason, details: event.details)
            if event.previousHash != previous || event.hash != expected { return event }
            previous = event.hash
        }
        return nil
    }
}
