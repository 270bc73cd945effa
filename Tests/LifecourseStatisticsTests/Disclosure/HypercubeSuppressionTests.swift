import LifecourseCore
import Testing
@testable import LifecourseStatistics

@Suite struct HypercubeSuppressionTests {
    static let region = TableDimension(.prefecture), age = TableDimension(.ageBand, width: 10)

    /// prefecture × age band with a few small cells.
    static var twoWay: StatisticalTable {
        var leaves = [[String]: Int]()
        for (row, prefecture) in ["13", "14", "27"].enumerated() {
            for (column, band) in ["20", "30", "40", "50"].enumerated() { leaves[[prefecture, band]] = 20 + 7 * row + 5 * column }
        }
        leaves[["13", "30"]] = 3
        leaves[["27", "50"]] = 1
        return TableFixture.table(TableFixture.spec([region, age]), leaves: leaves)
    }

    @Test func smallCellsAloneLeaveThemComputableFromTheTotals() throws {
        var table = Self.twoWay
        table.suppressSmallCells(threshold: 10, minInstitutions: 1)
        // Only the two small cells hidden: each is its row total minus the others, which the auditor must see.
        guard let report = try SuppressionAuditor.audit(table) else { return }
        #expect(report.failureCount == 2, "\(report.failures)")
    }

    @Test func everySmallCellOfATwoWayTableKeepsItsProtection() throws {
        let table = TableFixture.protected(Self.twoWay)
        #expect(table.cells.filter(\.isSensitive).count == 2)
        #expect(table.cells.contains { $0.status == .complementary })
        #expect(!table.cells[0].isSuppressed, "the grand total stays published")
        guard let report = try SuppressionAuditor.audit(table) else { return }
        #expect(report.failureCount == 0 && report.checked == 2, "\(report.failures)")
    }

    @Test func aSmallTotalIsProtectedWithTheCellsUnderIt() throws {
        var leaves = [[String]: Int]()
        for prefecture in ["13", "14", "27"] { for band in ["20", "30", "40"] { leaves[[prefecture, band]] = 30 } }
        // Every cell of 14 is small, and so is its total.
        for band in ["20", "30", "40"] { leaves[["14", band]] = 2 }
        let table = TableFixture.protected(TableFixture.table(TableFixture.spec([Self.region, Self.age]), leaves: leaves))
        let total = table.index([2, 0])
        #expect(table.axes[0].keys[2] == ["14"] && table.axes[1].keys[0] == [nil])
        #expect(table.cells[total].status == .fewPersons)
        guard let report = try SuppressionAuditor.audit(table) else { return }
        #expect(report.failureCount == 0 && report.checked == 4, "\(report.failures)")
    }

    @Test func areasNestedInPrefecturesAreProtectedAcrossBothLevels() throws {
        let spec = TableFixture.spec([Self.region, TableDimension(.area), TableDimension(.sex)])
        var leaves = [[String]: Int]()
        for (prefecture, areas) in [("13", ["13-01", "13-02", "13-03"]), ("14", ["14-01", "14-02"])] {
            for (index, area) in areas.enumerated() {
                leaves[[prefecture, area, "1"]] = 15 + 4 * index
                leaves[[prefecture, area, "2"]] = 18 + 3 * index
            }
        }
        leaves[["13", "13-02", "2"]] = 4
        leaves[["14", "14-01", "1"]] = 2
        let table = TableFixture.protected(TableFixture.table(spec, leaves: leaves))
        #expect(table.axes.count == 2 && table.axes[0].count == 1 + 2 + 5)
        guard let report = try SuppressionAuditor.audit(table) else { return }
        #expect(report.failureCount == 0 && report.checked == 2, "\(report.failures)")
    }

    /// The only person of an age band (in 16, sex 1), whose other bands hold 3 each for that prefecture and sex: no
    /// one band can hide a change of 5, and no other prefecture has anyone in the band, so with one sibling per move
    /// only the grand total could cover the cell. Two bands together can, and cost less.
    @Test func aCellNoSiblingCanCoverAloneIsCoveredByTwoTogetherNotByTheGrandTotal() throws {
        let spec = TableFixture.spec([Self.region, TableDimension(.sex), Self.age])
        var leaves = [[String]: Int]()
        for prefecture in ["13", "14", "16"] {
            for sex in ["1", "2"] { for band in ["30", "40", "50", "60", "70"] { leaves[[prefecture, sex, band]] = band == "30" ? 0 : 25 } }
        }
        leaves[["16", "1", "30"]] = 1
        for band in ["40", "50", "60", "70"] { leaves[["16", "1", band]] = 3 }
        let table = TableFixture.protected(TableFixture.table(spec, leaves: leaves))
        #expect(!table.cells[0].isSuppressed, "the grand total stays published")
        #expect(table.axes[0].keys.indices.allSatisfy { !table.cells[table.index([$0, 0, 0])].isSuppressed },
                "every prefecture's total stays published")
        guard let report = try SuppressionAuditor.audit(table) else { return }
        #expect(report.failureCount == 0 && report.checked == table.cells.filter(\.isSensitive).count, "\(report.failures)")
    }

    /// Random three-way tables with many small cells: the auditor finds every sensitive cell protected.
    @Test(arguments: 1...12) func randomTablesPassTheIndependentAudit(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let spec = TableFixture.spec([Self.region, TableDimension(.sex), Self.age])
        let prefectures = (0..<(2 + Int(random.next() % 4))).map { String(format: "%02d", 11 + $0) }
        let bands = (0..<(2 + Int(random.next() % 4))).map { String(10 * (2 + $0)) }
        var leaves = [[String]: Int]()
        for prefecture in prefectures {
            for sex in ["1", "2"] {
                for band in bands {
                    let draw = random.next() % 10
                    leaves[[prefecture, sex, band]] = draw < 3 ? Int(random.next() % 10) : 10 + Int(random.next() % 60)
                }
            }
        }
        let table = TableFixture.protected(TableFixture.table(spec, leaves: leaves))
        guard let report = try SuppressionAuditor.audit(table) else { return }
        #expect(report.checked == table.cells.filter(\.isSensitive).count)
        #expect(report.failureCount == 0, "seed \(seed): \(report.failures)")
    }
}
