import Testing
@testable import LifecourseSynth

@Suite struct SynthCalibrationTests {
    /// A 100,000-person year against the census pyramid, vital rates and prevalence curves; prints the table.
    @Test func matchesThePublishedFiguresWithinTolerance() {
        let rows = SynthCalibration.run(persons: 100_000, seed: 2024, year: 2020)
        print(SynthCalibration.table(rows))
        #expect(rows.count > 40)
        let outside = rows.filter { !$0.isWithinTolerance }
        #expect(outside.isEmpty, "outside tolerance: \(outside.map { "\($0.measure) \($0.group)" })")
    }
}
