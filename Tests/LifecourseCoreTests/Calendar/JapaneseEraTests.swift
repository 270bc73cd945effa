import Testing
import LifecourseCore

@Suite struct JapaneseEraTests {
    @Test(arguments: [
        ("1912-07-29", JapaneseEra.meiji), ("1912-07-30", .taisho), ("1926-12-24", .taisho), ("1926-12-25", .showa),
        ("1989-01-07", .showa), ("1989-01-08", .heisei), ("2019-04-30", .heisei), ("2019-05-01", .reiwa),
    ])
    func placesEachDayInItsEra(day: String, era: JapaneseEra) throws {
        #expect(JapaneseEra.containing(try CalendarDate(iso: day)) == era)
    }

    @Test func hasNoEraBeforeTheGregorianCalendar() throws {
        #expect(JapaneseEra.containing(try CalendarDate(iso: "1872-12-31")) == nil)
    }

    @Test func findsErasByNameInitialOrDigit() {
        #expect(JapaneseEra(symbol: "平成") == .heisei)
        #expect(JapaneseEra(symbol: "r") == .reiwa)
        #expect(JapaneseEra(symbol: "3") == .showa)
        #expect(JapaneseEra(symbol: "X") == nil)
    }

    @Test func endsTheDayBeforeTheNextBegins() throws {
        #expect(JapaneseEra.heisei.lastDay == (try CalendarDate(iso: "2019-04-30")))
        #expect(JapaneseEra.reiwa.lastDay == nil)
    }
}
