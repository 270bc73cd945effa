import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStatistics

@Suite struct TableChartTests {
    static func isWellFormedXML(_ text: String) throws -> Bool? {
        guard ExternalTool.works(["xmllint", "--version"]) else {
            print("skipped: xmllint is not installed (Scripts/bootstrap installs it)")
            return nil
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data(text.utf8).write(to: directory.file("chart.svg"))
        return ExternalTool.run(["xmllint", "--noout", directory.file("chart.svg").path])?.status == 0
    }

    @Test func aTableByPrefectureIsAGridOfAllPrefecturesWithSuppressedOnesGrey() throws {
        let leaves: [[String]: Int] = [["13", "1"]: 23, ["13", "2"]: 4, ["27", "1"]: 31, ["27", "2"]: 42, ["01", "1"]: 12, ["01", "2"]: 15]
        let table = TableFixture.protected(TableFixture.table(
            TableFixture.spec([TableDimension(.prefecture), TableDimension(.sex)]), leaves: leaves))
        let svg = TableChart(table).svg
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 47, "one tile per prefecture")
        for name in ["北海道", "東京都", "大阪府", "沖縄県", "九州・沖縄"] { #expect(svg.contains(">\(name)</text>")) }
        let tokyo = table[[table.axes[0].keys.firstIndex(of: ["13"])!, 0]]
        #expect(tokyo.value == 27)
        let tile = try #require(svg.range(of: #">東京都</text><text [^>]*>[^<]*</text>"#, options: .regularExpression))
        #expect(svg[tile].hasSuffix(">\(tokyo.isSuppressed ? "-" : "27")</text>"), "東京都's tile shows its total: \(svg[tile])")
        if let wellFormed = try Self.isWellFormedXML(svg) { #expect(wellFormed) }
    }

    @Test func inEnglishTheGridNamesPrefecturesAndBlocksInEnglish() throws {
        var spec = TableFixture.spec([TableDimension(.prefecture), TableDimension(.sex)])
        spec.language = .en
        let table = TableFixture.protected(TableFixture.table(spec, leaves: [["13", "1"]: 23, ["13", "2"]: 14]))
        let svg = TableChart(table).svg
        for name in ["Hokkaido", "Tokyo", "Okinawa", "Kyushu-Okinawa", "- : suppressed"] { #expect(svg.contains(name)) }
        #expect(!svg.contains("東京都") && !svg.contains("秘匿"))
    }

    @Test func aTableWithoutPrefecturesIsBarsOfItsFirstDimension() throws {
        var leaves = [[String]: Int]()
        for (index, band) in ["20", "30", "40"].enumerated() { leaves[[band, "1"]] = 20 + index; leaves[[band, "2"]] = 3 }
        let table = TableFixture.protected(TableFixture.table(
            TableFixture.spec([TableDimension(.ageBand), TableDimension(.sex)]), leaves: leaves))
        let svg = TableChart(table).svg
        #expect(svg.contains(">20–29歳</text>") && svg.contains(">40–49歳</text>"))
        #expect(svg.components(separatedBy: "fill=\"#3b6ea8\"").count - 1 + svg.components(separatedBy: "height=\"16\" fill=\"url(#suppressed)\"").count - 1 == 3)
        if let wellFormed = try Self.isWellFormedXML(svg) { #expect(wellFormed) }
    }
}
