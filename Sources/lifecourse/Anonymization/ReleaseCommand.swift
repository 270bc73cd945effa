import ArgumentParser
import Foundation
import LifecourseAnonymization
import LifecourseCore

/// `release`: an approved release built from the research store.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Build a release (匿名加工 or 仮名加工) from the research store as its specification says.",
        discussion: """
            SPEC.json names the recipient, the cohort (diagnoses, drugs, period, ages), the tables and fields, the \
            rules (date shift, age top code, rare codes, lab quantiles) and the privacy model (k, suppression \
            limit). The folder gets one CSV per table keyed by release pseudonyms, data-dictionary.csv, report.json \
            and provision-record.json; the store keeps the provision record (提供記録) with the included persons' \
            research IDs, and the audit trail the release. Opted-out persons are never included.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "The release specification (JSON).")
    var spec: String

    @Option(help: "The folder to write the release into (new or empty).")
    var output: String

    @Option(help: ArgumentHelp("Research IDs that opted out, one per line (until the governance registry holds them).",
                               valueName: "file"))
    var optedOut: String?

    @OptionGroup var who: DecisionOptions

    func run() throws {
        let specification = try ReleaseSpec.load(contentsOf: URL(fileURLWithPath: spec))
        var builder = ReleaseBuilder(store: try dataOptions.openExistingStore(), spec: specification,
                                     today: CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400)))
        if let optedOut { builder.optOut = try Self.optOutList(optedOut) }
        let report = try builder.build(into: URL(fileURLWithPath: output), actor: who.by, reason: who.reason)
        print("release \(report.release) (provision \(report.provisionID)) for \(report.recipient): \(report.persons) persons "
              + "(\(report.cohortPersons) in the cohort, \(report.optedOutExcluded) opted out, \(report.outsideAgeRange) "
              + "outside the ages, \(report.suppressedPersons) suppressed) → \(output)")
        for (file, rows) in report.files.sorted(by: { $0.key < $1.key }) { print("  \(file): \(rows) rows") }
    }

    /// Research IDs one per line; blank lines and lines from `#` on are ignored.
    static func optOutList(_ path: String) throws -> OptOutList {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw UserError("\(path) cannot be read as UTF-8 text: \(error.localizedDescription)")
        }
        var ids = Set<ResearchID>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !entry.isEmpty else { continue }
            do { ids.insert(try ResearchID(entry)) } catch {
                throw UserError("\(path), line \(index + 1): \(error)")
            }
        }
        return OptOutList(ids)
    }
}
