import Testing
import LifecourseCore

@Suite struct JapaneseDateTextTests {
    @Test(arguments: [
        ("平成31年4月30日", "2019-04-30"), ("令和元年5月1日", "2019-05-01"), ("R1.5.1", "2019-05-01"),
        ("H31/04/30", "2019-04-30"), ("昭和56年5月5日", "1981-05-05"), ("s56.5.5", "1981-05-05"),
        ("令和２年１２月３１日", "2020-12-31"), ("2019年5月1日", "2019-05-01"), ("2019-05-01", "2019-05-01"),
        ("２０１９／５／１", "2019-05-01"), (" 令和 元年 5月 1日 ", "2019-05-01"),
    ])
    func readsDatesAsPeopleWriteThem(text: String, day: String) throws {
        #expect(try JapaneseDateText.date(text).description == day)
    }

    @Test func readsMonths() throws {
        #expect(try JapaneseDateText.month("平成31年4月").description == "2019-04")
        #expect(try JapaneseDateText.month("2021年10月").description == "2021-10")
    }

    @Test(arguments: ["平成31年5月1日", "令和元年4月30日", "19年5月1日", "令和元年", "平成三十一年四月", "H31.4"])
    func refusesTextThatIsNotADay(text: String) {
        #expect(throws: ValueError.self) { try JapaneseDateText.date(text) }
    }
}
