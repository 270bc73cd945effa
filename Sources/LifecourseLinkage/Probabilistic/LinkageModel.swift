import Foundation

/// A trained Fellegi–Sunter model with what its weights need besides: the term frequencies of the fields whose
/// exact agreement is weighed by how common the value is, and how many rows they were counted over.
///
/// A model is trained once and kept (by version), so that every later batch is scored by the same weights: a
/// pair's score depends on the two records and the model only, which is what makes an incremental run give what
/// a full run with the same model gives.
public struct LinkageModel: Sendable, Hashable, Codable {
    public var fellegiSunter: FellegiSunterModel
    /// Per field index, each value's share of the rows.
    public var termFrequencies: [Int: [String: Double]]
    /// The rows the frequencies were counted over (an unseen value counts as one of them).
    public var rows: Int

    public init(fellegiSunter: FellegiSunterModel, termFrequencies: [Int: [String: Double]], rows: Int) {
        self.fellegiSunter = fellegiSunter
        self.termFrequencies = termFrequencies
        self.rows = rows
    }

    /// What scores pairs of `columns`' rows by this model.
    public func scorer(_ columns: ComparisonColumns) -> Scorer { Scorer(model: self, columns: columns) }

    /// Scores pairs of rows: the model's weights per field and level computed once, and per row the term-frequency
    /// weight its value would bring on exact agreement.
    public struct Scorer: Sendable {
        public let columns: ComparisonColumns
        private let base: Double
        /// log2(m / u) by field × level.
        private let levelWeights: [Double]
        private let levelStride: Int
        private let frequencyFields: [Int]
        /// Row × frequency field: log2(u / tf) of the row's value, tf at least one row's share.
        private let frequencyWeights: [Double]

        init(model: LinkageModel, columns: ComparisonColumns) {
            self.columns = columns
            let fs = model.fellegiSunter
            base = log2(fs.prior / (1 - fs.prior))
            precondition(fs.fields.count <= 64, "a pair's exact agreements are kept as bits")
            levelStride = fs.fields.map(\.levelCount).max() ?? 0
            var weights = [Double](repeating: 0, count: fs.fields.count * levelStride)
            for field in fs.fields.indices {
                for level in fs.m[field].indices { weights[field * levelStride + level] = log2(fs.m[field][level] / fs.u[field][level]) }
            }
            levelWeights = weights
            frequencyFields = model.termFrequencies.keys.sorted()
            let least = 1 / Double(max(1, model.rows))
            var frequencyWeights = [Double](repeating: 0, count: columns.count * frequencyFields.count)
            for row in 0..<columns.count {
                for (index, field) in frequencyFields.enumerated() {
                    let frequency = columns.term(row, field).flatMap { model.termFrequencies[field]?[$0] } ?? 0
                    frequencyWeights[row * frequencyFields.count + index] = log2(fs.u[field][0] / max(frequency, least))
                }
            }
            self.frequencyWeights = frequencyWeights
        }

        /// A pair's weight: the model's, with exact agreement on a term-frequency field weighed by the frequency of
        /// the commoner of the two values instead of the field's average u (log2 u / tf added).
        public func weight(_ a: Int, _ b: Int) -> Double {
            var weight = base
            var exact = 0 as UInt64
            columns.forEachLevel(a, b) { field, level in
                guard let level else { return }
                weight += levelWeights[field * levelStride + level]
                if level == 0 { exact |= 1 << UInt64(field) }
            }
            let width = frequencyFields.count
            for (index, field) in frequencyFields.enumerated() where exact & (1 << UInt64(field)) != 0 {
                weight += min(frequencyWeights[a * width + index], frequencyWeights[b * width + index])
            }
            return weight
        }

        /// A pair's weight and match probability.
        public func score(_ a: Int, _ b: Int) -> (weight: Double, probability: Double) {
            let weight = self.weight(a, b)
            return (weight, FellegiSunterModel.probability(weight: weight))
        }
    }
}
