import Foundation
public import LifecourseCore
public import LifecourseStore

/// What people decide about persons (名寄せ review): accept or reject a pair from the review queue, merge two
/// research IDs, split identities off one. Each decision is kept (who, why, when) and written to the audit trail,
/// and takes effect at once through an incremental linkage run; since decisions are kept, every later run — a full
/// relink included — honours them. A later decision about the same persons supersedes an earlier one.
public struct LinkageDecisions: Sendable {
    public let store: SQLiteStore
    public var settings: VaultLinkage.Settings

    public init(store: SQLiteStore, settings: VaultLinkage.Settings = .init()) {
        self.store = store
        self.settings = settings
    }

    /// Two identities are the same person (a review pair accepted).
    @discardableResult
    public func accept(_ a: Int64, _ b: Int64, by actor: String, reason: String) throws(LinkageDecisionError) -> LinkRunRecord {
        try decidePair(a, b, .mustLink, action: .accept, status: .accepted, by: actor, reason: reason,
                       subject: "identity \(a) = identity \(b)")
    }

    /// Two identities are not the same person (a review pair rejected).
    @discardableResult
    public func reject(_ a: Int64, _ b: Int64, by actor: String, reason: String) throws(LinkageDecisionError) -> LinkRunRecord {
        try decidePair(a, b, .cannotLink, action: .reject, status: .rejected, by: actor, reason: reason,
                       subject: "identity \(a) ≠ identity \(b)")
    }

    private func decidePair(_ a: Int64, _ b: Int64, _ kind: LinkConstraint.Kind, action: LinkConstraint.Action,
                            status: ReviewPair.Status, by actor: String, reason: String,
                            subject: String) throws(LinkageDecisionError) -> LinkRunRecord {
        try decide(actor: actor, reason: reason) { transaction, reader in
            try Self.requireIdentities([a, b], reader)
            let id = try transaction.addLinkDecision(kind, a, b, action: action, actor: actor, reason: reason)
            try transaction.supersedeLinkDecisions(try Self.decisions(between: [a], and: [b], reader), by: id)
            try transaction.settleReview(a, b, status: status, decision: id)
            try transaction.appendAudit(actor: actor, action: "review-\(action.rawValue)", subject: subject,
                                        reason: reason, details: AuditEvent.details(["decision": "\(id)"]))
        }
    }

    /// Two research IDs are one person: the older survives, the other redirects to it.
    @discardableResult
    public func merge(_ first: ResearchID, _ second: ResearchID, by actor: String,
                      reason: String) throws(LinkageDecisionError) -> LinkRunRecord {
        try decide(actor: actor, reason: reason) { transaction, reader in
            let left = try Self.activeIdentities(of: first, reader), right = try Self.activeIdentities(of: second, reader)
            guard first != second else { throw LinkageDecisionError("\(first) and \(second) are the same research ID") }
            let id = try transaction.addLinkDecision(.mustLink, left[0], right[0], action: .merge, actor: actor, reason: reason)
            try transaction.supersedeLinkDecisions(try Self.decisions(between: left, and: right, reader), by: id)
            try transaction.appendAudit(actor: actor, action: "merge-request", subject: "\(first) + \(second)", reason: reason,
                                        details: AuditEvent.details(["decision": "\(id)"]))
        }
    }

    /// Some identities of a research ID are another person: they and the rest each get a new research ID.
    @discardableResult
    public func split(_ person: ResearchID, identities moving: [Int64], by actor: String,
                      reason: String) throws(LinkageDecisionError) -> LinkRunRecord {
        try decide(actor: actor, reason: reason) { transaction, reader in
            let all = try Self.activeIdentities(of: person, reader)
            let moving = Set(moving)
            let unknown = moving.subtracting(all)
            guard unknown.isEmpty else {
                throw LinkageDecisionError("identities \(unknown.sorted().map(String.init).joined(separator: ", ")) are not "
                    + "identities of \(person) (its identities: \(all.map(String.init).joined(separator: ", ")))")
            }
            let staying = all.filter { !moving.contains($0) }, going = all.filter(moving.contains)
            guard !staying.isEmpty, !going.isEmpty else {
                throw LinkageDecisionError("a split needs identities on both sides: name some, not all, of \(person)'s identities")
            }
            var made = [Int64]()
            for a in going { for b in staying {
                made.append(try transaction.addLinkDecision(.cannotLink, a, b, action: .split, actor: actor, reason: reason))
            } }
            // Each side stays together, whatever linked it before.
            for side in [going, staying] { for (a, b) in zip(side, side.dropFirst()) {
                made.append(try transaction.addLinkDecision(.mustLink, a, b, action: .split, actor: actor, reason: reason))
            } }
            try transaction.supersedeLinkDecisions(try Self.decisions(between: going, and: staying, reader)
                .filter { !made.contains($0) }, by: made[0])
            try transaction.appendAudit(actor: actor, action: "split-request", subject: "\(person)",
                                        reason: reason, details: AuditEvent.details([
                                            "decision": "\(made[0])",
                                            "identities": going.map(String.init).joined(separator: ","),
                                        ]))
        }
    }

    /// Records a decision and runs the linker so that it takes effect.
    private func decide(actor: String, reason: String,
                        _ body: (StoreTransaction, StoreReader) throws -> Void) throws(LinkageDecisionError) -> LinkRunRecord {
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LinkageDecisionError("a decision needs who made it (--by) and why (--reason)")
        }
        do {
            try store.write { transaction in try body(transaction, transaction.reader) }
            var settings = self.settings
            settings.actor = actor
            settings.reason = reason
            settings.isDecision = true
            settings.full = false
            settings.retrain = false
            return try VaultLinkage(store: store, settings: settings).run()
        } catch let error as LinkageDecisionError {
            throw error
        } catch {
            throw LinkageDecisionError("the decision was not stored: \(error)")
        }
    }

    private static func requireIdentities(_ ids: [Int64], _ reader: StoreReader) throws {
        for id in ids where try reader.identities(ids: [id]).isEmpty {
            throw LinkageDecisionError("there is no identity \(id) in the vault (see lifecourse review list)")
        }
    }

    private static func activeIdentities(of person: ResearchID, _ reader: StoreReader) throws -> [Int64] {
        guard let status = try reader.researchIDStatus(person) else {
            throw LinkageDecisionError("\(person) is not a research ID of this store")
        }
        guard status.status == "active" else {
            let now = try reader.currentResearchID(person).map { " (it now leads to \($0))" } ?? ""
            throw LinkageDecisionError("\(person) is \(status.status)\(now); decide about an active research ID")
        }
        return try reader.identityIDs(of: person)
    }

    /// Decisions in force between two sets of identities.
    private static func decisions(between left: [Int64], and right: [Int64], _ reader: StoreReader) throws -> [Int64] {
        let (l, r) = (Set(left), Set(right))
        return try reader.linkConstraints().filter { (l.contains($0.a) && r.contains($0.b)) || (l.contains($0.b) && r.contains($0.a)) }
            .map(\.decisionID)
    }
}

/// A decision that cannot be taken, said so the reviewer knows what to change.
public struct LinkageDecisionError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
