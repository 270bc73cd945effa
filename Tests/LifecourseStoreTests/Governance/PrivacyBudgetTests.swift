import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct PrivacyBudgetTests {
    @Test func tablesSpendTheBudgetUntilItRefusesWithoutSpending() throws {
        let test = try TestStore()
        defer { test.remove() }
        let store = test.store
        #expect(throws: StoreError.self) {
            try store.write { try $0.spendPrivacyBudget(of: "APP-1", table: "t", epsilon: 0.1, delta: 0, specDigest: Data([1])) }
        }
        _ = try store.write { try $0.setPrivacyBudget(of: "APP-1", epsilon: 1, delta: 0, actor: "委員会", reason: "承認") }
        for _ in 0..<2 {
            _ = try store.write { try $0.spendPrivacyBudget(of: "APP-1", table: "t", epsilon: 0.4, delta: 0, specDigest: Data([1])) }
        }
        do {
            _ = try store.write { try $0.spendPrivacyBudget(of: "APP-1", table: "third", epsilon: 0.4, delta: 0, specDigest: Data([1])) }
            Issue.record("a table past the budget was allowed")
        } catch let error as StoreError {
            #expect(error.message.contains("table third asks for ε 0.4"), "\(error)")
            #expect(error.message.contains("refused, nothing computed"))
        }
        let budget = try #require(try store.read { try $0.privacyBudget(of: "APP-1") })
        #expect(budget.tables == 2 && abs(budget.remainingEpsilon - 0.2) < 1e-12)
        // The budget cannot be set below what is spent; it can be raised, and the audit trail has both settings.
        #expect(throws: StoreError.self) {
            try store.write { try $0.setPrivacyBudget(of: "APP-1", epsilon: 0.5, delta: 0, actor: "委員会", reason: "下げる") }
        }
        _ = try store.write { try $0.setPrivacyBudget(of: "APP-1", epsilon: 2, delta: 0, actor: "委員会", reason: "追加") }
        _ = try store.write { try $0.spendPrivacyBudget(of: "APP-1", table: "third", epsilon: 0.4, delta: 0, specDigest: Data([1])) }
        #expect(try store.read { try $0.auditEvents(action: "privacy-budget") }.count == 2)
    }
}
