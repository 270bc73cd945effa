import LifecourseCore
import Testing
@testable import LifecourseStore

@Suite struct ReleasePseudonymsTests {
    @Test func givesEachReleaseItsOwnPseudonymsAndShifts() throws {
        let ids = try (1...2_000).map { try ResearchID(rawValue: Int64($0) * 7_919) }
        let one = ReleasePseudonyms(), two = ReleasePseudonyms()
        let first = ids.map(one.pseudonym), second = ids.map(two.pseudonym)
        #expect(Set(first).count == ids.count && Set(first).isDisjoint(with: second))
        #expect(first.allSatisfy { $0.count == 16 && $0.hasPrefix("P") && !$0.contains("-") })
        #expect(ids.map(one.pseudonym) == first, "the same person, the same pseudonym within a release")
        let shifts = ids.map { one.dayShift($0, maximum: 30) }
        #expect(shifts.allSatisfy { (1...30).contains(abs($0)) } && Set(shifts).count == 60)
        #expect(one.dayShift(ids[0], maximum: 0) == 0)
        let fixed = ReleasePseudonyms(key: Array(repeating: 7, count: 32))
        #expect(fixed.pseudonym(ids[0]) == ReleasePseudonyms(key: Array(repeating: 7, count: 32)).pseudonym(ids[0]))
    }
}
