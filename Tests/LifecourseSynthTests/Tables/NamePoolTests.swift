import LifecourseCore
import Testing
@testable import LifecourseSynth

@Suite struct NamePoolTests {
    @Test func holdsSeveralHundredSurnamesAndCohortGivenNames() {
        #expect(NamePool.surnames.count >= 290)
        #expect(Set(NamePool.surnames.map(\.0)).count == NamePool.surnames.count)
        #expect(NamePool.maleOld.count + NamePool.maleMiddle.count + NamePool.maleYoung.count >= 120)
        #expect(NamePool.femaleOld.count + NamePool.femaleMiddle.count + NamePool.femaleYoung.count >= 120)
        #expect(NamePool.surnames.allSatisfy { $0.1.unicodeScalars.allSatisfy { (0x30A1...0x30FC).contains($0.value) } })
    }

    @Test func writesSomeSurnamesWithVariantKanji() {
        var random = SynthRandom(seed: 5)
        let names = (0..<20_000).map { _ in NamePool.surname(prefecture: 13, random: &random).kanji }
        #expect(names.contains("髙橋"))
        #expect(names.contains { $0.contains("﨑") })
        #expect(NamePool.commonForm("髙橋") == "高橋")
        #expect(NamePool.commonForm("渡邉") == "渡辺")
    }

    @Test func favoursOkinawanSurnamesInOkinawa() {
        var random = SynthRandom(seed: 9)
        let okinawa = (0..<5000).map { _ in NamePool.surname(prefecture: 47, random: &random).kanji }
        let tokyo = (0..<5000).map { _ in NamePool.surname(prefecture: 13, random: &random).kanji }
        #expect(okinawa.filter { NamePool.okinawan.contains($0) }.count > 10 * tokyo.filter { NamePool.okinawan.contains($0) }.count)
    }
}
