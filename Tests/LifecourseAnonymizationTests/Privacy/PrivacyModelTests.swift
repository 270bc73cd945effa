import Foundation
import Testing
@testable import LifecourseAnonymization

@Suite struct PrivacyModelTests {
    static let overall = [0.5, 0.3, 0.2]

    @Test func eachModelAcceptsWhatItsDefinitionAccepts() {
        let even: [Int32: Int] = [0: 2, 1: 2, 2: 2], skewed: [Int32: Int] = [0: 5, 1: 1]
        #expect(KAnonymity(k: 6).accepts(size: 6, sensitive: [:], overall: []))
        #expect(!KAnonymity(k: 7).accepts(size: 6, sensitive: [:], overall: []))
        #expect(DistinctLDiversity(l: 3).accepts(size: 6, sensitive: even, overall: Self.overall))
        #expect(!DistinctLDiversity(l: 3).accepts(size: 6, sensitive: skewed, overall: Self.overall))
        // Entropy of (5/6, 1/6) is 0.65 bits: below log2(1.6) = 0.678, above log2(1.5) = 0.585.
        #expect(EntropyLDiversity(l: 1.5).accepts(size: 6, sensitive: skewed, overall: Self.overall))
        #expect(!EntropyLDiversity(l: 1.6).accepts(size: 6, sensitive: skewed, overall: Self.overall))
        // Recursive (c, 2): r1 < c · (r2 + …): 5 < 6 · 1 holds, 5 < 4 · 1 does not.
        #expect(RecursiveCLDiversity(c: 6, l: 2).accepts(size: 6, sensitive: skewed, overall: Self.overall))
        #expect(!RecursiveCLDiversity(c: 4, l: 2).accepts(size: 6, sensitive: skewed, overall: Self.overall))
        // Equal-distance EMD of (1/3, 1/3, 1/3) from (0.5, 0.3, 0.2): (1/6 + 1/30 + 2/15) / 2 = 1/6.
        #expect(abs(EqualDistanceTCloseness.distance(size: 6, sensitive: even, overall: Self.overall) - 1.0 / 6) < 1e-12)
        #expect(EqualDistanceTCloseness(t: 0.17).accepts(size: 6, sensitive: even, overall: Self.overall))
        #expect(!EqualDistanceTCloseness(t: 0.16).accepts(size: 6, sensitive: even, overall: Self.overall))
    }

    /// l-diversity and t-closeness checked on the anonymized rows themselves, not the engine's classes.
    @Test func holdOnTheOutputRows() throws {
        for seed in UInt64(1)...10 {
            let data = try AnonymizerTests.smallTable(seed: seed)
            let table = try EncodedTable(header: data.header, rows: data.rows, hierarchies: data.hierarchies, sensitive: "disease")
            let anonymizer = Anonymizer(table: table, models: [DistinctLDiversity(l: 2), EqualDistanceTCloseness(t: 0.4)],
                                        suppressionLimit: 0.05, metric: .loss)
            guard let best = anonymizer.run().best else { continue }
            var classes = [[String]: [String: Int]]()
            var suppressed = 0
            for row in anonymizer.apply(best, header: data.header, rows: data.rows) {
                let key = Array(row[0..<3])
                if key.allSatisfy({ $0 == "*" }) && best.suppressedRecords > 0 { suppressed += 1; continue }
                classes[key, default: [:]][row[3], default: 0] += 1
            }
            var overall = [String: Double]()
            for row in data.rows { overall[row[3], default: 0] += 1 / Double(data.rows.count) }
            for (_, counts) in classes {
                let size = Double(counts.values.reduce(0, +))
                #expect(counts.count >= 2)
                let distance = overall.reduce(0.0) { $0 + abs(Double(counts[$1.key] ?? 0) / size - $1.value) } / 2
                #expect(distance <= 0.4 + 1e-9)
            }
            #expect(suppressed == best.suppressedRecords && Double(suppressed) <= 0.05 * Double(data.rows.count))
        }
    }
}
