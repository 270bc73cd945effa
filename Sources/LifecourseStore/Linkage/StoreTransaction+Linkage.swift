public import Foundation
import GRDB
import LifecourseCore

extension StoreTransaction {
    /// Stores a trained model's parameters (JSON), sealed; returns its version.
    public func saveLinkModel(_ parameters: Data, identities: Int) throws -> Int64 {
        let version = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(model_version), 0) FROM vault.link_model") ?? 0) + 1
        try execute("INSERT INTO vault.link_model (model_version, sealed_parameters, identities, trained_at) VALUES (?, ?, ?, ?)",
                    [version, vaultCipher.seal(parameters, context: "vault.link_model|\(version)"), identities, Timestamp.now()])
        return version
    }

    /// Records a decision about two identities; returns its ID.
    public func addLinkDecision(_ kind: LinkConstraint.Kind, _ a: Int64, _ b: Int64, action: LinkConstraint.Action,
                                actor: String, reason: String) throws -> Int64 {
        try insert("""
            INSERT INTO vault.link_decision (constraint_kind, identity_a, identity_b, action, actor, reason, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [kind.rawValue, min(a, b), max(a, b), action.rawValue, actor, reason, Timestamp.now()])
    }

    /// Marks earlier decisions as superseded by a later one (a merge after a split, a split after a merge).
    public func supersedeLinkDecisions(_ ids: [Int64], by decision: Int64) throws {
        for id in ids where id != decision {
            try execute("UPDATE vault.link_decision SET superseded_by = ? WHERE decision_id = ?", [decision, id])
        }
    }

    /// Queues a pair for review unless it is queued or decided already.
    public func queueForReview(_ pair: ReviewPair) throws {
        try execute("""
            INSERT OR IGNORE INTO vault.link_review (identity_a, identity_b, probability, weight, model_version, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [pair.a, pair.b, pair.probability, pair.weight, pair.modelVersion, Timestamp.now()])
    }

    /// Settles a review pair (adding it when a person decided on a pair the queue did not hold).
    public func settleReview(_ a: Int64, _ b: Int64, status: ReviewPair.Status, decision: Int64) throws {
        try execute("""
            INSERT INTO vault.link_review (identity_a, identity_b, probability, weight, model_version, status, created_at,
                decision_id)
            VALUES (?, ?, 0, 0, 0, ?, ?, ?)
            ON CONFLICT (identity_a, identity_b) DO UPDATE SET status = excluded.status, decision_id = excluded.decision_id
            """, [min(a, b), max(a, b), status.rawValue, Timestamp.now(), decision])
    }

    public func recordLinkEvent(_ event: LinkEvent, run: Int64?) throws {
        try execute("""
            INSERT INTO vault.link_event (run_id, kind, person_from, person_to, identity_a, identity_b, source, probability,
                weight, model_version, actor, reason, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [run, event.kind.rawValue, event.from?.rawValue, event.to?.rawValue, event.identityA, event.identityB,
                  event.source, event.probability, event.weight, event.modelVersion, event.actor, event.reason,
                  Timestamp.now()])
    }

    /// Records a run; returns its ID.
    public func recordLinkRun(_ run: LinkRunRecord) throws -> Int64 {
        try insert("""
            INSERT INTO vault.link_run (mode, model_version, last_identity, last_decision, identities, pairs_scored,
                merges, splits, review_pairs, started_at, finished_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [run.mode, run.modelVersion, run.lastIdentity, run.lastDecision, run.identities, run.pairsScored,
                  run.merges, run.splits, run.reviewPairs, run.startedAt, Timestamp.now()])
    }

    /// The research tables whose rows belong to a person, each with the expression of a row's lineage row
    /// (`source_record_id`, or its claim's for care services).
    static let personTables: [(table: String, lineage: String)] = [
        "visit_occurrence", "claim", "condition_occurrence", "drug_exposure", "procedure_occurrence", "device_exposure",
        "note", "death", "care_certification", "care_claim", "cost", "dpc_stay", "dpc_bundle", "measurement",
        "observation",
    ].map { ($0, "research.\($0).source_record_id") } + [(
        "care_service",
        "(SELECT c.source_record_id FROM research.care_claim c WHERE c.care_claim_id = research.care_service.care_claim_id)"
    )]

    /// Applies new research IDs: creates IDs and their person rows, moves the identities and research rows of split
    /// IDs unit by unit (by the identity each unit was linked as), moves merged IDs' rows whole, and retires the
    /// old IDs (`merged` with a redirect, or `split`). Research IDs are never deleted nor reused.
    public func apply(_ change: PersonReassignment) throws {
        // New IDs are registered by whoever derived them (``registerResearchID(_:)``); their person rows come here.
        for (id, sex, birthDate) in change.created {
            try insertPersonIfNew(id, sex: sex, birthDate: birthDate)
        }
        for move in change.moves {
            try execute("UPDATE vault.identity SET person_id = ? WHERE identity_id = ?", [move.to.rawValue, move.identity])
            for (table, lineage) in Self.personTables {
                try execute("""
                    UPDATE research.\(table) SET person_id = ? WHERE person_id = ? AND (SELECT s.identity_id
                        FROM research.source_record s WHERE s.source_record_id = \(lineage)) = ?
                    """, [move.to.rawValue, move.from.rawValue, move.identity])
            }
            // Kept records go with the unit whose lines they follow.
            try execute("""
                UPDATE vault.raw_record SET person_id = ? WHERE person_id = ? AND (SELECT s.identity_id
                    FROM research.source_record s WHERE s.file_digest = vault.raw_record.file_digest
                    AND s.line <= vault.raw_record.line ORDER BY s.line DESC LIMIT 1) = ?
                """, [move.to.rawValue, move.from.rawValue, move.identity])
        }
        // IDs that move whole (merged, or a split ID's rows stored before their identity was recorded) go in one
        // statement per table, whatever their number: a map from each old ID to its new one, read by every update.
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS person_remap (
                from_id INTEGER PRIMARY KEY, to_id INTEGER NOT NULL, merged INTEGER NOT NULL);
            DELETE FROM temp.person_remap;
            """)
        let wholeMoves = change.merged.map { ($0.from, $0.into, true) } + change.fallback.map { ($0.key, $0.value, false) }
        for (from, into, merged) in wholeMoves {
            try execute("INSERT INTO temp.person_remap VALUES (?, ?, ?)", [from.rawValue, into.rawValue, merged])
        }
        let remapped = "(SELECT to_id FROM temp.person_remap WHERE from_id = person_id)"
        let moved = "person_id IN (SELECT from_id FROM temp.person_remap)"
        if !wholeMoves.isEmpty {
            let tables = ["vault.identity", "vault.raw_record"] + Self.personTables.map { "research.\($0.table)" }
            for table in tables { try execute("UPDATE \(table) SET person_id = \(remapped) WHERE \(moved)", []) }
        }
        if !change.merged.isEmpty {
            // IDs merged earlier into one merged now lead to where it went.
            try execute("""
                UPDATE vault.research_id SET redirect_to = (SELECT to_id FROM temp.person_remap WHERE from_id = redirect_to)
                WHERE status = 'merged' AND redirect_to IN (SELECT from_id FROM temp.person_remap WHERE merged)
                """, [])
            try execute("""
                UPDATE vault.research_id SET status = 'merged', redirect_to = \(remapped)
                WHERE person_id IN (SELECT from_id FROM temp.person_remap WHERE merged)
                """, [])
        }
        for id in change.split {
            try execute("UPDATE vault.research_id SET status = 'split' WHERE person_id = ?", [id.rawValue])
        }
        for id in change.merged.map(\.from) + change.split {
            try execute("DELETE FROM research.person WHERE person_id = ?", [id.rawValue])
        }
    }
}
