/// How well a clustering of records agrees with the truth, counted over pairs of records (the measure record
/// linkage studies report): a pair is predicted when both records got the same research ID, true when both are the
/// same person.
public struct PairwiseEvaluation: Sendable, Hashable, Codable {
    public var records: Int
    public var predictedClusters: Int
    public var trueClusters: Int
    public var predictedPairs: Int
    public var truePairs: Int
    public var correctPairs: Int

    /// - Parameter records: each record's predicted cluster and true cluster.
    public init<Predicted: Hashable, True: Hashable>(_ records: [(predicted: Predicted, true: True)]) {
        func pairs(_ sizes: some Sequence<Int>) -> Int { sizes.reduce(0) { $0 + $1 * ($1 - 1) / 2 } }
        var predicted = [Predicted: Int](), truth = [True: Int](), both = [PairKey<Predicted, True>: Int]()
        for record in records {
            predicted[record.predicted, default: 0] += 1
            truth[record.true, default: 0] += 1
            both[PairKey(predicted: record.predicted, truth: record.true), default: 0] += 1
        }
        self.records = records.count
        predictedClusters = predicted.count
        trueClusters = truth.count
        predictedPairs = pairs(predicted.values)
        truePairs = pairs(truth.values)
        correctPairs = pairs(both.values)
    }

    public var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    public var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

private struct PairKey<Predicted: Hashable, True: Hashable>: Hashable {
    let predicted: Predicted
    let truth: True
}
