import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStatistics

@Suite struct PublishedTableTests {
    static func table(rounding: Int? = nil, language: TableLanguage? = nil) -> StatisticalTable {
        var spec = TableFixture.spec([TableDimension(.prefecture), TableDimension(.sex)])
        spec.disclosure?.rounding = rounding
        spec.language = language
        let leaves: [[String]: Int] = [["13", "1"]: 23, ["13", "2"]: 4, ["27", "1"]: 31, ["27", "2"]: 42]
        return TableFixture.protected(TableFixture.table(spec, leaves: leaves))
    }

    @Test func suppressedCellsShowADashAndTotalsAreNamed() {
        let published = PublishedTable(Self.table())
        #expect(published.columns == ["prefecture", "prefecture_label", "sex", "sex_label", "persons"])
        #expect(published.rows.first == ["", "計", "", "計", "100"], "the grand total is published")
        #expect(published.rows.contains(["13", "東京都", "2", "女", "-"]))
        #expect(published.rows.contains(["27", "大阪府", "1", "男", "-"]) || published.rows.contains(["13", "東京都", "1", "男", "-"]),
                "a complementary cell hides the small one from its row and column totals")
        #expect(published.csv.hasPrefix("prefecture,prefecture_label,sex,sex_label,persons\n,計,,計,100\n"))
    }

    @Test func inEnglishTheLabelsAndTheLegendAreEnglishAndTheKeysTheSame() {
        let published = PublishedTable(Self.table(language: .en))
        #expect(published.rows.first == ["", "Total", "", "Total", "100"])
        #expect(published.rows.contains(["13", "Tokyo", "2", "female", "-"]))
        #expect(published.rows.map { $0.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) }
                == PublishedTable(Self.table()).rows.map { $0.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) })
        #expect(PublishedTable.legend(.en).hasPrefix("- : suppressed") && PublishedTable.legend(.ja) == PublishedTable.legend)
    }

    @Test func countsAreRoundedWhenTheSpecificationAsks() {
        let published = PublishedTable(Self.table(rounding: 5))
        let values = published.rows.map { $0.last! }.filter { $0 != "-" }
        #expect(!values.isEmpty && values.allSatisfy { Int($0)! % 5 == 0 }, "\(values)")
        #expect(PublishedTable.rounded(22.5, to: 5) == 25 && PublishedTable.rounded(22, to: 5) == 20)
    }
}
