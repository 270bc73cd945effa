import ArgumentParser
import Foundation
import LifecourseStore

/// `privacy-budget`: an application's budget for differentially private tables.
struct PrivacyBudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy-budget",
        abstract: "Show or set an application's privacy budget (ε, δ) for differentially private tables.",
        discussion: """
            Every table whose specification has "privacy" spends its ε (and δ) from its application's budget \
            before it is computed; one that would go past the budget is refused and spends nothing. Without \
            --epsilon the command shows the budget and what is left.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "The application (申出), as the specifications name it.")
    var application: String

    @Option(help: "The total ε the application's tables may spend together.")
    var epsilon: Double?

    @Option(help: "The total δ (for Gaussian noise).")
    var delta: Double = 0

    @Option(help: "Who sets the budget (recorded in the audit trail).")
    var by: String?

    @Option(help: "Why (recorded in the audit trail).")
    var reason: String?

    func validate() throws {
        if let epsilon {
            guard epsilon > 0, delta >= 0, delta < 1 else { throw ValidationError("--epsilon must be above 0 and --delta from 0 to below 1.") }
            guard by != nil, reason != nil else { throw ValidationError("Setting a budget needs --by and --reason.") }
        }
    }

    func run() throws {
        let store = try dataOptions.openExistingStore()
        let budget: PrivacyBudget
        if let epsilon, let by, let reason {
            budget = try store.write { transaction in
                try transaction.setPrivacyBudget(of: application, epsilon: epsilon, delta: delta, actor: by, reason: reason)
            }
        } else {
            guard let current = try store.read({ try $0.privacyBudget(of: application) }) else {
                throw UserError("application \(application) has no privacy budget; set one with --epsilon E --by WHO --reason WHY")
            }
            budget = current
        }
        print("\(application): ε \(budget.epsilon) (spent \(budget.spentEpsilon), left \(budget.remainingEpsilon)), "
              + "δ \(budget.delta) (spent \(budget.spentDelta)), \(budget.tables) tables")
    }
}
