import Foundation
import LifecourseCore
import Testing
@testable import LifecourseStatistics

/// The noise follows its distribution: Kolmogorov–Smirnov for the continuous ones, χ² for the discrete one, each
/// at α = 0.001 on 20,000 draws; a wrong scale is rejected by the same test.
@Suite struct NoiseMechanismTests {
    static let draws = 20_000

    static func samples(_ mechanism: NoiseMechanism, seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        return (0..<draws).map { _ in mechanism.draw(using: &random) }
    }

    /// The largest distance between the samples' empirical distribution and `cdf`.
    static func ksStatistic(_ samples: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        return sorted.enumerated().reduce(0) { worst, entry in
            let f = cdf(entry.element)
            return max(worst, abs(Double(entry.offset + 1) / n - f), abs(f - Double(entry.offset) / n))
        }
    }

    static let ksCritical = 1.95 / Double(draws).squareRoot()

    static func laplaceCDF(_ scale: Double) -> (Double) -> Double {
        { x in x < 0 ? 0.5 * exp(x / scale) : 1 - 0.5 * exp(-x / scale) }
    }

    @Test func laplaceNoiseHasTheLaplaceDistributionOfItsScale() {
        let samples = Self.samples(NoiseMechanism(.laplace(scale: 2.5)), seed: 7)
        #expect(Self.ksStatistic(samples, cdf: Self.laplaceCDF(2.5)) < Self.ksCritical)
        #expect(Self.ksStatistic(samples, cdf: Self.laplaceCDF(5)) > Self.ksCritical, "the test tells a wrong scale")
    }

    @Test func gaussianNoiseHasTheNormalDistributionOfItsSigma() {
        let samples = Self.samples(NoiseMechanism(.gaussian(sigma: 3)), seed: 11)
        let normal = { (sigma: Double) in { (x: Double) in 0.5 * (1 + erf(x / (sigma * 2.squareRoot()))) } }
        #expect(Self.ksStatistic(samples, cdf: normal(3)) < Self.ksCritical)
        #expect(Self.ksStatistic(samples, cdf: normal(4)) > Self.ksCritical, "the test tells a wrong sigma")
    }

    @Test func discreteLaplaceNoiseHasTheTwoSidedGeometricDistribution() {
        // P(k) = (1 − r)/(1 + r)·r^|k| with r = e^(−1/scale); bins −8 … 8 and the two tails.
        func chiSquare(_ samples: [Double], scale: Double) -> Double {
            let r = exp(-1 / scale), n = Double(samples.count)
            let p = { (k: Int) in (1 - r) / (1 + r) * pow(r, Double(abs(k))) }
            var observed = [Int: Int]()
            for sample in samples { observed[max(-9, min(9, Int(sample))), default: 0] += 1 }
            let tail = pow(r, 9) / (1 + r)
            return (-9...9).reduce(0.0) { total, k in
                let expected = n * (abs(k) == 9 ? tail : p(k))
                return total + pow(Double(observed[k] ?? 0) - expected, 2) / expected
            }
        }
        let samples = Self.samples(NoiseMechanism(.discreteLaplace(scale: 2)), seed: 13)
        #expect(samples.allSatisfy { $0 == $0.rounded() }, "whole numbers")
        // χ² with 18 degrees of freedom: 42.31 at α = 0.001.
        #expect(chiSquare(samples, scale: 2) < 42.31)
        #expect(chiSquare(samples, scale: 3) > 42.31, "the test tells a wrong scale")
    }

    @Test func theNoiseIsCalibratedToTheBoundsAndEpsilon() {
        let counts = NoiseMechanism(TableSpec.Privacy(application: "A", epsilon: 0.5, maxCellsPerPerson: 2),
                                    measure: TableMeasure(.persons))
        #expect(counts.distribution == .discreteLaplace(scale: 4))
        let sums = NoiseMechanism(TableSpec.Privacy(application: "A", epsilon: 2, maxContribution: 30),
                                  measure: TableMeasure(.quantity))
        #expect(sums.distribution == .laplace(scale: 15))
        let gaussian = NoiseMechanism(TableSpec.Privacy(application: "A", mechanism: .gaussian, epsilon: 1, delta: 1e-5,
                                                        maxCellsPerPerson: 4), measure: TableMeasure(.persons))
        #expect(abs(gaussian.standardDeviation - 2 * (2 * log(1.25 / 1e-5)).squareRoot()) < 1e-9)
    }
}
