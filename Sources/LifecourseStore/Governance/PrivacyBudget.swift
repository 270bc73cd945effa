public import Foundation
import GRDB

/// An application's privacy budget for differentially private tables, and what its tables have spent.
public struct PrivacyBudget: Sendable, Hashable {
    public var application: String
    public var epsilon: Double
    public var delta: Double
    public var spentEpsilon: Double
    public var spentDelta: Double
    public var tables: Int

    public var remainingEpsilon: Double { epsilon - spentEpsilon }
    public var remainingDelta: Double { delta - spentDelta }
}

extension StoreReader {
    /// The budget of `application`, nil when none was given.
    public func privacyBudget(of application: String) throws -> PrivacyBudget? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT b.epsilon, b.delta, COALESCE(SUM(s.epsilon), 0), COALESCE(SUM(s.delta), 0), COUNT(s.spend_id)
            FROM governance.privacy_budget b LEFT JOIN governance.privacy_spend s ON s.application = b.application
            WHERE b.application = ? GROUP BY b.application
            """, arguments: [application]) else { return nil }
        return PrivacyBudget(application: application, epsilon: row[0], delta: row[1], spentEpsilon: row[2],
                             spentDelta: row[3], tables: row[4])
    }
}

extension StoreTransaction {
    /// Gives `application` a total budget (or changes it: never below what it has spent), with an audit event.
    public func setPrivacyBudget(of application: String, epsilon: Double, delta: Double, actor: String,
                                 reason: String) throws -> PrivacyBudget {
        if let current = try reader.privacyBudget(of: application),
           epsilon < current.spentEpsilon || delta < current.spentDelta {
            throw StoreError.budgetExceeded("\(application) has already spent ε \(current.spentEpsilon) and δ "
                + "\(current.spentDelta); its budget cannot be set below that")
        }
        try execute("""
            INSERT INTO governance.privacy_budget (application, epsilon, delta, set_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (application) DO UPDATE SET epsilon = excluded.epsilon, delta = excluded.delta, set_at = excluded.set_at
            """, [application, epsilon, delta, Timestamp.now()])
        try appendAudit(actor: actor, action: "privacy-budget", subject: application, reason: reason,
                        details: AuditEvent.details(["epsilon": epsilon, "delta": delta]))
        guard let budget = try reader.privacyBudget(of: application) else { throw StoreError.notFound(application) }
        return budget
    }

    /// Spends ε and δ of `application`'s budget for one table, or refuses — spending nothing — when the
    /// application has no budget or the table would go past it.
    public func spendPrivacyBudget(of application: String, table: String, epsilon: Double, delta: Double,
                                   specDigest: Data) throws -> PrivacyBudget {
        guard let budget = try reader.privacyBudget(of: application) else {
            throw StoreError.budgetExceeded("application \(application) has no privacy budget; the review committee "
                + "gives one with `lifecourse privacy-budget \(application) --epsilon E`")
        }
        if epsilon > budget.remainingEpsilon + 1e-12 || delta > budget.remainingDelta + 1e-15 {
            throw StoreError.budgetExceeded("table \(table) asks for ε \(epsilon) and δ \(delta), but application "
                + "\(application) has ε \(budget.remainingEpsilon) and δ \(budget.remainingDelta) left of its ε "
                + "\(budget.epsilon) and δ \(budget.delta) (\(budget.tables) tables computed): refused, nothing computed")
        }
        try execute("""
            INSERT INTO governance.privacy_spend (application, table_name, epsilon, delta, spec_digest, spent_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [application, table, epsilon, delta, specDigest, Timestamp.now()])
        guard let after = try reader.privacyBudget(of: application) else { throw StoreError.notFound(application) }
        return after
    }
}
