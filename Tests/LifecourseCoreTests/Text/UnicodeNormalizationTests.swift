import Testing
import LifecourseCore

@Suite struct UnicodeNormalizationTests {
    @Test func composesHalfWidthVoicedKana() {
        #expect(UnicodeNormalization.nfkc("ﾀﾞｲｺﾝ") == "ダイコン")
        #expect(UnicodeNormalization.nfkc("ﾊﾟﾋﾟﾌﾟ") == "パピプ")
        #expect(UnicodeNormalization.nfkc("ｳﾞｧ") == "ヴァ")
    }

    @Test(arguments: [
        ("ＡＢＣ１２３", "ABC123"), ("㈱", "(株)"), ("①", "1"), ("　", " "), ("ｶﾞｷﾞ", "ガギ"),
        ("髙橋", "髙橋"), ("ﾃｽﾄ ﾊﾝﾖｳ", "テスト ハンヨウ"), ("㍻", "平成"), ("plain", "plain"),
        ("カ\u{3099}", "ガ"),
    ])
    func givesUnicodeNFKC(input: String, expected: String) {
        #expect(UnicodeNormalization.nfkc(input) == expected)
    }
}
