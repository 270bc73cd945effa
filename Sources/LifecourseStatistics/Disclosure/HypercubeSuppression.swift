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
/// proportion to its values. Where no one sibling could take the change, several together may: a move can share
/// the opposite sign among siblings in fractions adding up to one (an extension of Repsilber's moves, which take
/// one sibling; without it a lone person in a sparse band made the hypercube climb to the grand total). If every corner is suppressed and can give d both ways, the cell cannot be pinned
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
        var cells = Cells(values: table.cells.map(\.value), suppressed: table.cells.map(\.isSuppressed))
        let sensitive = table.cells.indices.filter { table.cells[$0].isSensitive }
            .sorted { (table.cells[$0].value, $0) < (table.cells[$1].value, $1) }
        for cell in sensitive {
            let required = need(table.cells[cell])
            guard let best = bestHypercube(around: cell, in: table, cells: cells, need: required) else { continue }
            for corner in best where !cells.suppressed[corner] {
                cells.suppressed[corner] = true
                table.cells[corner].status = .complementary
            }
        }
    }

    /// The values and suppression of every cell, as the search reads them.
    private struct Cells {
        var values: [Double]
        var suppressed: [Bool]

        /// What suppressing a cell costs: nothing if it is suppressed already, else its value (and 1).
        func cost(_ index: Int) -> Double { suppressed[index] ? 0 : values[index] + 1 }
    }

    /// One move along an axis: cells other than the cell's own, as index offsets, each with its corners' sign.
    private typealias Move = [(delta: Int, sign: Double)]

    /// A cell under the sensitive cell on the axes where it is a total: the axes it differs on (a bit mask), its
    /// index offset, and its share of the cell's value.
    private typealias Descent = (axes: Int, delta: Int, share: Double)

    /// The cheapest hypercube that protects `cell`, as the cells it consists of.
    private func bestHypercube(around cell: Int, in table: StatisticalTable, cells: Cells,
                               need: (down: Double, up: Double)) -> [Int]? {
        let coordinates = table.coordinates(cell)
        let descent = self.descent(of: cell, coordinates: coordinates, in: table, cells: cells)
        let categoryAxes = table.axes.indices.filter { axis in
            table.axes[axis].hasTotal && table.axes[axis].parents[coordinates[axis]] != nil && table.axes[axis].isLeaf(coordinates[axis])
        }.count
        let siblings = max(6, Int(pow(Double(hypercubesPerCell), 1 / Double(max(categoryAxes, 1)))))
        // Each axis: its moves, each with the cell's own position first (offset 0, sign +).
        let movesPerAxis = table.axes.indices.map { axis in
            moves(along: axis, of: coordinates, in: table, cells: cells, need: need.up, siblings: siblings, descent: descent)
                .map { [(delta: 0, sign: 1.0)] + $0 }
        }
        let moveCounts = movesPerAxis.map(\.count)
        var best: (cost: Double, corners: [Int])?
        var choice = Array(repeating: 0, count: movesPerAxis.count)
        var corners = [Int]()
        var corner = Array(repeating: 0, count: movesPerAxis.count)
        repeat {
            let options = choice.indices.map { movesPerAxis[$0][choice[$0]] }
            if let cost = hypercube(cell, options, descent, cells: cells, need: need, cheaperThan: best?.cost ?? .infinity,
                                    corners: &corners, corner: &corner) {
                best = (cost, corners)
            }
        } while Self.advance(&choice, counts: moveCounts)
        return best?.corners
    }

    /// The moves tried along one axis: none where the axis has no total (its categories are separate slices);
    /// else the path up to the total, and for a category with nothing under it, its cheapest siblings one by one
    /// and, where it takes several, a spread over them.
    private func moves(along axis: Int, of coordinates: [Int], in table: StatisticalTable, cells: Cells, need: Double,
                       siblings limit: Int, descent: [Descent]) -> [Move] {
        let tree = table.axes[axis], position = coordinates[axis], stride = table.strides[axis]
        guard tree.hasTotal, let parent = tree.parents[position] else { return [[]] }
        var up: Move = []
        var ancestor: Int? = parent
        while let node = ancestor {
            up.append(((node - position) * stride, 1))
            ancestor = tree.parents[node]
        }
        guard tree.isLeaf(position) else { return [up] }
        // A sibling whose own cell can give the protection needed comes first, the cheapest of those first: a
        // sibling too small to give it cannot make a hypercube that protects.
        let cell = table.index(coordinates)
        let ranked = tree.children[parent].filter { $0 != position && tree.isLeaf($0) }.map { other in
            let neighbour = cell + (other - position) * stride
            return (enough: cells.values[neighbour] >= need ? 0 : 1, cost: cells.cost(neighbour), other: other)
        }.sorted { ($0.enough, $0.cost, $0.other) < ($1.enough, $1.cost, $1.other) }
        let single: [Move] = ranked.prefix(limit).map { [(($0.other - position) * stride, -1)] }
        let shared = spread(cell, offsets: ranked.map { ($0.other - position) * stride }, cells: cells, need: need,
                            descent: descent)
        return [up] + single + (shared.map { [$0] } ?? [])
    }

    /// A move that shares the compensation among several siblings, for when no one sibling could take it all
    /// (Repsilber's moves take one): each sibling takes at most what its cells under the descent can give,
    /// the cheapest for what they give first, until the shares add up to the whole.
    /// `offsets`: each sibling's cell, as an index offset from `cell`.
    private func spread(_ cell: Int, offsets: [Int], cells: Cells, need: Double, descent: [Descent]) -> Move? {
        guard need > 0 else { return nil }
        let capacities = offsets.compactMap { delta -> (delta: Int, capacity: Double, cost: Double)? in
            let capacity = descent.map { cells.values[cell + delta + $0.delta] / ($0.share * need) }.min() ?? 0
            guard capacity > 0 else { return nil }
            return (delta, min(capacity, 1), descent.map { cells.cost(cell + delta + $0.delta) }.reduce(0, +))
        }.sorted { ($0.cost / $0.capacity, $0.delta) < ($1.cost / $1.capacity, $1.delta) }
        var chosen: [(delta: Int, capacity: Double, cost: Double)] = [], total = 0.0
        for sibling in capacities where total < 1 {
            chosen.append(sibling)
            total += sibling.capacity
        }
        guard total >= 1, chosen.count > 1 else { return nil }
        return chosen.map { ($0.delta, -$0.capacity / total) }
    }

    /// The cells under `cell` on the axes where it is a total (with itself), each with its share of the cell's
    /// value: a hypercube moves them all in proportion, which keeps every total under the cell right.
    private func descent(of cell: Int, coordinates: [Int], in table: StatisticalTable, cells: Cells) -> [Descent] {
        var entries: [Descent] = [(0, 0, 1)]
        for axis in table.axes.indices where table.axes[axis].hasTotal && !table.axes[axis].isLeaf(coordinates[axis]) {
            let below = subtree(of: coordinates[axis], in: table.axes[axis]).filter { $0 != coordinates[axis] }
            let stride = table.strides[axis]
            entries += entries.flatMap { entry in
                below.map { position in (entry.axes | 1 << axis, entry.delta + (position - coordinates[axis]) * stride, 0.0) }
            }
        }
        let total = cells.values[cell]
        guard total > 0 else { return [entries[0]] }
        return entries.compactMap { entry in
            let share = cells.values[cell + entry.delta] / total
            return share > 0 ? (entry.axes, entry.delta, share) : nil
        }
    }

    private func subtree(of position: Int, in axis: TableAxis) -> [Int] {
        [position] + axis.children[position].flatMap { subtree(of: $0, in: axis) }
    }

    /// Whether the hypercube of one move per axis (`options`, the cell's own position first) and the cell's descent
    /// gives the protection needed for less than `limit`: its cost, with its cells in `corners`, or nil as soon as
    /// a corner shows it does not. `corner` is scratch space, one index per axis.
    private func hypercube(_ cell: Int, _ options: [Move], _ descent: [Descent], cells: Cells,
                           need: (down: Double, up: Double), cheaperThan limit: Double,
                           corners: inout [Int], corner: inout [Int]) -> Double? {
        corners.removeAll(keepingCapacity: true)
        var cost = 0.0
        for axis in corner.indices { corner[axis] = 0 }
        let counts = options.map(\.count)
        repeat {
            var sign = 1.0, base = cell, moved = 0
            for axis in corner.indices where corner[axis] > 0 {
                let option = options[axis][corner[axis]]
                base += option.delta
                sign *= option.sign
                moved |= 1 << axis
            }
            for entry in descent {
                // A corner moved off the cell's position on an axis carries only the top of the descent there.
                if entry.axes & moved != 0 || (moved == 0 && entry.axes == 0) { continue }
                let index = base + entry.delta
                let weight = sign * entry.share
                // Moving the cell by the protection needed moves this corner by weight × that.
                if cells.values[index] < (weight > 0 ? weight * need.down : -weight * need.up) - 1e-9 { return nil }
                if !cells.suppressed[index] {
                    cost += cells.values[index] + 1
                    if cost >= limit { return nil }
                }
                corners.append(index)
            }
        } while Self.advance(&corner, counts: counts)
        return cost
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
