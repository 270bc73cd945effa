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
        StatisticalTable(spec: spec, rows: AggregateQuery(spec).rows(summing: leaves.mapValues(Double.init), institutions: 3))
    }

    /// The table protected as the engine protects it.
    static func protected(_ table: StatisticalTable) -> StatisticalTable {
        var table = table
        table.protectSmallCells()
        return table
    }
}
