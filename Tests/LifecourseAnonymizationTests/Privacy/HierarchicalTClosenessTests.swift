import Foundation
import LifecourseCore
import Testing
@testable import LifecourseAnonymization

@Suite struct HierarchicalTClosenessTests {
    static let diseases = try! Hierarchy(attribute: "disease", rows: [
        ["flu", "respiratory", "*"], ["asthma", "respiratory", "*"], ["cancer", "neoplasm", "*"], ["diabetes", "metabolic", "*"],
    ])

    /// EMD over a tree metric computed another way: the ground distance of two values is the level of their lowest
    /// common ancestor over the height, which is a path through the tree with 1/(2H) per edge; so the distance is
    /// the sum, over every node but the root, of 1/(2H) times the absolute net mass that must cross its edge.
    static func edgeSum(_ hierarchy: Hierarchy, values: [String], class counts: [String: Int], overall: [String: Double]) -> Double {
        let height = Double(hierarchy.height - 1), size = Double(counts.values.reduce(0, +))
        var distance = 0.0
        for level in 0..<(hierarchy.height - 1) {
            var net = [String: Double]()
            for value in values {
                net[hierarchy.generalize(value, to: level)!, default: 0] += Double(counts[value] ?? 0) / size - overall[value]!
            }
            distance += net.values.reduce(0) { $0 + abs($1) } / (2 * height)
        }
        return distance
    }

    @Test func measuresTheDistanceByTheTree() throws {
        let values = ["flu", "asthma", "cancer", "diabetes"]
        let model = try HierarchicalTCloseness(t: 0.2, hierarchy: Self.diseases, values: values)
        let overall = [0.25, 0.25, 0.25, 0.25]
        // All of the class's mass on flu: 0.25 moves within respiratory (distance 1/2), 0.5 to the other groups (1).
        #expect(abs(model.distance(size: 4, sensitive: [0: 4], overall: overall) - (0.25 * 0.5 + 0.5)) < 1e-12)
        // Flu and asthma in equal parts: only the move between groups, 0.5 at distance 1.
        #expect(abs(model.distance(size: 4, sensitive: [0: 2, 1: 2], overall: overall) - 0.5) < 1e-12)
        #expect(model.distance(size: 4, sensitive: [0: 1, 1: 1, 2: 1, 3: 1], overall: overall) < 1e-12)
        var random = SplitMix64(seed: 3)
        for _ in 0..<200 {
            var counts = [String: Int]()
            for value in values where random.next() % 3 > 0 { counts[value] = 1 + Int(random.next() % 9) }
            guard !counts.isEmpty else { continue }
            var shares = values.map { _ in 1 + Double(random.next() % 10) }
            shares = shares.map { $0 / shares.reduce(0, +) }
            let sensitive = Dictionary(uniqueKeysWithValues: counts.map { (Int32(values.firstIndex(of: $0.key)!), $0.value) })
            let expected = Self.edgeSum(Self.diseases, values: values, class: counts,
                                        overall: Dictionary(uniqueKeysWithValues: zip(values, shares)))
            #expect(abs(model.distance(size: counts.values.reduce(0, +), sensitive: sensitive, overall: shares) - expected) < 1e-9)
        }
    }

    @Test func refusesAHierarchyThatDoesNotFit() {
        #expect(throws: AnonymizationError.self) { try HierarchicalTCloseness(t: 0.2, hierarchy: Self.diseases, values: ["flu", "gout"]) }
        let twoRoots = try! Hierarchy(attribute: "d", rows: [["a", "x"], ["b", "y"]])
        #expect(throws: AnonymizationError.self) { try HierarchicalTCloseness(t: 0.2, hierarchy: twoRoots, values: ["a", "b"]) }
    }

    /// Checked on the anonymized rows themselves, by the edge sum, not the engine's classes.
    @Test func holdsOnTheOutputRows() throws {
        var checked = 0
        for seed in UInt64(1)...10 {
            let data = try AnonymizerTests.smallTable(seed: seed)
            let table = try EncodedTable(header: data.header, rows: data.rows, hierarchies: data.hierarchies, sensitive: "disease")
            let model = try HierarchicalTCloseness(t: 0.15, hierarchy: Self.diseases, values: table.sensitiveValues)
            let anonymizer = Anonymizer(table: table, models: [model], suppressionLimit: 0.05, metric: .loss)
            guard let best = anonymizer.run().best else { continue }
            var classes = [[String]: [String: Int]]()
            for row in anonymizer.apply(best, header: data.header, rows: data.rows) {
                let key = Array(row[0..<3])
                if key.allSatisfy({ $0 == "*" }) && best.suppressedRecords > 0 { continue }
                classes[key, default: [:]][row[3], default: 0] += 1
            }
            var overall = [String: Double]()
            for row in data.rows { overall[row[3], default: 0] += 1 / Double(data.rows.count) }
            for (_, counts) in classes {
                #expect(Self.edgeSum(Self.diseases, values: Array(overall.keys), class: counts, overall: overall) <= 0.15 + 1e-9)
                checked += 1
            }
        }
        #expect(checked > 10)
    }
}
