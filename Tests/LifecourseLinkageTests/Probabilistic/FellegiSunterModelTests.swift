import Foundation
import Testing
@testable import LifecourseLinkage

@Suite struct FellegiSunterModelTests {
    /// Patterns drawn from known parameters: EM with u fixed recovers m and λ.
    @Test func expectationMaximisationRecoversTheParametersThatMadeThePairs() {
        let fields: [FieldKind] = [.exact, .exact, .exact, .exact]
        let trueM = [0.95, 0.9, 0.85, 0.8], trueU = [0.05, 0.1, 0.02, 0.3], trueShare = 0.2
        var state: UInt64 = 7
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var pairs = [[Int?]]()
        var randomPairs = [[Int?]]()
        for _ in 0..<40_000 {
            let match = uniform() < trueShare
            pairs.append((0..<4).map { uniform() < (match ? trueM[$0] : trueU[$0]) ? 0 : 1 })
            randomPairs.append((0..<4).map { uniform() < trueU[$0] ? 0 : 1 })
        }
        var model = FellegiSunterModel(fields: fields)
        model.estimateU(randomPairs: randomPairs)
        let iterations = model.estimateM(pairs: pairs)
        #expect(iterations < 50, "converged")
        #expect(abs(model.prior - trueShare) < 0.02, "\(model.prior)")
        for field in 0..<4 {
            #expect(abs(model.m[field][0] - trueM[field]) < 0.03, "m[\(field)] = \(model.m[field][0])")
            #expect(abs(model.u[field][0] - trueU[field]) < 0.01, "u[\(field)] = \(model.u[field][0])")
        }
    }

    @Test func weightsAddLogBayesFactorsAndIgnoreMissingFields() {
        var model = FellegiSunterModel(fields: [.exact, .exact])
        model.m = [[0.9, 0.1], [0.8, 0.2]]
        model.u = [[0.1, 0.9], [0.2, 0.8]]
        model.prior = 0.5
        #expect(abs(model.weight([0, 0]) - (log2(9) + log2(4))) < 1e-12)
        #expect(abs(model.weight([0, nil]) - log2(9)) < 1e-12)
        #expect(abs(model.probability([1, 1]) - 1 / (1 + 9 * 4)) < 1e-12)
        #expect(FellegiSunterModel.probability(weight: 2_000) == 1)
    }
}
