import Testing
import LifecourseCore

@Suite struct JapaneseDateTests {
    @Test func convertsAcrossTheHeiseiReiwaBoundary() throws {
        #expect(try JapaneseDate(era: .heisei, eraYear: 31, month: 4, day: 30).calendarDate().description == "2019-04-30")
        #expect(try JapaneseDate(era: .reiwa, eraYear: 1, month: 5, day: 1).calendarDate().description == "2019-05-01")
        #expect(JapaneseDate(try CalendarDate(iso: "2019-04-30"))?.description == "平成31年4月30日")
        #expect(JapaneseDate(try CalendarDate(iso: "2019-05-01"))?.description == "令和元年5月1日")
    }

    @Test func refusesDatesOutsideTheirEra() {
        #expect(throws: ValueError.self) { try JapaneseDate(era: .heisei, eraYear: 31, month: 5, day: 1).calendarDate() }
        #expect(throws: ValueError.self) { try JapaneseDate(era: .reiwa, eraYear: 1, month: 4, day: 30).calendarDate() }
        #expect(throws: ValueError.self) { try JapaneseDate(era: .showa, eraYear: 64, month: 1, day: 8).calendarDate() }
        #expect(throws: ValueError.self) { try JapaneseDate(era: .showa, eraYear: 1, month: 12, day: 24).calendarDate() }
    }

    @Test func readsAnOldEraPastItsEndWhenAsked() throws {
        let date = JapaneseDate(era: .heisei, eraYear: 31, month: 5, day: 1)
        #expect(try date.calendarDate(policy: .acceptOverrun).description == "2019-05-01")
        // Never before an era's start, whatever the policy.
        #expect(throws: ValueError.self) {
            try JapaneseDate(era: .reiwa, eraYear: 1, month: 4, day: 1).calendarDate(policy: .acceptOverrun)
        }
    }

    @Test func convertsMonthsThatTheEraShares() throws {
        #expect(try JapaneseDate(era: .heisei, eraYear: 31, month: 4, day: nil).yearMonth().description == "2019-04")
        #expect(try JapaneseDate(era: .reiwa, eraYear: 1, month: 5, day: nil).yearMonth().description == "2019-05")
        #expect(try JapaneseDate(era: .showa, eraYear: 64, month: 1, day: nil).yearMonth().description == "1989-01")
        #expect(try JapaneseDate(era: .heisei, eraYear: 1, month: 1, day: nil).yearMonth().description == "1989-01")
        #expect(throws: ValueError.self) { try JapaneseDate(era: .heisei, eraYear: 31, month: 5, day: nil).yearMonth() }
        #expect(JapaneseDate(try YearMonth(year: 2019, month: 5))?.description == "令和元年5月")
    }

    @Test func explainsWhyEarlyMeijiDatesCannotBeConverted() {
        do {
            _ = try JapaneseDate(era: .meiji, eraYear: 5, month: 12, day: 1).calendarDate()
            Issue.record("a lunisolar date was converted")
        } catch {
            #expect(error.description.contains("lunisolar"))
        }
    }

    @Test func refusesYearZero() {
        #expect(throws: ValueError.self) { try JapaneseDate(era: .reiwa, eraYear: 0, month: 5, day: 1).calendarDate() }
    }
}
