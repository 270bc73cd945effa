import ArgumentParser
import Foundation
import LifecourseCore
import LifecourseAnonymization

/// `anonymize-csv`: the anonymization engine on any CSV, so that it can be compared with other tools.
struct AnonymizeCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize-csv",
        abstract: "Anonymize a CSV: the optimal full-domain generalization under k-anonymity, l-diversity or t-closeness.",
        discussion: """
            Each quasi-identifier comes with its hierarchy in ARX's layout (one row per value, one column per level, \
            most general last; `;`-separated). The output has the quasi-identifiers generalized and the suppressed \
            records' set to *; the report (JSON) has the levels chosen, the suppressed records, the classes, the \
            information loss and the re-identification risk before and after, and the time taken.
            """
    )

    @Argument(help: "The input CSV (UTF-8, a header row).")
    var input: String

    @Option(help: "The field separator (one ASCII character, e.g. ';' for ARX's files).")
    var delimiter: String = ","

    @Option(name: .customLong("qi"), help: ArgumentHelp(
        "A quasi-identifier and its hierarchy: an ARX hierarchy file, or a built-in one — @age, @age:TOP (top code), "
            + "@date, @region, @icd10, @yj, @interval:WIDTH.",
        valueName: "column=hierarchy.csv|@kind"))
    var quasiIdentifiers: [String] = []

    @Option(help: "The sensitive attribute (for l-diversity and t-closeness).")
    var sensitive: String?

    @Option(help: "k of k-anonymity.")
    var k: Int = 1

    @Option(help: "l of l-diversity.")
    var l: Double?

    @Option(help: "The l-diversity variant: distinct, entropy or recursive.")
    var lVariant: String = "distinct"

    @Option(help: "c of recursive (c,l)-diversity.")
    var c: Double = 2

    @Option(help: "t of t-closeness (equal distance, or hierarchical with --t-hierarchy).")
    var t: Double?

    @Option(help: ArgumentHelp("The sensitive attribute's hierarchy, for t-closeness with the hierarchical distance.",
                               valueName: "hierarchy.csv|@kind"))
    var tHierarchy: String?

    @Option(help: "The highest re-identification risk a record may keep (one over its class's size).")
    var maxRisk: Double?

    @Option(help: "The highest average re-identification risk of the released records.")
    var averageRisk: Double?

    @Option(help: "The share of records that may be suppressed.")
    var suppressionLimit: Double = 0

    @Option(help: "The information loss to minimise: loss, entropy, discernibility, aecs or precision.")
    var metric: String = "entropy"

    @Option(help: "Where to write the anonymized CSV.")
    var output: String

    @Option(help: "Where to write the report (JSON).")
    var report: String

    func validate() throws {
        guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first, byte < 0x80, byte != 0x22 else {
            throw ValidationError("--delimiter must be one ASCII character other than a quote")
        }
        guard !quasiIdentifiers.isEmpty else { throw ValidationError("name at least one --qi column=hierarchy.csv") }
        guard k >= 1 else { throw ValidationError("--k must be at least 1") }
        guard (0...1).contains(suppressionLimit) else { throw ValidationError("--suppression-limit is a share from 0 to 1") }
        guard UtilityMetric(rawValue: metric) != nil else {
            throw ValidationError("--metric must be one of \(UtilityMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ["distinct", "entropy", "recursive"].contains(lVariant) else {
            throw ValidationError("--l-variant must be distinct, entropy or recursive")
        }
        for (name, risk) in [("--max-risk", maxRisk), ("--average-risk", averageRisk)] {
            if let risk, !(risk > 0 && risk <= 1) { throw ValidationError("\(name) is a probability above 0 and at most 1") }
        }
        if tHierarchy != nil && t == nil { throw ValidationError("--t-hierarchy goes with --t") }
        if (l != nil || t != nil) && sensitive == nil {
            throw ValidationError("--l and --t need --sensitive COLUMN")
        }
    }

    /// Writes the records to `output`, formatted in parts of 50,000 on every core and written in order.
    private func write(_ rows: [[String]], header: [String]) throws {
        let separator = Character(delimiter)
        let parts = try stride(from: 0, to: rows.count, by: 50_000).map { $0..<min($0 + 50_000, rows.count) }
            .concurrentMap(minimumPerChunk: 1) { range in
                var text = ""
                for row in rows[range] { text += CSVField.line(row, delimiter: separator) }
                return text
            }
        guard FileManager.default.createFile(atPath: output, contents: Data(CSVField.line(header, delimiter: separator).utf8)),
              let handle = FileHandle(forWritingAtPath: output) else {
            throw UserError("\(output): cannot be written; check that its folder exists and may be written to")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        for part in parts { try handle.write(contentsOf: Data(part.utf8)) }
    }

    /// A column's hierarchy: an ARX file, or `@kind` built for the column's values.
    private func hierarchy(_ spec: String, of name: String, in csv: CSVInput, option: String) throws -> Hierarchy {
        let column = try csv.column(name, option: option)
        guard spec.hasPrefix("@") else { return try Hierarchy.load(contentsOf: URL(fileURLWithPath: spec), attribute: name) }
        return try BuiltInHierarchy(name: String(spec.dropFirst()))
            .hierarchy(attribute: name, values: csv.rows.map { $0.fields[column] }, source: input, lines: csv.rows.map(\.line))
    }

    func run() throws {
        let started = Date()
        let csv = try CSVInput(path: input, delimiter: delimiter.utf8.first!)
        var hierarchies = [Hierarchy]()
        for entry in quasiIdentifiers {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw UserError("--qi \(entry): write it as column=hierarchy.csv") }
            hierarchies.append(try hierarchy(parts[1], of: parts[0], in: csv, option: "--qi"))
        }
        if let sensitive { _ = try csv.column(sensitive, option: "--sensitive") }
        let rows = csv.rows.map(\.fields)
        let table = try EncodedTable(header: csv.header, rows: rows, hierarchies: hierarchies, sensitive: sensitive)
        var models: [any PrivacyModel] = k > 1 ? [KAnonymity(k: k)] : []
        if let l {
            switch lVariant {
            case "entropy": models.append(EntropyLDiversity(l: l))
            case "recursive": models.append(RecursiveCLDiversity(c: c, l: Int(l)))
            default: models.append(DistinctLDiversity(l: Int(l)))
            }
        }
        if let t, let tHierarchy, let sensitive {
            let hierarchy = try hierarchy(tHierarchy, of: sensitive, in: csv, option: "--sensitive")
            models.append(try HierarchicalTCloseness(t: t, hierarchy: hierarchy, values: table.sensitiveValues))
        } else if let t {
            models.append(EqualDistanceTCloseness(t: t))
        }
        if let maxRisk { models.append(MaximumRisk(threshold: maxRisk)) }
        if let averageRisk { models.append(AverageRisk(threshold: averageRisk)) }
        let anonymizer = Anonymizer(table: table, models: models, suppressionLimit: suppressionLimit,
                                    metric: UtilityMetric(rawValue: metric)!)
        let result = anonymizer.run()
        guard let best = result.best else {
            throw UserError("no generalization satisfies \(models.map(\.description).joined(separator: " and ")) with at most "
                + "\(suppressionLimit * 100)% of the records suppressed: allow more suppression or lower the requirements")
        }
        let anonymized = anonymizer.apply(best, header: csv.header, rows: rows)
        try write(anonymized, header: csv.header)
        let summary = AnonymizationReport(
            transformation: Dictionary(uniqueKeysWithValues: zip(table.attributes, best.levels)),
            models: models.map(\.description), suppressionLimit: suppressionLimit, records: table.records,
            suppressedRecords: best.suppressedRecords, equivalenceClasses: best.keptClasses,
            smallestClass: best.smallestClass ?? 0, metric: metric, informationLoss: best.loss,
            riskBefore: ReidentificationRisk(original: table), riskAfter: ReidentificationRisk(best),
            latticeSize: result.latticeSize, transformationsEvaluated: result.evaluated,
            seconds: Date().timeIntervalSince(started))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(summary).write(to: URL(fileURLWithPath: report))
        print("levels " + zip(table.attributes, best.levels).map { "\($0)=\($1)" }.joined(separator: ", ")
            + "; \(best.suppressedRecords) records suppressed, \(best.keptClasses) classes (smallest \(best.smallestClass ?? 0)); "
            + "\(metric) \(best.loss); \(result.evaluated) of \(result.latticeSize) transformations evaluated")
    }
}

/// What `anonymize-csv` writes to its report.
struct AnonymizationReport: Codable {
    var transformation: [String: Int]
    var models: [String]
    var suppressionLimit: Double
    var records: Int
    var suppressedRecords: Int
    var equivalenceClasses: Int
    var smallestClass: Int
    var metric: String
    var informationLoss: Double
    var riskBefore: ReidentificationRisk
    var riskAfter: ReidentificationRisk
    var latticeSize: Int
    var transformationsEvaluated: Int
    var seconds: Double
}
