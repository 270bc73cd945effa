import Foundation
import Testing
@testable import LifecourseSynth

@Suite struct SynthConfigTests {
    /// A set iterates in an order that changes from process to process; the manifest lists the outputs sorted.
    @Test func encodesTheOutputsInAFixedOrderAndDecodesThemBack() throws {
        let config = SynthConfig(persons: 10, seed: 1, firstYear: 2024, lastYear: 2024)
        let data = try JSONEncoder().encode(config)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let outputs = try #require(object["outputs"] as? [String])
        #expect(outputs == SynthOutput.allCases.map(\.rawValue).sorted())
        #expect(try JSONDecoder().decode(SynthConfig.self, from: data) == config)
    }
}
