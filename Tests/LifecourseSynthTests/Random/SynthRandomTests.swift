import Testing
@testable import LifecourseSynth

@Suite struct SynthRandomTests {
    @Test func repeatsItselfForTheSameSeed() {
        var a = SynthRandom(seed: 7)
        var b = SynthRandom(seed: 7)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        var c = SynthRandom.stream(7, 1, 2)
        var d = SynthRandom.stream(7, 1, 3)
        #expect(c.next() != d.next())
    }

    @Test func drawsUniformNumbersAndWeightedChoices() {
        var random = SynthRandom(seed: 1)
        let draws = (0..<20_000).map { _ in random.uniform() }
        #expect(draws.allSatisfy { (0..<1).contains($0) })
        #expect(abs(draws.reduce(0, +) / 20_000 - 0.5) < 0.01)
        let table = WeightedTable([("a", 1.0), ("b", 3.0)])
        let picks = (0..<20_000).map { _ in random.pick(table) }
        #expect(abs(Double(picks.filter { $0 == "b" }.count) / 20_000 - 0.75) < 0.02)
    }

    @Test func drawsNormalVariatesWithTheirMeanAndSpread() {
        var random = SynthRandom(seed: 3)
        let values = (0..<20_000).map { _ in random.normal(mean: 10, sd: 2) }
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        #expect(abs(mean - 10) < 0.05)
        #expect(abs(sd - 2) < 0.05)
    }
}
