import LifecourseStore
@testable import LifecourseStatistics

/// Tables made by hand: the leaf cells' persons (and institutions), with every total summed the way the store's
/// grouping sets would give them.
enum TableFixture {
    static func spec(_ dimensions: [TableDimension], threshold: Int = 10, protection: Int? = nil) -> TableSpec {
        TableSpec(name: "fixture", source: .persons, measure: TableMeasure(.persons), dimensions: dimensions,
                  period: .init(from: "2024-01-01", to: "2024-12-31"),
                  disclosure: .init(threshold: threshold, minInstitutions: 1, protection: protection))
    }

    /// The table of `spec` whose leaf cells (one key per dimension) hold these persons.
    static func table(_ spec: TableSpec, leaves: [[String]: Int]) -> StatisticalTable {
        let query = AggregateQuery(spec)
        var rows = [[AggregateValue]]()
        for (number, totalled) in query.groupingSets.enumerated() {
            var sums = [[String?]: Int]()
            for (keys, persons) in leaves {
                let grouped: [String?] = keys.enumerated().map { totalled[$0.offset] ? nil : $0.element }
                sums[grouped, default: 0] += persons
            }
            for (keys, persons) in sums where persons > 0 {
                rows.append([.integer(Int64(number))] + keys.map { $0.map(AggregateValue.text) ?? .null }
                    + [.integer(Int64(persons)), .integer(3), .integer(Int64(persons))])
            }
        }
        return StatisticalTable(spec: spec, rows: rows)
    }

    /// The table protected as the engine protects it.
    static func protected(_ table: StatisticalTable) -> StatisticalTable {
        var table = table
        table.protectSmallCells()
        return table
    }
}
