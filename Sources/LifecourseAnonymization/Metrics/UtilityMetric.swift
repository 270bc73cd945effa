import Foundation

/// How much information a transformation loses (lower is better).
///
/// - `entropy`: non-uniform entropy as ARX computes it (monotonic variant): for each quasi-identifier and original
///   value v held by a(v) records, a(v)·log2(b/a(v)), where b is how many records share v's generalization. It depends
///   on the levels only, not on suppression.
/// - `loss`: Iyengar's loss metric: per cell, (original values under the generalization − 1) / (values in the
///   domain − 1); a suppressed cell loses 1; the mean over all cells.
/// - `precision`: Sweeney's precision: per cell, level / highest level; a suppressed cell 1; the mean over all cells.
/// - `discernibility`: each record is charged its class's size, a suppressed record the table's size (DM*).
/// - `aecs`: the average equivalence class size (the suppressed records count as one class).
public enum UtilityMetric: String, Sendable, CaseIterable, Codable {
    case loss, entropy, discernibility, aecs, precision

    /// A bound below the value of any anonymous outcome of the levels, known without grouping records: exact for
    /// `entropy`; the value without suppression for `loss` and `precision`.
    func lowerBound(_ levels: [Int], table: EncodedTable) -> Double {
        switch self {
        case .entropy:
            return levels.indices.reduce(0) { $0 + entropy(attribute: $1, level: levels[$1], table: table) }
        case .loss:
            return levels.indices.reduce(0) { $0 + loss(attribute: $1, level: levels[$1], table: table) }
                / Double(levels.count)
        case .precision:
            return levels.indices.reduce(0) { sum, attribute in
                sum + Double(levels[attribute]) / Double(max(1, table.heights[attribute] - 1))
            } / Double(levels.count)
        case .discernibility:
            return Double(table.records)
        case .aecs:
            return 1
        }
    }

    /// The value of an outcome: its classes, which of them are suppressed, and how many records that leaves out.
    func value(_ levels: [Int], classes: EquivalenceClasses, suppressed: [Bool], suppressedRecords: Int,
               table: EncodedTable) -> Double {
        let records = Double(table.records)
        let kept = records - Double(suppressedRecords)
        switch self {
        case .entropy:
            return lowerBound(levels, table: table)
        case .loss, .precision:
            return (lowerBound(levels, table: table) * kept + Double(suppressedRecords)) / max(1, records)
        case .discernibility:
            var sum = Double(suppressedRecords) * records
            for (member, size) in classes.sizes.enumerated() where !suppressed[member] { sum += Double(size * size) }
            return sum
        case .aecs:
            let groups = suppressed.filter { !$0 }.count + (suppressedRecords > 0 ? 1 : 0)
            return records / Double(max(1, groups))
        }
    }

    private func entropy(attribute: Int, level: Int, table: EncodedTable) -> Double {
        guard level > 0 else { return 0 }
        let original = table.counts[attribute][0], general = table.counts[attribute][level]
        let map = table.generalize[attribute][level]
        var sum = 0.0
        for (code, count) in original.enumerated() where count > 0 {
            sum += Double(count) * log2(Double(general[Int(map[code])]) / Double(count))
        }
        return sum
    }

    /// The mean loss of one attribute's cells at a level (without suppression).
    private func loss(attribute: Int, level: Int, table: EncodedTable) -> Double {
        let domain = table.leaves[attribute][0].count
        guard level > 0, domain > 1, table.records > 0 else { return 0 }
        let leaves = table.leaves[attribute][level], counts = table.counts[attribute][level]
        var sum = 0.0
        for (code, count) in counts.enumerated() where count > 0 {
            sum += Double(count) * Double(leaves[code] - 1) / Double(domain - 1)
        }
        return sum / Double(table.records)
    }
}
