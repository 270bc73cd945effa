import Testing
@testable import LifecourseFormats

@Suite struct JapaneseTextTests {
    @Test func composesHalfWidthVoicedKana() {
        #expect(JapaneseText.nfkc("ﾀﾞｲｺﾝ") == "ダイコン")
        #expect(JapaneseText.nfkc("ﾊﾟﾋﾟﾌﾟ") == "パピプ")
        #expect(JapaneseText.nfkc("ｳﾞｧ") == "ヴァ")
    }

    @Test(arguments: [
        ("ＡＢＣ１２３", "ABC123"), ("㈱", "(株)"), ("①", "1"), ("　", " "), ("ｶﾞｷﾞ", "ガギ"),
        ("髙橋", "髙橋"), ("ﾃｽﾄ ﾊﾝﾖｳ", "テスト ハンヨウ"), ("㍻", "平成"), ("plain", "plain"),
    ])
    func givesUnicodeNFKC(input: String, expected: String) {
        #expect(JapaneseText.nfkc(input) == expected)
    }

    @Test func foldsCardNumbersToComparableDigits() {
        #expect(JapaneseText.cardNumber("１９Ｄ０００１") == "19D0001")
        #expect(JapaneseText.cardNumber(" ６４４４ ０７１８ ") == "64440718")
        #expect(JapaneseText.cardNumber("１２－３４") == "1234")
    }
}
