import Foundation

/// 二次秘匿 (complementary suppression) by the hypercube method — Repsilber's GHMITER, as τ-ARGUS implements it
/// (R. D. Repsilber, "Sicherung persönlicher Angaben in Tabellendaten", 1994; S. Giessing and D. Repsilber,
/// "Tools and strategies to protect multiple tables with the GHQUAR cell suppression engine", 2002) — extended to
/// totals and nested axes.
///
/// A table's published cells and totals fix linear equations (a total is the sum of the cells under it). A
/// suppressed cell is safe when the equations, with every value ≥ 0, let it lie anywhere from `protection` below
/// its value (or 0) to `protection` above. For each sensitive cell the method looks for a hypercube of suppressed
/// cells around it: along each axis the cell's own position and one other — a sibling category (the corner's sign
/// flips) or the path up to the axis total (signs stay) — so that adding +d at the corners of one sign and −d at
/// the others changes no total. Where the cell is itself a total on an axis, its whole sub-table moves in
/// proportion to its values. If every corner is suppressed and can give d both ways, the cell cannot be pinned
/// down closer than d, whatever else is published; suppressing more cells only widens that. Among the hypercubes
/// that protect it, the one that suppresses the least (by the values of the cells it adds) is taken. The one that
/// goes up every axis always protects (its corners are the cell's totals, each at least the cell), so every
/// sensitive cell gets one.
struct HypercubeSuppression {
    /// About how many hypercubes are tried per sensitive cell: along each axis where the cell is a category, the
    /// cheapest siblings that can give protection — all of them when it is a category on one axis only, at
    /// least 6 per axis however many axes.
    var hypercubesPerCell = 2_000

    /// Suppresses complementary cells until every sensitive cell of `table` has its protection; `need` gives the
    /// distance below and above each sensitive cell's value that must stay possible.
    func protect(_ table: inout StatisticalTable, need: (TableCell) -> (down: Double, up: Double)) {
        let sensitive = table.cells.indices.filter { table.cells[$0].isSensitive }
            .sorted { (table.cells[$0].value, $0) < (table.cells[$1].value, $1) }
        for cell in sensitive {
            let required = need(table.cells[cell])
            guard let best = bestHypercube(around: cell, in: table, need: required) else { continue }
            for corner in best where !table.cells[corner].isSuppressed { table.cells[corner].status = .complementary }
        }
    }

    /// One move along an axis: positions other than the cell's own, each with the sign its corners take.
    private typealias Move = [(position: Int, sign: Double)]

    /// The cheapest hypercube that protects `cell`, as the cells it consists of.
    private func bestHypercube(around cell: Int, in table: StatisticalTable,
                               need: (down: Double, up: Double)) -> [Int]? {
        let coordinates = table.coordinates(cell)
        let descent = self.descent(of: cell, coordinates: coordinates, in: table)
        let categoryAxes = table.axes.indices.filter { axis in
            table.axes[axis].hasTotal && table.axes[axis].parents[coordinates[axis]] != nil && table.axes[axis].isLeaf(coordinates[axis])
        }.count
        let siblings = max(6, Int(pow(Double(hypercubesPerCell), 1 / Double(max(categoryAxes, 1)))))
        let movesPerAxis = table.axes.indices.map {
            moves(along: $0, of: coordinates, in: table, need: need.up, siblings: siblings)
        }
        var best: (cost: Double, corners: [Int])?
        var choice = Array(repeating: 0, count: movesPerAxis.count)
        while true {
            let moves = choice.enumerated().map { movesPerAxis[$0.offset][$0.element] }
            if let found = hypercube(coordinates, moves, descent, in: table, need: need, cheaperThan: best?.cost ?? .infinity) {
                best = found
            }
            if !Self.advance(&choice, counts: movesPerAxis.map(\.count)) { break }
        }
        return best?.corners
    }

