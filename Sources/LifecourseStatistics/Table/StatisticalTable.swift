import LifecourseStore

/// A computed table: its axes and every cell, totals included, in one flat array (the last axis varies fastest).
/// Cells the store returned no row for are empty (0).
public struct StatisticalTable: Sendable {
    public let spec: TableSpec
    public let axes: [TableAxis]
    public internal(set) var cells: [TableCell]
    let strides: [Int]

    /// Builds the table from ``AggregateQuery``'s result rows.
    init(spec: TableSpec, rows: [[AggregateValue]]) {
        self.spec = spec
        let dimensions = spec.dimensions
        // The dimensions of each axis: a prefecture and an area nest into one region axis.
        var groups = dimensions.indices.map { [$0] }
        if let prefecture = dimensions.firstIndex(where: { $0.kind == .prefecture }),
           let area = dimensions.firstIndex(where: { $0.kind == .area }) {
            groups = groups.filter { $0 != [area] }.map { $0 == [prefecture] ? [prefecture, area] : $0 }
        }
        let keysOf = { (row: [AggregateValue], group: [Int]) in group.map { row[1 + $0].text } }
        // A row that totals the prefecture but not the area repeats the area's row: it is left out.
        let usable = rows.filter { row in
            groups.allSatisfy { group in group.count == 1 || !(row[1 + group[0]] == .null && row[1 + group[1]] != .null) }
        }
        axes = groups.map { group in
            let categories = Set(usable.compactMap { keysOf($0, group).last ?? nil })
            if group.count == 2 {
                return TableAxis.nested(prefecture: dimensions[group[0]], area: dimensions[group[1]], areas: categories,
                                        language: spec.labelLanguage)
            }
            return TableAxis.flat(dimensions[group[0]], categories: categories,
                                  hasTotal: !dimensions[group[0]].isMultiValued(in: spec.source), language: spec.labelLanguage)
        }
        var strides = Array(repeating: 1, count: axes.count)
        for axis in axes.indices.dropLast().reversed() { strides[axis] = strides[axis + 1] * axes[axis + 1].count }
        self.strides = strides
        let percentileCount = spec.measure.kind == .distribution ? spec.measure.percentileList.count : 0
        var cells = Array(repeating: TableCell(percentiles: Array(repeating: nil, count: percentileCount)),
                          count: axes.reduce(1) { $0 * $1.count })
        let first = 1 + dimensions.count
        for row in usable {
            var index = 0
            for (axis, group) in groups.enumerated() {
                guard let position = axes[axis].position(of: keysOf(row, group)) else { continue }
                index += position * strides[axis]
            }
            cells[index] = TableCell(
                value: row[first + 2].double ?? 0,
                persons: Int(row[first].double ?? 0), institutions: Int(row[first + 1].double ?? 0),
                mean: percentileCount > 0 ? row[first + 3].double : nil,
                percentiles: (0..<percentileCount).map { row[first + 4 + $0].double })
        }
        self.cells = cells
    }

    /// The cell at one position per axis.
    public func index(_ coordinates: [Int]) -> Int {
        zip(coordinates, strides).reduce(0) { $0 + $1.0 * $1.1 }
    }

    public func coordinates(_ index: Int) -> [Int] {
        strides.indices.map { index / strides[$0] % axes[$0].count }
    }

    public subscript(_ coordinates: [Int]) -> TableCell { cells[index(coordinates)] }

    /// Every way the table adds up: a total (a cell at an axis position with positions under it) and the cells it
    /// is the sum of. (A distribution's cells add up by their persons.)
    public var equations: [(total: Int, parts: [Int])] {
        var equations = [(total: Int, parts: [Int])]()
        for cell in cells.indices {
            for (axis, position) in coordinates(cell).enumerated() where !axes[axis].isLeaf(position) {
                equations.append((cell, axes[axis].children[position].map { cell + ($0 - position) * strides[axis] }))
            }
        }
        return equations
    }
}
