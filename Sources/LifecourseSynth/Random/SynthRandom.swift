import Foundation
import LifecourseCore

/// The generator's random numbers: xoshiro256** (Blackman and Vigna 2018) seeded through SplitMix64, so that
/// the same seed gives the same population on every machine. Each person draws from a stream of their own
/// (``stream(_:_:)``), so adding a record type to one part of the model does not reshuffle everyone else.
public struct SynthRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// An independent stream for one purpose (e.g. person 123's life), derived from the run's seed.
    public static func stream(_ seed: UInt64, _ purpose: UInt64, _ index: UInt64 = 0) -> SynthRandom {
        SynthRandom(seed: seed ^ (purpose &* 0x9E37_79B9_7F4A_7C15) ^ (index &* 0xD1B5_4A32_D192_ED03))
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A number in [0, 1).
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        p > 0 && uniform() < p
    }

    /// A whole number in the range.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// A normal variate (Box–Muller).
    public mutating func normal(mean: Double, sd: Double) -> Double {
        let u1 = max(uniform(), 1e-300)
        let u2 = uniform()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    /// An element chosen with the given weights (cumulative weights make this a binary search).
    public mutating func pick<T>(_ table: WeightedTable<T>) -> T {
        table.value(at: uniform() * table.total)
    }

    /// One of the elements, uniformly.
    public mutating func element<C: RandomAccessCollection>(_ collection: C) -> C.Element where C.Index == Int {
        collection[collection.startIndex + int(0...(collection.count - 1))]
    }
}

/// Values with weights, ready for drawing.
public struct WeightedTable<T>: Sendable where T: Sendable {
    public let values: [T]
    private let cumulative: [Double]
    public var total: Double { cumulative.last ?? 0 }

    public init(_ pairs: [(T, Double)]) {
        values = pairs.map(\.0)
        var sum = 0.0
        cumulative = pairs.map { sum += max($0.1, 0); return sum }
    }

    func value(at point: Double) -> T {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > point { high = middle } else { low = middle + 1 }
        }
        return values[low]
    }
}
