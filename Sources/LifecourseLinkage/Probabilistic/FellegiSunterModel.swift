import Foundation

/// The Fellegi–Sunter model of record linkage: for each field and level of agreement, the probability of that
/// level among true matches (m) and among non-matches (u), and the share of matches among the compared pairs
/// (λ). A pair's match weight is log2 of the prior odds plus, per field with a value on both sides, log2(m / u) of
/// its level; its match probability is 2^w / (1 + 2^w).
///
/// Training follows the usual practice (as Splink does): u from pairs drawn at random, which are almost all
/// non-matches; m and λ by expectation–maximisation over the blocked pairs with u held fixed.
public struct FellegiSunterModel: Sendable, Hashable, Codable {
    public var fields: [FieldKind]
    public var m: [[Double]]
    public var u: [[Double]]
    public var prior: Double

    /// An untrained model: m leaning to agreement, u to disagreement, λ small.
    public init(fields: [FieldKind]) {
        self.fields = fields
        m = fields.map { kind in Self.normalized((0..<kind.levelCount).map { pow(0.3, Double($0)) }) }
        u = fields.map { kind in Self.normalized((0..<kind.levelCount).map { $0 == kind.levelCount - 1 ? 20 : 1 }) }
        prior = 0.01
    }

    /// The match weight (log2 Bayes factor with the prior) of a pair's levels (nil where a value is missing).
    public func weight(_ levels: [Int?]) -> Double {
        var weight = log2(prior / (1 - prior))
        for (field, level) in levels.enumerated() {
            guard let level else { continue }
            weight += log2(m[field][level] / u[field][level])
        }
        return weight
    }

    public func probability(_ levels: [Int?]) -> Double {
        Self.probability(weight: weight(levels))
    }

    public static func probability(weight: Double) -> Double {
        let odds = exp2(weight)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }

    /// u: the share of each level among `pairs` drawn at random, with one pseudo-pair per level (Laplace): a level
    /// no random pair showed is rare, not impossible, and must not weigh as if it were (a postal code that few
    /// identities carry agreeing in all 7 digits once weighed +19).
    public mutating func estimateU(randomPairs: [[Int?]]) {
        u = Self.levelShares(randomPairs, fields: fields, weights: nil, pseudoCount: 1)
    }

    /// m and λ by EM over the blocked pairs' level patterns, u fixed. Patterns are counted once each, so the work
    /// per iteration grows with the distinct patterns, not the pairs. Fields in `ignoring` (those the pairs were
    /// blocked on: every candidate agrees on them, whatever it is) take no part and keep their m.
    /// - Returns: the iterations run (it stops when no parameter moves by more than `tolerance`).
    @discardableResult
    public mutating func estimateM(pairs: [[Int?]], ignoring: Set<Int> = [], iterations: Int = 100,
                                   tolerance: Double = 1e-6) -> Int {
        var counts = [[Int?]: Double]()
        for pair in pairs { counts[Self.pattern(pair, ignoring: ignoring), default: 0] += 1 }
        return estimateM(patterns: counts, ignoring: ignoring, iterations: iterations, tolerance: tolerance)
    }

    /// A pair's levels with the ignored fields left out (nil).
    static func pattern(_ levels: [Int?], ignoring: Set<Int>) -> [Int?] {
        ignoring.isEmpty ? levels : levels.enumerated().map { ignoring.contains($0.offset) ? nil : $0.element }
    }

    /// The same, from the count of pairs of each level pattern (ignored fields already nil).
    @discardableResult
    public mutating func estimateM(patterns counts: [[Int?]: Double], ignoring: Set<Int> = [], iterations: Int = 100,
                                   tolerance: Double = 1e-6) -> Int {
        let patterns = Array(counts.keys)
        let weights = patterns.map { counts[$0]! }
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        for iteration in 1...iterations {
            // E: each pattern's probability of being a match under the current parameters.
            let matchWeights = zip(patterns, weights).map { probability($0) * $1 }
            // M: λ and m from the expected matches.
            let newPrior = min(max(matchWeights.reduce(0, +) / total, 1e-9), 1 - 1e-9)
            var newM = Self.levelShares(patterns, fields: fields, weights: matchWeights)
            for field in ignoring { newM[field] = m[field] }
            let moved = max(abs(newPrior - prior),
                            zip(newM, m).map { zip($0, $1).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0)
            prior = newPrior
            m = newM
            if moved < tolerance { return iteration }
        }
        return iterations
    }

    /// Per field, the weighted share of each level among the patterns where the field has a value, with a small
    /// pseudo-count per level.
    static func levelShares(_ patterns: [[Int?]], fields: [FieldKind], weights: [Double]?,
                            pseudoCount: Double = 1e-3) -> [[Double]] {
        fields.enumerated().map { field, kind in
            var counts = [Double](repeating: pseudoCount, count: kind.levelCount)
            for (index, pattern) in patterns.enumerated() {
                guard let level = pattern[field] else { continue }
                counts[level] += weights?[index] ?? 1
            }
            return normalized(counts)
        }
    }

    static func normalized(_ values: [Double]) -> [Double] {
        let total = values.reduce(0, +)
        return values.map { $0 / total }
    }
}
