public import Foundation
import GRDB
public import LifecourseCore

/// A provision record (提供記録): what a release provided, to whom and when, and — kept inside — which persons.
public struct ProvisionRecord: Sendable {
    public var provisionID: Int64 = 0
    public var releaseName: String
    public var recipient: String
    /// `anonymized` (匿名加工) or `pseudonymized` (仮名加工).
    public var mode: String
    public var providedAt: String
    /// The tables and fields provided, as JSON.
    public var items: String
    /// Each included person's research ID and release pseudonym.
    public var persons: [(id: ResearchID, pseudonym: String)]
    public var specDigest: Data
    public var filesDigest: Data

    public init(releaseName: String, recipient: String, mode: String, providedAt: String, items: String,
                persons: [(id: ResearchID, pseudonym: String)], specDigest: Data, filesDigest: Data) {
        self.releaseName = releaseName
        self.recipient = recipient
        self.mode = mode
        self.providedAt = providedAt
        self.items = items
        self.persons = persons
        self.specDigest = specDigest
        self.filesDigest = filesDigest
    }
}

extension StoreTransaction {
    /// Records a release's provision and its persons, with an audit event; returns the record's ID.
    @discardableResult
    public func recordProvision(_ record: ProvisionRecord, actor: String, reason: String) throws -> Int64 {
        let id = try insert("""
            INSERT INTO governance.provision (release_name, recipient, mode, provided_at, items, persons, spec_digest,
                files_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [record.releaseName, record.recipient, record.mode, record.providedAt, record.items, record.persons.count,
                  record.specDigest, record.filesDigest])
        for person in record.persons {
            try execute("INSERT INTO governance.provision_person (provision_id, person_id, pseudonym) VALUES (?, ?, ?)",
                        [id, person.id.rawValue, person.pseudonym])
        }
        try appendAudit(actor: actor, action: "release", subject: "provision \(id): \(record.releaseName)", reason: reason,
                        details: AuditEvent.details(["recipient": record.recipient, "persons": record.persons.count]))
        return id
    }
}

extension StoreReader {
    /// The provision records, oldest first, each with its persons.
    public func provisionRecords() throws -> [ProvisionRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM governance.provision ORDER BY provision_id").map { row in
            let id: Int64 = row["provision_id"]
            let persons = try Row.fetchAll(db, sql: """
                SELECT person_id, pseudonym FROM governance.provision_person WHERE provision_id = ? ORDER BY person_id
                """, arguments: [id]).map { (id: try ResearchID(rawValue: $0[0]), pseudonym: $0[1] as String) }
            var record = ProvisionRecord(releaseName: row["release_name"], recipient: row["recipient"], mode: row["mode"],
                                         providedAt: row["provided_at"], items: row["items"], persons: persons,
                                         specDigest: row["spec_digest"], filesDigest: row["files_digest"])
            record.provisionID = id
            return record
        }
    }

    /// The releases that included a person (traceability: where did this person's data go).
    public func provisions(of person: ResearchID) throws -> [(provisionID: Int64, releaseName: String, pseudonym: String)] {
        try Row.fetchAll(db, sql: """
            SELECT p.provision_id, p.release_name, pp.pseudonym FROM governance.provision_person pp
            JOIN governance.provision p USING (provision_id) WHERE pp.person_id = ? ORDER BY p.provision_id
            """, arguments: [person.rawValue]).map { ($0[0], $0[1], $0[2]) }
    }
}
