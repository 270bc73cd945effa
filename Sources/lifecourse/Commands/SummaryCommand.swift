import ArgumentParser
import LifecourseCore
import LifecourseFormats
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
        if !summary.diagnoses.isEmpty { printDiagnoses(summary.diagnoses) }
        printMonths(summary.months)
        printCare(summary.care)
        printDeath(summary.death)
    }

    static func printDiagnoses(_ diagnoses: [PersonSummary.DiagnosisEntry]) {
        Swift.print("\n傷病名 diagnoses")
        Console.printTable(
            header: ["  start", "code", "name", "ICD-10", "outcome", "main", "last seen"],
            rows: diagnoses.map { diagnosis in
                ["  \(diagnosis.startDate)", diagnosis.code, diagnosis.name ?? "", diagnosis.icd10.joined(separator: " "),
                 diagnosis.outcome ?? "",
                 diagnosis.isMain ? "主" : "", diagnosis.lastSeen.description]
            })
    }

    static func printMonths(_ months: [PersonSummary.Month]) {
        for month in months {
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

    static func printDeath(_ death: PersonSummary.Death?) {
        if let death {
            Swift.print("\n死亡 death \(death.date)  原死因 underlying cause \(death.underlyingCause ?? "-")  "
                        + "\(death.place ?? "")  \(death.manner ?? "")")
            for cause in death.causes {
                Swift.print("  \(cause.line) \(cause.icd10) \(cause.name ?? "") \(cause.interval ?? "")")
            }
        }
    }

    static func printCare(_ care: CareHistory) {
        guard !care.isEmpty else { return }
        func level(_ code: String) -> String { CareLevel(rawValue: code)?.japaneseName ?? code }
        Swift.print("\n介護 long-term care")
        for certification in care.certifications {
            Swift.print("  要介護認定 \(certification.certifiedOn) \(level(certification.level)) "
                        + "\(certification.validFrom)–\(certification.validUntil)")
        }
        for claim in care.claims {
            let services = claim.services.map { "種類 \($0.kind) \($0.units) 単位 \($0.days) 日" }.joined(separator: ", ")
            Swift.print("  \(claim.serviceMonth) 事業所 \(claim.provider) \(level(claim.level)) \(claim.totalUnits) 単位: \(services)")
        }
    }

    static func format(_ value: Double) -> String { value.plainText }
}
