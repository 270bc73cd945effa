import Testing
@testable import LifecourseLinkage

@Suite struct PairwiseEvaluationTests {
    @Test func countsPairsAgreeingWithTheTruth() {
        // Truth: {a1 a2 a3} {b1 b2}; predicted: {a1 a2} {a3 b1 b2}.
        let evaluation = PairwiseEvaluation([(1, "a"), (1, "a"), (2, "a"), (2, "b"), (2, "b")])
        #expect(evaluation.truePairs == 4 && evaluation.predictedPairs == 4 && evaluation.correctPairs == 2)
        #expect(evaluation.precision == 0.5 && evaluation.recall == 0.5 && evaluation.f1 == 0.5)
        #expect(evaluation.predictedClusters == 2 && evaluation.trueClusters == 2 && evaluation.records == 5)
        let perfect = PairwiseEvaluation([(1, "a"), (1, "a"), (2, "b")])
        #expect(perfect.precision == 1 && perfect.recall == 1)
        #expect(PairwiseEvaluation([(1, "a"), (2, "b")] as [(predicted: Int, true: String)]).recall == 1, "no true pairs")
    }
}
