import ArgumentParser
import Foundation
import LifecourseCore
import LifecourseLinkage
import LifecourseStore

/// `review`: the pairs the linker was unsure about, and people's decisions on them.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List the pairs waiting for review, accept or reject them.",
        subcommands: [List.self, Accept.self, Reject.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show pending pairs, most probable first, with both identities side by side (from the vault).")

        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "Show at most this many pairs.")
        var limit = 50

        func run() throws {
            let store = try dataOptions.openExistingStore()
            let rows = try store.read { reader in
                try reader.reviewPairs(status: .pending).compactMap { pair -> [String]? in
                    let both = try reader.identities(ids: [pair.a, pair.b])
                    guard both.count == 2, both[0].person != both[1].person else { return nil }
                    func describe(_ stored: StoredIdentity) -> String {
                        let identity = stored.identity
                        return [identity.name, identity.kanaName, identity.birthDate?.description,
                                identity.sex.japaneseName, identity.address].compactMap { $0 }.joined(separator: " ")
                    }
                    return [String(pair.a), both[0].person.description, describe(both[0]), String(pair.b),
                            both[1].person.description, describe(both[1]), String(format: "%.4f", pair.probability)]
                }.prefix(limit)
            }
            if output.json {
                let keys = ["identity_a", "person_a", "a", "identity_b", "person_b", "b", "probability"]
                return try Console.printJSON(rows.map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) })
            }
            Console.printTable(header: ["identity", "research ID", "identity A", "identity", "research ID", "identity B", "p"],
                               rows: Array(rows))
        }
    }

    struct Decision: ParsableArguments {
        @Argument(help: "The two identity IDs of the pair (as review list shows them).")
        var identities: [Int64]

        @OptionGroup var who: DecisionOptions

        func validate() throws {
            guard identities.count == 2, identities[0] != identities[1] else {
                throw ValidationError("give the pair's two identity IDs, e.g. review accept 12 345 --by … --reason …")
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The two identities are the same person.")
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var decision: Decision

        func run() throws {
            try decision.take("accepted", dataOptions) { try $0.accept($1, $2, by: $3, reason: $4) }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The two identities are different persons.")
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var decision: Decision

        func run() throws {
            try decision.take("rejected", dataOptions) { try $0.reject($1, $2, by: $3, reason: $4) }
        }
    }
}

extension ReviewCommand.Decision {
    /// Takes the decision on the store and says what the linker then did.
    func take(_ done: String, _ dataOptions: DataOptions,
              _ body: (LinkageDecisions, Int64, Int64, String, String) throws -> LinkRunRecord) throws {
        let run = try body(LinkageDecisions(store: try dataOptions.openExistingStore()), identities[0], identities[1], who.by, who.reason)
        print("\(done); \(run.merges) merge(s), \(run.splits) split(s)")
    }
}

/// Who takes a decision and why: both go to the audit trail.
struct DecisionOptions: ParsableArguments {
    @Option(help: "Who decides (recorded in the audit trail).")
    var by: String

    @Option(help: "Why (recorded in the audit trail).")
    var reason: String
}

/// `merge`: two research IDs are one person.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two research IDs: the older survives, the other redirects to it.")

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "The two research IDs.")
    var persons: [String]

    @OptionGroup var who: DecisionOptions

    func run() throws {
        guard persons.count == 2 else { throw ValidationError("give two research IDs, e.g. merge 7K3M-Q9XZ-2PWT 8A1B-…") }
        let ids = try persons.map { text in try ResearchID(text) }
        let run = try LinkageDecisions(store: try dataOptions.openExistingStore()).merge(ids[0], ids[1], by: who.by, reason: who.reason)
        print("merged; \(run.merges) merge(s)")
    }
}

/// `split`: some identities of a research ID are another person.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split identities off a research ID: both parts get new research IDs; the old one is retired.")

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "The research ID.")
    var person: String

    @Option(parsing: .upToNextOption, help: "The identity IDs that are another person (see lifecourse identities).")
    var identities: [Int64]

    @OptionGroup var who: DecisionOptions

    func run() throws {
        let run = try LinkageDecisions(store: try dataOptions.openExistingStore())
            .split(try ResearchID(person), identities: identities, by: who.by, reason: who.reason)
        print("split; \(run.splits) research ID(s) retired")
    }
}

/// `identities`: the identities of a research ID (from the vault), for merge and split.
struct IdentitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identities",
        abstract: "Show a research ID's identities from the vault, with how each was linked, and the ID's history.")

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "The research ID.")
    var person: String

    func run() throws {
        let id = try ResearchID(person)
        let store = try dataOptions.openExistingStore()
        let (status, identities, events) = try store.read { reader in
            (try reader.researchIDStatus(id), try reader.identities(ids: try reader.identityIDs(of: id)), try reader.linkEvents(of: id))
        }
        guard let status else { throw UserError("\(id) is not a research ID of this store") }
        print("\(id): \(status.status)" + (status.redirectTo.map { " → \($0)" } ?? ""))
        Console.printTable(
            header: ["identity", "source", "institution", "name", "kana", "born", "sex", "linked by"],
            rows: identities.map { stored in
                let identity = stored.identity
                return [String(stored.identityID), stored.sourceFormat, stored.institution, identity.name ?? "-",
                        identity.kanaName ?? "-", identity.birthDate?.description ?? "-", identity.sex.japaneseName,
                        stored.linkedBy + (stored.linkedTo.map { " → \($0)" } ?? "")]
            })
        for event in events {
            print("\(event.createdAt) \(event.kind.rawValue) \(event.from?.description ?? "-") → \(event.to?.description ?? "-") "
                + "\(event.source)" + (event.probability.map { String(format: " p=%.4f", $0) } ?? "")
                + (event.actor.map { " by \($0)" } ?? "") + (event.reason.map { ": \($0)" } ?? ""))
        }
    }
}
