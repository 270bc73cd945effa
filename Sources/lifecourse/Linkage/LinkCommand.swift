import ArgumentParser
import Foundation
import LifecourseLinkage
import LifecourseStore

/// `link`: the probabilistic tier over what was ingested.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link the ingested identities beyond exact keys (名寄せ): merge, split, queue pairs for review.",
        discussion: """
            Ingest links identities by exact keys (insurance card, care card, chart number). This command scores \
            every identity against the others that share its name's reading, birth date or insurance card, with a \
            Fellegi–Sunter model trained on the vault the first time (kept, by version, so that every later run \
            scores the same way): pairs at or above --upper are the same person, pairs between --lower and \
            --upper wait in the review queue (lifecourse review). Research IDs that come together are merged (the \
            older survives, the other redirects to it); an ID whose identities part is retired as split and its \
            parts get new IDs. Decisions (review, merge, split) are always honoured. By default only what is new \
            since the last run is linked; the result is what a full run with the same model would give.
            """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Match probability at or above which two identities are the same person.")
    var upper: Double = 0.99

    @Option(help: "Match probability at or above which a pair goes to the review queue.")
    var lower: Double = 0.80

    @Flag(help: "Cluster every identity again, not only what is new since the last run.")
    var full = false

    @Flag(help: "Train a new model (the run is then full).")
    var retrain = false

    @Flag(help: "Print each step's time to standard error (read, train, score and cluster, store).")
    var timings = false

    @Flag(help: "Show the kept model (m and u of each level, and the match weight it adds) instead of running.")
    var showModel = false

    func validate() throws {
        guard (0.5...1).contains(upper), (0...1).contains(lower), lower <= upper else {
            throw ValidationError("--upper must be from 0.5 to 1 and --lower from 0 to --upper (given \(lower) and \(upper))")
        }
    }

    func run() throws {
        let store = try dataOptions.openExistingStore()
        if showModel { return try printModel(store) }
        var linkage = VaultLinkage(store: store, settings: .init(upper: upper, lower: lower, retrain: retrain, full: full))
        if timings {
            linkage.timing = { step, seconds in
                FileHandle.standardError.write(Data(String(format: "%8.1f s  %@\n", seconds, step).utf8))
            }
        }
        let run = try linkage.run()
        if output.json { return try Console.printJSON(run) }
        Console.printTable(
            header: ["run", "mode", "model", "identities clustered", "pairs scored", "merges", "splits", "for review"],
            rows: [[String(run.runID), run.mode, String(run.modelVersion), String(run.identities), String(run.pairsScored),
                    String(run.merges), String(run.splits), String(run.reviewPairs)]])
    }

    private func printModel(_ store: SQLiteStore) throws {
        guard let kept = try store.read({ try $0.latestLinkModel() }) else {
            throw UserError("no model is kept yet: run lifecourse link first")
        }
        let model = try JSONDecoder().decode(LinkageModel.self, from: kept.parameters)
        if output.json { return try Console.printJSON(model) }
        let fs = model.fellegiSunter
        print("model \(kept.version): λ = \(String(format: "%.3g", fs.prior)), term frequencies over \(model.rows) profiles")
        let names = ["person (name)", "birth date", "sex", "postal code", "insurance card"]
        var rows = [[String]]()
        for (field, kind) in fs.fields.enumerated() {
            for (level, name) in kind.levelNames.enumerated() {
                rows.append([field < names.count ? names[field] : kind.rawValue, name, String(format: "%.4g", fs.m[field][level]),
                             String(format: "%.4g", fs.u[field][level]),
                             String(format: "%+.2f", log2(fs.m[field][level] / fs.u[field][level]))])
            }
        }
        Console.printTable(header: ["field", "level", "m", "u", "weight"], rows: rows)
    }
}
