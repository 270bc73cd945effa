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

    /// The value a term frequency counts: the exact form, or a person's reading when it has no kanji.
    static func term(_ value: PreparedValue) -> String { value.primary.isEmpty ? value.reading : value.primary }

    /// The levels of two rows' values.
    public func levels(_ a: [PreparedValue?], _ b: [PreparedValue?]) -> [Int?] {
        fellegiSunter.fields.indices.map { field in
            guard let x = a[field], let y = b[field] else { return nil }
            return fellegiSunter.fields[field].level(x, y)
        }
    }

    /// A pair's weight: the model's, with exact agreement on a term-frequency field weighed by the value's own
    /// frequency instead of the field's average u (log2 u / tf added).
    public func weight(levels: [Int?], _ a: [PreparedValue?], _ b: [PreparedValue?]) -> Double {
        var weight = fellegiSunter.weight(levels)
        for (field, table) in termFrequencies where levels[field] == 0 {
            guard let x = a[field], let y = b[field] else { continue }
            let frequency = max(table[Self.term(x)] ?? 0, table[Self.term(y)] ?? 0, 1 / Double(max(1, rows)))
            weight += log2(fellegiSunter.u[field][0] / frequency)
        }
        return weight
    }

    /// Scores two rows: levels, weight and match probability.
    public func score(_ a: [PreparedValue?], _ b: [PreparedValue?]) -> (weight: Double, probability: Double) {
        let weight = self.weight(levels: levels(a, b), a, b)
        return (weight, FellegiSunterModel.probability(weight: weight))
    }
}
