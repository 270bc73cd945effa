import Testing
import LifecourseCore

@Suite struct CalendarDateTests {
    @Test func countsDaysFromTheEpochBothWays() throws {
        #expect(try CalendarDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(try CalendarDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11017)
        #expect(try CalendarDate(year: 1868, month: 10, day: 23).daysSinceEpoch == -36959)
        for days in stride(from: -60000, through: 60000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func knowsLeapYears() throws {
        #expect(try CalendarDate(year: 2024, month: 2, day: 29).day == 29)
        #expect(try CalendarDate(year: 2000, month: 2, day: 29).day == 29)
        #expect(throws: ValueError.self) { try CalendarDate(year: 1900, month: 2, day: 29) }
        #expect(throws: ValueError.self) { try CalendarDate(year: 2023, month: 2, day: 29) }
    }

    @Test func refusesDaysThatDoNotExistWithAReason() {
        do {
            _ = try CalendarDate(year: 2021, month: 11, day: 31)
            Issue.record("2021-11-31 was accepted")
        } catch {
            #expect(error.description.contains("2021-11 has no day 31"))
        }
    }

    @Test func readsAndWritesISODates() throws {
        let date = try CalendarDate(iso: "2019-05-01")
        #expect(date.description == "2019-05-01")
        #expect(try CalendarDate(iso: "20190501") == date)
        #expect(throws: ValueError.self) { try CalendarDate(iso: "2019-5-1") }
    }

    @Test func countsAgeInWholeYears() throws {
        let birth = try CalendarDate(year: 2000, month: 2, day: 29)
        #expect(try CalendarDate(year: 2001, month: 2, day: 28).age(bornOn: birth) == 0)
        #expect(try CalendarDate(year: 2001, month: 3, day: 1).age(bornOn: birth) == 1)
    }
}
