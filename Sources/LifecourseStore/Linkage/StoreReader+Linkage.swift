public import Foundation
import GRDB
public import LifecourseCore

extension StoreReader {
    /// A page of all identities in the order they were stored, decrypted, with their IDs, research IDs and
    /// links — for the linker, which reads the vault page by page so that memory does not hold it whole.
    /// - Parameter after: the last identity ID of the previous page (0 for the first).
    public func identities(after: Int64, limit: Int) throws -> [StoredIdentity] {
        try storedIdentities("identity_id > ? ORDER BY identity_id LIMIT ?", [after, limit])
    }

    /// The identities of these IDs (those that exist), decrypted (for review).
    public func identities(ids: [Int64]) throws -> [StoredIdentity] {
        try ids.flatMap { try storedIdentities("identity_id = ?", [$0]) }
    }

    /// The identities that meet `condition` (SQL after `WHERE`), opened on every processor.
    private func storedIdentities(_ condition: String, _ arguments: StatementArguments) throws -> [StoredIdentity] {
        let cipher = vaultCipher
        return try VaultIdentityRow.fetchAll(db, where: condition, arguments).concurrentMap { row in
            StoredIdentity(identityID: row.identityID, person: try ResearchID(rawValue: row.personID),
                           identity: try row.opened(cipher), recordKey: row.recordKey, linkedTo: row.linkedTo,
                           firstFile: row.firstFile, linkedBy: row.linkedBy, sourceFormat: row.sourceFormat,
                           institution: row.institution)
        }
    }

    /// The identity IDs of a research ID, in the order they were stored.
    public func identityIDs(of person: ResearchID) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT identity_id FROM vault.identity WHERE person_id = ? ORDER BY identity_id",
                           arguments: [person.rawValue])
    }

    /// A research ID's status (`active`, `merged`, `split`, `deleted`) and where a merged ID now points; nil when
    /// the ID was never assigned.
    public func researchIDStatus(_ id: ResearchID) throws -> (status: String, redirectTo: ResearchID?)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, redirect_to FROM vault.research_id WHERE person_id = ?",
                                         arguments: [id.rawValue]) else { return nil }
        let redirect: Int64? = row["redirect_to"]
        return (row["status"], try redirect.map { try ResearchID(rawValue: $0) })
    }

    /// Where an ID leads now: itself when active, the surviving ID after merges; nil when it was split or deleted.
    public func currentResearchID(_ id: ResearchID) throws -> ResearchID? {
        var id = id
        for _ in 0..<64 {
            guard let status = try researchIDStatus(id) else { return nil }
            switch status.status {
            case "active": return id
            case "merged": guard let next = status.redirectTo else { return nil }; id = next
            default: return nil
            }
        }
        return nil
    }

    /// The latest trained linkage model: its version and its parameters (JSON), opened.
    public func latestLinkModel() throws -> (version: Int64, parameters: Data)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT model_version, sealed_parameters FROM vault.link_model ORDER BY model_version DESC LIMIT 1
            """) else { return nil }
        let version: Int64 = row["model_version"]
        return (version, try vaultCipher.open(row["sealed_parameters"], context: "vault.link_model|\(version)"))
    }

    /// The decisions in force (not superseded), oldest first; `after` keeps only newer ones.
    public func linkConstraints(after: Int64 = 0) throws -> [LinkConstraint] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM vault.link_decision WHERE superseded_by IS NULL AND decision_id > ? ORDER BY decision_id
            """, arguments: [after]).map(Self.constraint)
    }

    /// Every decision ever made, superseded ones included, oldest first.
    public func allLinkDecisions() throws -> [LinkConstraint] {
        try Row.fetchAll(db, sql: "SELECT * FROM vault.link_decision ORDER BY decision_id").map(Self.constraint)
    }

    private static func constraint(_ row: Row) -> LinkConstraint {
        LinkConstraint(decisionID: row["decision_id"], kind: LinkConstraint.Kind(rawValue: row["constraint_kind"])!,
                       a: row["identity_a"], b: row["identity_b"], action: LinkConstraint.Action(rawValue: row["action"])!,
                       actor: row["actor"], reason: row["reason"], decidedAt: row["decided_at"])
    }

    /// The highest decision ID (0 when none).
    public func lastDecisionID() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(decision_id), 0) FROM vault.link_decision") ?? 0
    }

    /// The last linkage run, if any.
    public func lastLinkRun() throws -> LinkRunRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM vault.link_run ORDER BY run_id DESC LIMIT 1").map { row in
            var run = LinkRunRecord(mode: row["mode"], modelVersion: row["model_version"], lastIdentity: row["last_identity"],
                                    lastDecision: row["last_decision"], identities: row["identities"],
                                    pairsScored: row["pairs_scored"], merges: row["merges"], splits: row["splits"],
                                    reviewPairs: row["review_pairs"], startedAt: row["started_at"])
            run.runID = row["run_id"]
            run.finishedAt = row["finished_at"]
            return run
        }
    }

    /// Review pairs with a status, highest probability first.
    public func reviewPairs(status: ReviewPair.Status) throws -> [ReviewPair] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM vault.link_review WHERE status = ? ORDER BY probability DESC, identity_a, identity_b
            """, arguments: [status.rawValue]).map { row in
            ReviewPair(a: row["identity_a"], b: row["identity_b"], probability: row["probability"], weight: row["weight"],
                       modelVersion: row["model_version"], status: ReviewPair.Status(rawValue: row["status"])!,
                       createdAt: row["created_at"])
        }
    }

    /// The linkage events that involve a research ID, oldest first.
    public func linkEvents(of person: ResearchID) throws -> [LinkEvent] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM vault.link_event WHERE person_from = ? OR person_to = ? ORDER BY event_id
            """, arguments: [person.rawValue, person.rawValue]).map(Self.event)
    }

    /// How many linkage events of each kind there are.
    public func linkEventCounts() throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM vault.link_event GROUP BY kind")
            .map { ($0["kind"], $0["n"]) })
    }

    private static func event(_ row: Row) throws -> LinkEvent {
        let from: Int64? = row["person_from"], to: Int64? = row["person_to"]
        var event = LinkEvent(kind: LinkEvent.Kind(rawValue: row["kind"])!, from: try from.map { try ResearchID(rawValue: $0) },
                              to: try to.map { try ResearchID(rawValue: $0) }, identityA: row["identity_a"],
                              identityB: row["identity_b"], source: row["source"], probability: row["probability"],
                              weight: row["weight"], modelVersion: row["model_version"], actor: row["actor"],
                              reason: row["reason"])
        event.createdAt = row["created_at"]
        return event
    }
}
