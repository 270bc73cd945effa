import LifecourseCore
import Testing
@testable import LifecourseSynth

@Suite struct InsurersTests {
    @Test func makesNumbersWithValidCheckDigits() {
        for kind in InsuranceKind.allCases {
            for prefecture in [1, 13, 47] {
                let number = Insurers.number(kind, prefecture: prefecture, serial: 17)
                #expect(CheckDigit.isValidLuhn(number), "\(kind) \(number)")
                #expect(number.count == (kind == .kokuho ? 6 : 8))
            }
        }
        // 協会けんぽ 東京支部 is 01130012.
        #expect(Insurers.number(.kyokai, prefecture: 13, serial: 0) == "01130012")
    }
}
