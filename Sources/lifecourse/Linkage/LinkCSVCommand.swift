import ArgumentParser
import Foundation
import LifecourseLinkage

/// `link-csv`: the probabilistic linker on any CSV, so that it can be compared with other tools on public data.
struct LinkCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link-csv",
        abstract: "Link the rows of one CSV (deduplication) or two (linkage) with the Fellegi–Sunter model.",
        discussion: """
            Each --field compares a column by its kind: exact, name (kanji or any script; variant kanji fold), \
            kana, date, postcode, address or number. A name and a kana field are compared as one (the person's \
            name in kanji and in kana carry the same information; counted twice, EM goes wrong), and exact \
            agreement on names weighs more for rare names than for common ones. Candidate pairs agree on every column of at least one --block \
            rule (COL or COL+COL…; without one, one rule per field that is not exact). u comes from random pairs, \
            m and λ from EM, one session per blocking rule without that rule's columns. pairs.csv lists the pairs \
            at or above --threshold: id_a,id_b,match_probability,match_weight. --clusters writes each row's \
            cluster (connected pairs at or above the threshold): cluster_id,file,id. The model's parameters go to \
            standard output.
            """
    )

    @Argument(help: ArgumentHelp("One CSV to deduplicate, or two to link.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The column with each row's identifier.", valueName: "column"))
    var id: String

    @Option(name: .customLong("field"), help: ArgumentHelp("A column to compare and its kind.", valueName: "column:kind"))
    var fields: [String]

    @Option(name: .customLong("block"), help: ArgumentHelp("A blocking rule.", valueName: "column[+column…]"))
    var blocks: [String] = []

    @Option(help: ArgumentHelp("Where to write the pairs.", valueName: "pairs.csv"))
    var output: String

    @Option(help: ArgumentHelp("Where to write the clusters.", valueName: "clusters.csv"))
    var clusters: String?

    @Option(help: "The match probability from which pairs are written and joined into clusters.")
    var threshold: Double = 0.5

    func validate() throws {
        guard (1...2).contains(files.count) else { throw ValidationError("give one CSV file (deduplicate) or two (link)") }
        guard !fields.isEmpty else { throw ValidationError("name at least one --field COLUMN:KIND") }
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--threshold must be above 0 and at most 1") }
        for field in fields { _ = try Self.parse(field) }
    }

    static func parse(_ field: String) throws -> (column: String, kind: FieldKind) {
        guard let colon = field.lastIndex(of: ":"), let kind = FieldKind(rawValue: String(field[field.index(after: colon)...])) else {
            throw ValidationError("--field \(field): write COLUMN:KIND with KIND one of "
                                  + FieldKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return (String(field[..<colon]), kind)
    }

    /// One comparison: its columns (two for a person's kanji and kana name) and kind.
    struct Comparison {
        var columns: [String]
        var kind: FieldKind
        var label: String { columns.joined(separator: "+") }
    }

    /// The comparisons the fields ask for, a name and a kana field joined into one.
    static func comparisons(_ specs: [(column: String, kind: FieldKind)]) -> [Comparison] {
        var comparisons = specs.map { Comparison(columns: [$0.column], kind: $0.kind) }
        let names = comparisons.indices.filter { comparisons[$0].kind == .name }
        let kana = comparisons.indices.filter { comparisons[$0].kind == .kana }
        if names.count == 1, kana.count == 1 {
            comparisons[names[0]] = Comparison(columns: [specs[names[0]].column, specs[kana[0]].column], kind: .person)
            comparisons.remove(at: kana[0])
        }
        return comparisons
    }

    func run() throws {
        let inputs = try files.map { try CSVInput(path: $0) }
        let specs = Self.comparisons(try fields.map { try Self.parse($0) })
        var ids = [(file: String, id: String)]()
        var rows = [[PreparedValue?]]()
        var sources = [Int]()
        for (source, input) in inputs.enumerated() {
            let idColumn = try input.column(id, option: "--id")
            let columns = try specs.map { spec in try spec.columns.map { try input.column($0, option: "--field") } }
            for row in input.rows {
                ids.append((input.path, row.fields[idColumn]))
                rows.append(zip(specs, columns).map { spec, columns in
                    spec.kind == .person
                        ? spec.kind.prepare(FieldKind.personValue(kanji: row.fields[columns[0]], kana: row.fields[columns[1]]))
                        : spec.kind.prepare(row.fields[columns[0]])
                })
                sources.append(source)
            }
        }
        let rules: [RecordLinkage.BlockingRule] = try blocks.isEmpty
            ? specs.indices.filter { specs[$0].kind != .exact }.map { .init(fields: [$0]) }
            : blocks.map { block in
                .init(fields: try block.split(separator: "+").map { column in
                    guard let index = specs.firstIndex(where: { $0.columns.contains(String(column)) }) else {
                        throw UserError("--block \(block): '\(column)' is not one of the --field columns")
                    }
                    return index
                })
            }
        let linkage = RecordLinkage(table: .init(fields: specs.map(\.kind), rows: rows, sources: sources), rules: rules)
        let (model, pairs) = linkage.run()
        var text = "id_a,id_b,match_probability,match_weight\n"
        for pair in pairs.filter({ $0.probability >= threshold }).sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            text += "\(CSVInput.field(ids[pair.a].id)),\(CSVInput.field(ids[pair.b].id)),"
                + String(format: "%.6f,%.4f\n", pair.probability, pair.weight)
        }
        try write(text, to: output)
        if let clusters {
            let roots = RecordLinkage.clusters(rows: rows.count, pairs: pairs, threshold: threshold)
            var text = "cluster_id,file,id\n"
            for (row, root) in roots.enumerated() {
                text += "\(CSVInput.field(ids[root].id)),\(CSVInput.field(ids[row].file)),\(CSVInput.field(ids[row].id))\n"
            }
            try write(text, to: clusters)
        }
        print("\(rows.count) rows, \(pairs.count) candidate pairs, \(pairs.filter { $0.probability >= threshold }.count) at or above \(threshold)")
        print(String(format: "λ (two random rows match) = %.3g", model.prior))
        for (field, spec) in specs.enumerated() {
            let levels = spec.kind.levelNames.indices.map { level in
                "\(spec.kind.levelNames[level]) " + String(format: "m=%.3f u=%.4f", model.m[field][level], model.u[field][level])
            }
            print("\(spec.label) (\(spec.kind.rawValue)): " + levels.joined(separator: "; "))
        }
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw UserError("\(path): cannot be written (\(error.localizedDescription)); check the folder and its permissions")
        }
    }
}
