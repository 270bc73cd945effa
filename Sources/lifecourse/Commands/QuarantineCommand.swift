import ArgumentParser
import LifecourseStore

struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List quarantined units (claims, death certificates, care records) with their file, lines and reason.",
        discussion: "Quarantined units are stored encrypted, as received; --raw shows their lines."
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Show each unit's lines as received.")
    var raw = false

    func run() throws {
        let entries = try dataOptions.openExistingStore().read { try $0.quarantine(includeRaw: raw) }
        if output.json { return try Console.printJSON(entries) }
        if entries.isEmpty { return print("nothing is quarantined") }
        for entry in entries {
            let lines = entry.firstLine == entry.lastLine
                ? "line \(entry.firstLine ?? 0)" : "lines \(entry.firstLine ?? 0)–\(entry.lastLine ?? 0)"
            let more = entry.problemCount > 1 ? " (and \(entry.problemCount - 1) more problems)" : ""
            print("#\(entry.id) \(entry.fileName) \(lines) (receipt \(entry.receiptID))")
            print("  \(entry.problem)\(more)")
            if let text = entry.rawText {
                for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) { print("  | \(line)") }
            }
        }
    }
}
