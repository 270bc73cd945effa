import LifecourseCore
import Testing
@testable import LifecourseSynth

@Suite struct GeographyTests {
    @Test func computesTheCheckDigitOfMunicipalityCodes() {
        let chiyoda = Municipality(code5: "13101", name: "千代田区", population: 67)
        #expect(chiyoda.code6 == "131016")
        let sapporo = Municipality(code5: "01100", name: "札幌市", population: 1973)
        #expect(sapporo.code6 == "011002")
    }

    @Test func coversEveryPrefecture() {
        for prefecture in 1...47 {
            #expect(!Geography.municipalities(in: prefecture).isEmpty, "prefecture \(prefecture)")
        }
        #expect(Set(Geography.municipalities.map(\.code5)).count == Geography.municipalities.count)
        #expect(Geography.prefecturePopulation.reduce(0, +) > 126_000)
    }
}
