import Foundation

/// The noise of differential privacy, calibrated to a query's sensitivity: Laplace (ε-DP; for counts its discrete
/// form, the two-sided geometric mechanism of Ghosh, Roughgarden and Sundararajan, so that integer counts need no
/// rounding) or Gaussian ((ε, δ)-DP, the classic calibration σ = Δ₂·√(2 ln(1.25/δ))/ε of Dwork and Roth,
/// Theorem A.1, valid for ε ≤ 1). Draws come from the system's cryptographic generator unless a test gives one.
struct NoiseMechanism: Sendable, Hashable {
    enum Distribution: Sendable, Hashable {
        case laplace(scale: Double)
        case discreteLaplace(scale: Double)
        case gaussian(sigma: Double)
    }

    let distribution: Distribution

    /// The mechanism of a specification: one research ID changes at most `maxCellsPerPerson` cells by at most
    /// `maxContribution` each (1 for a count of persons).
    init(_ privacy: TableSpec.Privacy, measure: TableMeasure) {
        let bound = measure.kind == .persons ? 1 : privacy.maxContribution ?? 1
        let cells = Double(privacy.cellsPerPerson)
        switch privacy.mechanism ?? .laplace {
        case .laplace:
            let scale = cells * bound / privacy.epsilon
            distribution = measure.isCount && bound == bound.rounded() ? .discreteLaplace(scale: scale) : .laplace(scale: scale)
        case .gaussian:
            let delta = privacy.delta ?? 1e-6
            distribution = .gaussian(sigma: cells.squareRoot() * bound * (2 * log(1.25 / delta)).squareRoot() / privacy.epsilon)
        }
    }

    init(_ distribution: Distribution) {
        self.distribution = distribution
    }

    /// One draw of noise.
    func draw(using random: inout some RandomNumberGenerator) -> Double {
        switch distribution {
        case .laplace(let scale):
            // The difference of two exponentials is Laplace.
            return scale * (Self.exponential(&random) - Self.exponential(&random))
        case .discreteLaplace(let scale):
            // The difference of two geometric counts (failures before a success of 1 − e^(−1/scale)).
            let ratio = exp(-1 / scale)
            return Double(Self.geometric(ratio, &random) - Self.geometric(ratio, &random))
        case .gaussian(let sigma):
            // Box–Muller.
            let u = Self.open(&random), v = Double.random(in: 0..<1, using: &random)
            return sigma * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    /// The standard deviation of the noise.
    var standardDeviation: Double {
        switch distribution {
        case .laplace(let scale): 2.squareRoot() * scale
        case .discreteLaplace(let scale):
            (2 * exp(-1 / scale)).squareRoot() / (1 - exp(-1 / scale))
        case .gaussian(let sigma): sigma
        }
    }

    /// Uniform in (0, 1].
    private static func open(_ random: inout some RandomNumberGenerator) -> Double {
        1 - Double.random(in: 0..<1, using: &random)
    }

    private static func exponential(_ random: inout some RandomNumberGenerator) -> Double {
        -log(open(&random))
    }

    private static func geometric(_ ratio: Double, _ random: inout some RandomNumberGenerator) -> Int {
        Int((log(open(&random)) / log(ratio)).rounded(.down))
    }
}
