import ArgumentParser
import LifecourseCore
import LifecourseStore

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Show one person's history: diagnoses with start dates and outcomes, then month by month."
    )

    @Argument(help: ArgumentHelp("The research ID, e.g. 7K3M-Q9XZ-2PWT.", valueName: "research-id"))
    var researchID: String

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        do {
            _ = try ResearchID(researchID)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let id = try ResearchID(researchID)
        let summary: PersonSummary
        do {
            summary = try dataOptions.openExistingStore().read { try $0.summary(of: id) }
        } catch let error as StoreError {
            throw UserError(error.message)
        }
        if output.json { return try Console.printJSON(summary) }
        SummaryText.print(summary)
    }
}

/// The summary as text.
enum SummaryText {
    static func print(_ summary: PersonSummary) {
        let person = summary.person
        Swift.print("研究用ID research ID \(person.researchID)  \(person.sex.japaneseName)  "
                    + "born \(person.birthYear.map(String.init) ?? "-")  \(person.claims) claims from "
                    + "\(person.institutions) institutions")
        Swift.print("\n傷病名 diagnoses")
        Console.printTable(
            header: ["  start", "code", "name", "outcome", "main", "last seen"],
            rows: summary.diagnoses.map { diagnosis in
                ["  \(diagnosis.startDate)", diagnosis.code, diagnosis.name ?? "", diagnosis.outcome ?? "",
                 diagnosis.isMain ? "主" : "", diagnosis.lastSeen.description]
            })
        for month in summary.months {
            let claims = month.claims == 0
                ? "" : "  \(month.claims) claims at \(month.institutions.joined(separator: ", "))"
            Swift.print("\n\(month.month)\(claims)")
            for diagnosis in month.newDiagnoses {
                Swift.print("  傷病名 \(diagnosis.startDate) \(diagnosis.code) \(diagnosis.name ?? "") \(diagnosis.outcome ?? "")")
            }
            for (label, items) in [("医薬品", month.drugs), ("診療行為", month.procedures), ("特定器材", month.devices)] {
                for item in items {
                    let amount = [item.quantity.map { "quantity \(format($0))" }, item.times.map { "×\($0)" }]
                        .compactMap { $0 }.joined(separator: " ")
                    Swift.print("  \(label) \(item.date) \(item.code)\(item.name.map { " \($0)" } ?? "") \(amount)")
                }
            }
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
