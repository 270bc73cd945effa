import ArgumentParser
import Foundation
import LifecourseStatistics

/// `stats`: statistical tables (統計情報) computed in the store, with disclosure control.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Compute statistical tables (統計情報) from the research store, small cells protected.",
        discussion: """
            SPEC.json names the source (persons, care, prescriptions, claims, measurements), the measure, up to six \
            dimensions, the period, filters and the disclosure settings; --built-in computes one of the plan's \
            tables (\(BuiltInTables.names.joined(separator: ", "))) for --year. Each table is written as NAME.csv \
            and NAME.json (with the specification, the disclosure settings and the store's state digest). Cells \
            from fewer than 10 persons or 3 institutions are suppressed, and further cells so that none of them can \
            be worked out from the published cells and totals; suppressed cells are shown as -.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "Table specifications (JSON).")
    var specs: [String] = []

    @Option(name: .customLong("built-in"), help: ArgumentHelp("A built-in table by name, or all.", valueName: "name"))
    var builtIn: [String] = []

    @Option(help: "The calendar year of the built-in tables.")
    var year: Int?

    @Option(help: "The folder to write the tables into.")
    var output: String = "."

    @Flag(help: "Print the SQL of each table (with its arguments) instead of computing it.")
    var sql = false

    @Option(help: "The labels' language: ja (日本語, the default) or en (English); overrides the specifications'.")
    var language: String?

    func validate() throws {
        if specs.isEmpty && builtIn.isEmpty {
            throw ValidationError("Give a specification file or --built-in NAME (\(BuiltInTables.names.joined(separator: ", ")), all).")
        }
        if !builtIn.isEmpty && year == nil { throw ValidationError("--built-in needs --year, e.g. --year 2024.") }
        if let language, TableLanguage(rawValue: language) == nil {
            throw ValidationError("--language must be ja or en, not '\(language)'.")
        }
        for name in builtIn where name != "all" && !BuiltInTables.names.contains(name) {
            throw ValidationError("'\(name)' is not a built-in table; use \(BuiltInTables.names.joined(separator: ", ")) or all.")
        }
    }

    func run() throws {
        var tables = try specs.map { try TableSpec.load(contentsOf: URL(fileURLWithPath: $0)) }
        let names = builtIn.contains("all") ? BuiltInTables.names : builtIn
        tables += names.compactMap { BuiltInTables.spec($0, year: year ?? 0) }
        if let language = language.flatMap(TableLanguage.init(rawValue:)) {
            for index in tables.indices { tables[index].language = language }
        }
        if sql {
            for spec in tables {
                let (text, arguments) = StatisticsEngine.sql(for: spec)
                print("-- \(spec.name); arguments in order: \(arguments.joined(separator: ", "))\n\(text);")
            }
            return
        }
        let engine = StatisticsEngine(store: try dataOptions.openExistingStore())
        for spec in tables {
            let start = Date()
            let computed = try engine.compute(spec)
            try TableFiles(computed).write(into: URL(fileURLWithPath: output))
            let cells = computed.table.cells
            let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
            if let budget = computed.privacyBudget {
                print("\(spec.name): \(cells.count) cells with noise; application \(budget.application) has ε "
                      + "\(budget.remainingEpsilon) of \(budget.epsilon) left (\(seconds) s) → \(output)/\(spec.name).csv")
            } else {
                print("\(spec.name): \(cells.count) cells, \(cells.filter(\.isSensitive).count) suppressed as small, "
                      + "\(cells.filter { $0.status == .complementary }.count) to protect them (\(seconds) s) → \(output)/\(spec.name).csv")
            }
        }
    }
}
