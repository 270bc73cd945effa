import LifecourseCore

/// A table as an SVG picture: a grid of the 47 prefectures (one row per region block, north to south, shaded by
/// value) when the table has a prefecture dimension, else horizontal bars of its first dimension's categories.
/// The other dimensions are at their totals (a dimension without total at its first category, as the subtitle
/// says). Suppressed cells are grey and show `-`, as in the CSV.
public struct TableChart: Sendable {
    public let svg: String

    public init(_ table: StatisticalTable) {
        let main = table.axes.firstIndex { $0.names.first == TableDimension.Kind.prefecture.rawValue } ?? 0
        // Position 0 of every axis: its total, or the first category of an axis without one.
        let base = Array(repeating: 0, count: table.axes.count)
        let fixed = table.axes.indices.filter { $0 != main && !table.axes[$0].hasTotal }.map { axis in
            "\(table.axes[axis].names.joined(separator: "/")) = \(table.axes[axis].labels.first ?? "")"
        }
        // Each category of the main axis (a nested axis: its prefectures) with its cell.
        let tree = table.axes[main]
        let positions = tree.keys.indices.filter { position in
            tree.hasTotal ? tree.parents[position] == 0 : true
        }
        let entries: [(key: String, label: String, cell: TableCell)] = positions.map { position in
            var coordinates = base
            coordinates[main] = position
            return (tree.keys[position][0] ?? "", tree.labels[position], table[coordinates])
        }
        let shown = { (cell: TableCell) in PublishedTable.value(of: cell, in: table.spec) }
        let title = table.spec.title ?? table.spec.name
        let measure = table.spec.measure.kind == .distribution ? "persons" : table.spec.measure.kind.rawValue
        let subtitle = ([measure, "\(table.spec.period.from)–\(table.spec.period.to)"] + fixed
            + [table.spec.labelLanguage == .ja ? "- : 秘匿" : "- : suppressed"]).joined(separator: " · ")
        let largest = entries.filter { !$0.cell.isSuppressed }.map(\.cell.value).max() ?? 0
        let body: String
        let width: Int, height: Int
        if tree.names.first == TableDimension.Kind.prefecture.rawValue {
            (body, width, height) = Self.prefectureGrid(entries.map { ($0.key, $0.cell, shown($0.cell)) }, largest: largest,
                                                        language: table.spec.labelLanguage)
        } else {
            (body, width, height) = Self.bars(entries.map { ($0.label, $0.cell, shown($0.cell)) }, largest: largest)
        }
        svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height + 56)" \
            font-family="sans-serif" font-size="11">
            <defs><pattern id="suppressed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#e0e0e0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b0b0b0" stroke-width="2"/>\
            </pattern></defs>
            <text x="8" y="20" font-size="14" font-weight="bold">\(XMLText.escaped(title))</text>
            <text x="8" y="38" fill="#555">\(XMLText.escaped(subtitle))</text>
            <g transform="translate(0, 48)">
            \(body)</g>
            </svg>

            """
    }

    /// Tiles of 72 × 40 in rows by region block.
    private static func prefectureGrid(_ entries: [(key: String, cell: TableCell, shown: String)],
                                       largest: Double, language: TableLanguage) -> (String, Int, Int) {
        let byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var body = ""
        for (row, block) in Prefecture.regionBlocks.enumerated() {
            let y = row * 44
            let blockName = language == .ja ? block : Prefecture.regionBlocksInEnglish[row]
            body += "<text x=\"8\" y=\"\(y + 24)\">\(XMLText.escaped(blockName))</text>\n"
            for (column, prefecture) in Prefecture.all.filter({ $0.regionBlock == block }).enumerated() {
                let x = 80 + column * 76
                let entry = byKey[prefecture.codeText]
                let fill = entry.map { entry in
                    entry.cell.isSuppressed ? "url(#suppressed)" : shade(entry.cell.value, of: largest)
                } ?? "#ffffff"
                let dark = entry.map { !$0.cell.isSuppressed && largest > 0 && $0.cell.value / largest > 0.55 } ?? false
                body += "<rect x=\"\(x)\" y=\"\(y)\" width=\"72\" height=\"40\" fill=\"\(fill)\" stroke=\"#999\"/>"
                body += "<text x=\"\(x + 36)\" y=\"\(y + 16)\" text-anchor=\"middle\"\(dark ? " fill=\"#fff\"" : "")>"
                    + "\(XMLText.escaped(language == .ja ? prefecture.name : prefecture.englishName))</text>"
                body += "<text x=\"\(x + 36)\" y=\"\(y + 32)\" text-anchor=\"middle\"\(dark ? " fill=\"#fff\"" : "")>"
                    + "\(XMLText.escaped(entry?.shown ?? "0"))</text>\n"
            }
        }
        return (body, 80 + 9 * 76, Prefecture.regionBlocks.count * 44)
    }

    /// One bar of up to 400 per category.
    private static func bars(_ entries: [(label: String, cell: TableCell, shown: String)], largest: Double) -> (String, Int, Int) {
        var body = ""
        for (row, entry) in entries.enumerated() {
            let y = row * 22
            let length = entry.cell.isSuppressed || largest <= 0 ? 0 : Int((entry.cell.value / largest * 400).rounded())
            body += "<text x=\"172\" y=\"\(y + 14)\" text-anchor=\"end\">\(XMLText.escaped(String(entry.label.prefix(24))))</text>"
            body += entry.cell.isSuppressed
                ? "<rect x=\"180\" y=\"\(y + 3)\" width=\"24\" height=\"16\" fill=\"url(#suppressed)\"/>"
                : "<rect x=\"180\" y=\"\(y + 3)\" width=\"\(length)\" height=\"16\" fill=\"#3b6ea8\"/>"
            body += "<text x=\"\(186 + max(length, 24))\" y=\"\(y + 14)\">\(XMLText.escaped(entry.shown))</text>\n"
        }
        return (body, 680, max(entries.count, 1) * 22)
    }

    /// From white to dark blue.
    private static func shade(_ value: Double, of largest: Double) -> String {
        let share = largest > 0 ? min(1, max(0, value / largest)) : 0
        let channel = { (light: Double, dark: Double) in String(format: "%02x", Int((light + (dark - light) * share).rounded())) }
        return "#" + channel(255, 31) + channel(255, 74) + channel(255, 135)
    }
}
