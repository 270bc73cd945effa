import Testing
import LifecourseCore

@Suite struct PrefectureTests {
    @Test func namesAll47Prefectures() throws {
        #expect(Prefecture.all.count == 47)
        #expect(try Prefecture("01").name == "北海道")
        #expect(try Prefecture("13").name == "東京都")
        #expect(try Prefecture("47").name == "沖縄県")
    }

    @Test(arguments: ["00", "48", "1", "ab"])
    func refusesCodesOutside01To47(code: String) {
        #expect(throws: ValueError.self) { try Prefecture(code) }
    }
}
