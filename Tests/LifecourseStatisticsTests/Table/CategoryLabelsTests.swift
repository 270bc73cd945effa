import Testing
@testable import LifecourseStatistics

@Suite struct CategoryLabelsTests {
    static func label(_ key: String, _ dimension: TableDimension, _ language: TableLanguage) -> String {
        CategoryLabels.label(key, of: dimension, in: language)
    }

    @Test func everyKindHasAJapaneseAndAnEnglishLabel() {
        let cases: [(String, TableDimension, String, String)] = [
            ("13", TableDimension(.prefecture), "東京都", "Tokyo"),
            ("99", TableDimension(.prefecture), "不明", "Unknown"),
            ("13-01", TableDimension(.area), "東京都 郡市区01", "Tokyo, district 01"),
            ("2", TableDimension(.sex), "女", "female"),
            ("40", TableDimension(.ageBand, width: 10), "40–49歳", "40–49"),
            ("90", TableDimension(.ageBand, width: 10), "90歳以上", "90+"),
            ("0", TableDimension(.bedSize), "<20床", "<20 beds"),
            ("22", TableDimension(.careLevel), "要介護2", "care level 2"),
            ("#620000001", TableDimension(.drug), "620000001 (マスター未登録)", "620000001 (not in the master)"),
        ]
        for (key, dimension, japanese, english) in cases {
            #expect(Self.label(key, dimension, .ja) == japanese)
            #expect(Self.label(key, dimension, .en) == english)
        }
        #expect(CategoryLabels.total(.ja) == "計" && CategoryLabels.total(.en) == "Total")
    }
}
