import Testing
@testable import LifecourseFormats

@Suite struct JapaneseTextTests {
    @Test func normalizesLikeNFKC() {
        #expect(JapaneseText.nfkc("ﾀﾞｲｺﾝ") == "ダイコン")
    }

    @Test func foldsCardNumbersToComparableDigits() {
        #expect(JapaneseText.cardNumber("１９Ｄ０００１") == "19D0001")
        #expect(JapaneseText.cardNumber(" ６４４４ ０７１８ ") == "64440718")
        #expect(JapaneseText.cardNumber("１２－３４") == "1234")
    }
}
