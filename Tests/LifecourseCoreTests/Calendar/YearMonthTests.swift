import Testing
import LifecourseCore

@Suite struct YearMonthTests {
    @Test func knowsItsFirstAndLastDays() throws {
        let february = try YearMonth(year: 2024, month: 2)
        #expect(february.firstDay.description == "2024-02-01")
        #expect(february.lastDay.description == "2024-02-29")
        #expect(february.dayCount == 29)
        #expect(throws: ValueError.self) { try february.day(30) }
    }

    @Test func readsISOMonthsAndRefusesMonth13() throws {
        #expect(try YearMonth(iso: "2021-10").description == "2021-10")
        #expect(try YearMonth(iso: "202110").month == 10)
        #expect(throws: ValueError.self) { try YearMonth(iso: "2021-13") }
    }
}
