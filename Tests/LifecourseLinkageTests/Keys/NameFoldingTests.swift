import LifecourseCore
import Testing
@testable import LifecourseLinkage

@Suite struct NameFoldingTests {
    @Test(arguments: [
        ("サトウ ハナコ", "さとう　はなこ"), ("サトウ ハナコ", "ｻﾄｳ ﾊﾅｺ"), ("サトウ ハナコ", "サトー・ハナコ"),
        ("サトウ ハナコ", "サトオハナコ"), ("ショウイチ", "シヨウイチ"), ("ショウイチ", "ｼｮｰｲﾁ"),
        ("ハットリ", "ハツトリ"), ("ユウコ", "ユーコ"), ("ケイコ", "ケーコ"), ("オオノ", "オーノ"),
        ("ヴィヴァルディ", "ビバルディ"), ("ミカヅキ", "ミカズキ"), ("チヂミ", "チジミ"), ("ヲノ", "オノ"),
        ("ガッコウ", "ｶﾞｯｺｰ"),
    ])
    func foldsWritingsOfOneKanaNameTogether(_ one: String, _ other: String) {
        #expect(NameFolding.kana(one) == NameFolding.kana(other), "\(NameFolding.kana(one)) ≠ \(NameFolding.kana(other))")
    }

    @Test(arguments: [("サトウ", "サイトウ"), ("オノ", "オオタ"), ("ヤマダ", "ヤマタ"), ("キヨシ", "キヨコ")])
    func keepsDifferentNamesApart(_ one: String, _ other: String) {
        #expect(NameFolding.kana(one) != NameFolding.kana(other))
    }

    @Test func foldsVariantKanjiForBlockingButKeepsDistinctSurnamesApart() {
        #expect(NameFolding.kanji("髙橋　一郎") == NameFolding.kanji("高橋一郎"))
        #expect(NameFolding.kanji("山﨑") == "山崎" && NameFolding.kanji("渡邊") == "渡辺" && NameFolding.kanji("渡邉") == "渡辺")
        #expect(NameFolding.kanji("齋藤") == "斎藤" && NameFolding.kanji("齊藤") == "斉藤")
        #expect(NameFolding.kanji("斎藤") != NameFolding.kanji("斉藤"), "斎 and 斉 are different surnames")
    }
}