    /// The moves tried along one axis: none where the axis has no total (its categories are separate slices);
    /// else the path up to the total, and for a category with nothing under it, its cheapest siblings.
    private func moves(along axis: Int, of coordinates: [Int], in table: StatisticalTable, need: Double,
                       siblings limit: Int) -> [Move] {
        let tree = table.axes[axis], position = coordinates[axis]
        guard tree.hasTotal, let parent = tree.parents[position] else { return [[]] }
        var up: Move = []
        var ancestor: Int? = parent
        while let node = ancestor {
            up.append((node, 1))
            ancestor = tree.parents[node]
        }
        guard tree.isLeaf(position) else { return [up] }
        // A sibling whose own cell can give the protection needed comes first, the cheapest of those first: a
        // sibling too small to give it cannot make a hypercube that protects.
        let rank = { (other: Int) -> (Int, Double, Int) in
            var moved = coordinates
            moved[axis] = other
            let neighbour = table.cells[table.index(moved)]
            return (neighbour.value >= need ? 0 : 1, neighbour.isSuppressed ? 0 : neighbour.value + 1, other)
        }
        let siblings = tree.children[parent].filter { $0 != position && tree.isLeaf($0) }
            .sorted { rank($0) < rank($1) }
            .prefix(limit)
        return [up] + siblings.map { [($0, -1)] }
    }

    /// The cells under `cell` on the axes where it is a total (with itself), each with its share of the cell's
    /// value: a hypercube moves them all in proportion, which keeps every total under the cell right.
    private func descent(of cell: Int, coordinates: [Int], in table: StatisticalTable) -> [(offsets: [Int?], share: Double)] {
        var entries: [(offsets: [Int?], share: Double)] = [(Array(repeating: nil, count: coordinates.count), 1)]
        let total = table.cells[cell].value
        for axis in table.axes.indices where table.axes[axis].hasTotal && !table.axes[axis].isLeaf(coordinates[axis]) {
            let below = subtree(of: coordinates[axis], in: table.axes[axis]).filter { $0 != coordinates[axis] }
            entries += entries.flatMap { entry in below.map { position in
                var offsets = entry.offsets
                offsets[axis] = position
                return (offsets, 0.0)
            } }
        }
        guard total > 0 else { return [entries[0]] }
        return entries.compactMap { entry in
            var moved = coordinates
            for (axis, offset) in entry.offsets.enumerated() { if let offset { moved[axis] = offset } }
            let share = table.cells[table.index(moved)].value / total
            return share > 0 ? (entry.offsets, share) : nil
        }
    }

    private func subtree(of position: Int, in axis: TableAxis) -> [Int] {
        [position] + axis.children[position].flatMap { subtree(of: $0, in: axis) }
    }

    /// The cells of the hypercube given by one move per axis and the cell's descent, with their cost, if it gives
    /// the protection needed and costs less than `limit` (nil as soon as a corner shows it does not).
    private func hypercube(_ coordinates: [Int], _ moves: [Move], _ descent: [(offsets: [Int?], share: Double)],
                           in table: StatisticalTable, need: (down: Double, up: Double),
                           cheaperThan limit: Double) -> (cost: Double, corners: [Int])? {
        var corners = [Int]()
        var cost = 0.0
        // Each axis: the cell's own position (sign +, its descent applies) or the move's positions.
        let choices = moves.map { [(position: -1, sign: 1.0)] + $0 }
        let counts = choices.map(\.count)
        var choice = Array(repeating: 0, count: moves.count)
        while true {
            var sign = 1.0
            var base = coordinates
            var moved = Array(repeating: false, count: coordinates.count)
            for (axis, index) in choice.enumerated() where index > 0 {
                base[axis] = choices[axis][index].position
                sign *= choices[axis][index].sign
                moved[axis] = true
            }
            let isCell = !moved.contains(true)
            for entry in descent {
                // A corner moved off the cell's position on an axis carries only the top of the descent there.
                if entry.offsets.enumerated().contains(where: { $0.element != nil && moved[$0.offset] }) { continue }
                if isCell && !entry.offsets.contains(where: { $0 != nil }) { continue }
                var position = base
                for (axis, offset) in entry.offsets.enumerated() { if let offset { position[axis] = offset } }
                let index = table.index(position)
                let weight = sign * entry.share
                let corner = table.cells[index]
                // Moving the cell by the protection needed moves this corner by weight × that.
                if corner.value < (weight > 0 ? weight * need.down : -weight * need.up) - 1e-9 { return nil }
                if !corner.isSuppressed {
                    cost += corner.value + 1
                    if cost >= limit { return nil }
                }
                corners.append(index)
            }
            if !Self.advance(&choice, counts: counts) { break }
        }
        return (cost, corners)
    }

    /// Steps `choice` (one index per axis, each below its count) to the next combination, the last axis fastest;
    /// false after the last one.
    private static func advance(_ choice: inout [Int], counts: [Int]) -> Bool {
        for axis in choice.indices.reversed() {
            choice[axis] += 1
            if choice[axis] < counts[axis] { return true }
            choice[axis] = 0
        }
        return false
    }
}
