import LifecourseCore

/// A table as it is published: one row per cell (totals included), the categories by key and label, and the
/// values — `-` where a cell is suppressed, counts rounded when the specification asks, a distribution's mean and
/// percentiles only where its count is published.
public struct PublishedTable: Sendable {
    public static let suppressed = "-"
    private static let why = "fewer persons or institutions than the threshold, "
        + "or hidden so that such a cell cannot be worked out from the others and the totals"
    public static let legend = "- : 秘匿 (suppressed: \(why))"

    /// The legend in the table's language.
    public static func legend(_ language: TableLanguage) -> String {
        language == .ja ? legend : "- : suppressed (\(why))"
    }

    public let columns: [String]
    public let rows: [[String]]

    public init(_ table: StatisticalTable) {
        let spec = table.spec
        let measure = spec.measure
        var columns = table.axes.flatMap { axis in axis.names.flatMap { [$0, "\($0)_label"] } }
        columns.append(measure.kind == .distribution ? "persons" : measure.kind.rawValue)
        if measure.kind == .distribution { columns += ["mean"] + measure.percentileList.map { "p\($0)" } }
        self.columns = columns
        rows = table.cells.indices.map { index in
            let coordinates = table.coordinates(index)
            let cell = table.cells[index]
            var row = [String]()
            for (axis, position) in zip(table.axes, coordinates) {
                for level in axis.names.indices {
                    let key = axis.keys[position][level]
                    row.append(key ?? "")
                    // A nested axis shows an area's prefecture too; a total shows 計 (Total).
                    row.append(key == nil ? CategoryLabels.total(spec.labelLanguage)
                        : level == axis.names.count - 1 || axis.keys[position].last == nil ? axis.labels[position]
                        : axis.labels[axis.parents[position] ?? position])
                }
            }
            guard !cell.isSuppressed else {
                return row + Array(repeating: Self.suppressed, count: columns.count - row.count)
            }
            row.append(Self.value(of: cell, in: spec))
            if measure.kind == .distribution {
                row += ([cell.mean] + cell.percentiles).map { $0.map { (($0 * 100).rounded() / 100).plainText } ?? "" }
            }
            return row
        }
    }

    /// A cell's value as published: `-` when suppressed, a count rounded as the specification asks.
    static func value(of cell: TableCell, in spec: TableSpec) -> String {
        guard !cell.isSuppressed else { return suppressed }
        let disclosure = spec.disclosureSettings
        let rounding = disclosure.isEnabled ? disclosure.rounding ?? 1 : 1
        return (spec.measure.isCount ? rounded(cell.value, to: rounding) : cell.value).plainText
    }

    /// To the nearest multiple (halves up).
    static func rounded(_ value: Double, to multiple: Int) -> Double {
        multiple <= 1 ? value : (value / Double(multiple)).rounded() * Double(multiple)
    }

    /// The CSV text, with a header line.
    public var csv: String {
        ([columns] + rows).map { CSVField.line($0) }.joined()
    }
}
