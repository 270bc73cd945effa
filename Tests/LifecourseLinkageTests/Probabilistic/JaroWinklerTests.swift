import Testing
@testable import LifecourseLinkage

@Suite struct JaroWinklerTests {
    /// Values published with the measure (Winkler 1990 as tabulated by Cohen et al. and common implementations).
    @Test(arguments: [("MARTHA", "MARHTA", 0.9611), ("DWAYNE", "DUANE", 0.84), ("DIXON", "DICKSONX", 0.8133),
                      ("JELLYFISH", "SMELLYFISH", 0.8963)])
    func agreesWithPublishedValues(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.0005, "\(JaroWinkler.similarity(a, b))")
    }

    @Test func comparesKanaCharacterByCharacterAndBoundsItsValues() {
        #expect(JaroWinkler.similarity("サトウハナコ", "サトウハナコ") == 1)
        #expect(JaroWinkler.similarity("サトウハナコ", "サイトウハナコ") > 0.9)
        #expect(JaroWinkler.similarity("ヤマダ", "スズキ") == 0)
        #expect(JaroWinkler.similarity("", "") == 1 && JaroWinkler.similarity("ア", "") == 0)
    }
}
