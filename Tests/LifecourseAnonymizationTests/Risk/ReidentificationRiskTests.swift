import Testing
@testable import LifecourseAnonymization

@Suite struct ReidentificationRiskTests {
    @Test func measuresTheProsecutorsRisk() {
        let risk = ReidentificationRisk(sizes: [1, 1, 2, 4, 12], threshold: 0.2)
        #expect(risk.sampleUniques == 2 && risk.highest == 1)
        #expect(risk.average == 5.0 / 20.0)
        #expect(risk.recordsAtRisk == 1 + 1 + 2 + 4, "classes under 5 records")
        #expect(ReidentificationRisk(sizes: []).highest == 0)
    }
}
