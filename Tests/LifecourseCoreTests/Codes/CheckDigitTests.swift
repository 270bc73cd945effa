import Testing
import LifecourseCore

@Suite struct CheckDigitTests {
    @Test(arguments: ["01010016", "33120015", "54016027", "06130017", "1310000011"])
    func acceptsPublishedNumbers(number: String) {
        #expect(CheckDigit.isValidLuhn(number))
    }

    @Test(arguments: ["01010017", "33120051", "", "1", "0101001A"])
    func refusesWrongOrMalformedNumbers(number: String) {
        #expect(!CheckDigit.isValidLuhn(number))
    }

    @Test func computesTheDigitTheGuideComputes() {
        // 保険者番号設定要領's example: 33 12 001 → 5.
        #expect(CheckDigit.luhn(for: "3312001") == 5)
    }
}
