import ArgumentParser
import Foundation
import LifecourseCore
import LifecourseLinkage
import LifecourseStore

/// `link-eval`: how the store's research IDs agree with the generator's truth, pair by pair.
struct LinkEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link-eval",
        abstract: "Compare the store's research IDs with a synthetic population's truth (precision, recall, F1 over pairs).",
        discussion: """
            TRUTH is the generator's truth folder (lifecourse synth writes it beside the data): claims.csv names the \
            person of every claim by its file and claim number. Each stored claim is matched to its row by the \
            file it was received in (the received path ends with the truth's path) and its number; a pair of \
            claims is predicted when both got the same research ID and true when both are the same person.
            """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("The generator's truth folder.", valueName: "dir"))
    var truth: String

    @Option(help: """
        Also list this many mistakes of each kind: research IDs holding several true persons (false merges) and \
        true persons spread over several research IDs (missed links).
        """)
    var mistakes = 0

    func run() throws {
        let file = URL(fileURLWithPath: truth).appendingPathComponent("claims.csv")
        let input = try CSVInput(path: file.path)
        let path = try input.column("file", option: "--truth"), number = try input.column("claim_number", option: "--truth")
        let person = try input.column("person_id", option: "--truth")
        var people = [String: [Int: String]]()
        for row in input.rows {
            guard let claim = Int(row.fields[number]) else {
                throw UserError("\(file.path), line \(row.line): claim_number '\(row.fields[number])' is not a number")
            }
            people[row.fields[path], default: [:]][claim] = row.fields[person]
        }
        let store = try dataOptions.openExistingStore()
        let (receipts, claims) = try store.read { (try $0.receipts(), try $0.claimLineage()) }
        // Each received file's truth path: the truth path its received name ends with.
        var truthPath = [String: String]()
        for receipt in receipts {
            let name = receipt.fileName
            var components = name.split(separator: "/")
            while !components.isEmpty {
                let candidate = components.joined(separator: "/")
                if people[candidate] != nil {
                    truthPath[receipt.sha256] = candidate
                    break
                }
                components.removeFirst()
            }
        }
        var records = [(predicted: ResearchID, true: String)]()
        var unmatched = 0
        for claim in claims {
            guard let path = truthPath[claim.fileSHA256], let truePerson = people[path]?[claim.claimNumber] else {
                unmatched += 1
                continue
            }
            records.append((claim.person, truePerson))
        }
        guard !records.isEmpty else {
            throw UserError("no stored claim matches \(file.path); ingest the claims of the population the truth belongs to")
        }
        let evaluation = PairwiseEvaluation(records)
        if output.json { return try Console.printJSON(evaluation) }
        Console.printTable(
            header: ["claims", "persons (truth)", "research IDs", "true pairs", "predicted pairs", "precision", "recall", "F1"],
            rows: [[String(evaluation.records), String(evaluation.trueClusters), String(evaluation.predictedClusters),
                    String(evaluation.truePairs), String(evaluation.predictedPairs),
                    String(format: "%.4f", evaluation.precision), String(format: "%.4f", evaluation.recall),
                    String(format: "%.4f", evaluation.f1)]])
        if mistakes > 0 { printMistakes(records) }
        if unmatched > 0 { print("\(unmatched) stored claims are not in the truth (other files) and were left out") }
    }

    /// The research IDs with more than one true person, and the true persons with more than one research ID.
    private func printMistakes(_ records: [(predicted: ResearchID, true: String)]) {
        var byPredicted = [ResearchID: Set<String>](), byTruth = [String: Set<ResearchID>]()
        for record in records {
            byPredicted[record.predicted, default: []].insert(record.true)
            byTruth[record.true, default: []].insert(record.predicted)
        }
        let merged = byPredicted.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        let missed = byTruth.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        print("false merges (\(merged.count) research IDs):")
        for (id, persons) in merged.prefix(mistakes) { print("  \(id): \(persons.sorted().joined(separator: ", "))") }
        print("missed links (\(missed.count) persons):")
        for (person, ids) in missed.prefix(mistakes) {
            print("  \(person): \(ids.sorted().map(\.description).joined(separator: ", "))")
        }
    }
}
