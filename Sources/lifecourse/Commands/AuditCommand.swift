import ArgumentParser
import LifecourseStore

/// `audit`: the hash-chained audit trail, and its check.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit trail (who did what to whom, and why) and check its hash chain.")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only events of this action (merge, split, review-accept …).")
    var action: String?

    func run() throws {
        let (events, broken) = try dataOptions.openExistingStore().read {
            (try $0.auditEvents(action: action), try $0.firstBrokenAuditEvent())
        }
        if output.json { return try Console.printJSON(events) }
        Console.printTable(header: ["event", "at", "actor", "action", "subject", "reason"],
                           rows: events.map { [String($0.eventID), $0.at, $0.actor, $0.action, $0.subject, $0.reason] })
        if let broken {
            throw UserError("the audit trail is broken at event \(broken.eventID) (\(broken.at)): it was altered, removed or "
                + "inserted after it was written. Restore the governance zone from a backup and compare.")
        }
        print("hash chain intact (\(events.count) events shown)")
    }
}
