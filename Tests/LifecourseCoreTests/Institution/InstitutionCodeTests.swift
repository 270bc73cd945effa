import Testing
import LifecourseCore

@Suite struct InstitutionCodeTests {
    @Test func splitsTheTenDigits() throws {
        let code = try InstitutionCode("1340000015")
        #expect(code.prefecture.name == "東京都")
        #expect(code.feeSchedule == .pharmacy)
        #expect(code.localCode == "0000015")
        #expect(code.code == "1340000015")
    }

    @Test func acceptsAWrongCheckDigitButSaysSo() throws {
        #expect(try InstitutionCode("1310000011").hasValidCheckDigit)
        #expect(try !InstitutionCode("1210000000").hasValidCheckDigit)
    }

    @Test(arguments: ["121000000", "1220000000", "4810000000", "12100000AB"])
    func refusesCodesOfTheWrongShape(text: String) {
        #expect(throws: ValueError.self) { try InstitutionCode(text) }
    }
}
