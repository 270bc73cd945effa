import LifecourseCore
import LifecourseFormats
import Testing

@Suite struct ClaimsDateStyleTests {
    @Test func writesWesternDatesAsDigits() throws {
        #expect(ClaimsDateStyle.western.text(try CalendarDate(year: 2019, month: 4, day: 30)) == "20190430")
        #expect(ClaimsDateStyle.western.text(try YearMonth(year: 2019, month: 5)) == "201905")
    }

    @Test func writesEraDatesWithTheEraDigitAcrossTheHeiseiReiwaBoundary() throws {
        #expect(ClaimsDateStyle.era.text(try CalendarDate(year: 2019, month: 4, day: 30)) == "4310430")
        #expect(ClaimsDateStyle.era.text(try CalendarDate(year: 2019, month: 5, day: 1)) == "5010501")
        #expect(ClaimsDateStyle.era.text(try YearMonth(year: 2018, month: 11)) == "43011")
        #expect(ClaimsDateStyle.era.text(try CalendarDate(year: 1926, month: 12, day: 25)) == "3011225")
    }
}
