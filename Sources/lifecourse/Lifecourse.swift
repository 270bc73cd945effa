import ArgumentParser

/// `lifecourse`: the operator's command line. Each subcommand parses, calls a domain target, and prints.
@main
struct Lifecourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecourse",
        abstract: "Lifecourse: receive, link and anonymize medical data (次世代医療基盤法).",
        discussion: """
            Data lives in a directory (default ./lifecourse-data): three SQLite zones (vault, research, \
            governance) and master.key, the key that encrypts identities. Keep a backup of master.key: \
            without it the vault cannot be read.
            """,
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, ReceiptsCommand.self, QuarantineCommand.self, PersonsCommand.self,
            DemoCommand.self, SummaryCommand.self, SynthCommand.self, MastersCommand.self, LinkCSVCommand.self,
            LinkEvalCommand.self, LinkCommand.self, ReviewCommand.self, MergeCommand.self, SplitCommand.self,
            IdentitiesCommand.self, AuditCommand.self, AnonymizeCSVCommand.self, ReleaseCommand.self,
            StatsCommand.self, PrivacyBudgetCommand.self,
        ]
    )
}
