import Foundation
import LifecourseCore
import Testing
@testable import LifecourseAnonymization

@Suite struct AnonymizerTests {
    /// ARX's own test suite (TestAnonymizationKAnonymity): Adult, all nine attributes, non-uniform entropy.
    @Test(arguments: [
        (5, 0.04, [1, 0, 1, 1, 3, 2, 2, 0, 1], 255_559.85455731067),
        (100, 0.04, [1, 1, 1, 1, 3, 2, 2, 1, 1], 379_417.3460570988),
        (5, 0.0, [1, 2, 1, 1, 3, 2, 2, 1, 1], 407_289.5388925293),
        (100, 0.0, [0, 4, 1, 1, 3, 2, 2, 1, 1], 453_196.8932458743),
    ])
    func findsTheOptimumARXExpectsOnAdult(k: Int, limit: Double, expected: [Int], loss: Double) throws {
        let adult = try AdultData.load()
        let table = try EncodedTable(header: adult.header, rows: adult.rows, hierarchies: adult.hierarchies)
        let anonymizer = Anonymizer(table: table, models: [KAnonymity(k: k)], suppressionLimit: limit, metric: .entropy)
        let result = anonymizer.run()
        let best = try #require(result.best)
        #expect(best.levels == expected)
        #expect(abs(best.loss - loss) < 1e-6)
        #expect(best.suppressedRecords <= Int(limit * Double(adult.rows.count)))
        // Checked on the output itself, not the engine's bookkeeping: every combination of the nine generalized
        // values that is not suppressed occurs at least k times.
        let output = anonymizer.apply(best, header: adult.header, rows: adult.rows)
        let columns = AdultData.attributes.map { adult.header.firstIndex(of: $0)! }
        var classes = [[String]: Int]()
        var suppressed = 0
        for row in output {
            let key = columns.map { row[$0] }
            if key.allSatisfy({ $0 == "*" }) { suppressed += 1 } else { classes[key, default: 0] += 1 }
        }
        #expect(classes.values.allSatisfy { $0 >= k }, "smallest class \(classes.values.min() ?? 0)")
        #expect(suppressed == best.suppressedRecords && suppressed <= Int(limit * Double(adult.rows.count)))
        #expect(result.evaluated < result.latticeSize / 5, "the search evaluated \(result.evaluated) of \(result.latticeSize)")
    }
}

extension AnonymizerTests {
    /// A small random table: three quasi-identifiers with hierarchies of 2–4 levels and a sensitive attribute.
    static func smallTable(seed: UInt64) throws -> (header: [String], rows: [[String]], hierarchies: [Hierarchy]) {
        var random = SplitMix64(seed: seed)
        func pick(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let age = try Hierarchy(attribute: "age", rows: (20..<40).map { ["\($0)", "\($0 / 5 * 5)-\($0 / 5 * 5 + 4)", "\($0 / 10 * 10)s", "*"] })
        let zip = try Hierarchy(attribute: "zip", rows: (0..<8).map { ["1300\($0)", "1300*", "*"] })
        let sex = try Hierarchy(attribute: "sex", rows: [["M", "*"], ["F", "*"]])
        let diseases = ["flu", "cancer", "asthma", "diabetes"]
        let rows = (0..<(60 + pick(120))).map { _ in
            ["\(20 + pick(20))", "1300\(pick(8))", pick(2) == 0 ? "M" : "F", diseases[pick(pick(3) == 0 ? 4 : 2)]]
        }
        return (["age", "zip", "sex", "disease"], rows, [age, zip, sex])
    }

    /// The search returns what evaluating every transformation returns, for every model, metric and limit.
    @Test func equalsExhaustiveSearchOnSmallLattices() throws {
        var random = SplitMix64(seed: 99)
        let metrics = UtilityMetric.allCases
        for seed in UInt64(1)...300 {
            let data = try Self.smallTable(seed: seed)
            let table = try EncodedTable(header: data.header, rows: data.rows, hierarchies: data.hierarchies, sensitive: "disease")
            let k = 2 + Int(random.next() % 4)
            let choices: [[any PrivacyModel]] = [
                [KAnonymity(k: k)], [KAnonymity(k: k), DistinctLDiversity(l: 2)], [EntropyLDiversity(l: 1.5)], [EntropyLDiversity(l: 1.9)],
                [RecursiveCLDiversity(c: 3, l: 2)], [RecursiveCLDiversity(c: 1.5, l: 2)], [EqualDistanceTCloseness(t: 0.15)], [KAnonymity(k: k), EqualDistanceTCloseness(t: 0.3)],
                [try HierarchicalTCloseness(t: 0.2, hierarchy: HierarchicalTClosenessTests.diseases, values: table.sensitiveValues)],
                [AverageRisk(threshold: 0.15)], [KAnonymity(k: k), AverageRisk(threshold: 0.08)], [MaximumRisk(threshold: 0.34)],
            ]
            let models = choices[Int(random.next() % UInt64(choices.count))]
            let limit = [0.0, 0.02, 0.1, 0.3][Int(random.next() % 4)]
            let metric = metrics[Int(random.next() % UInt64(metrics.count))]
            let anonymizer = Anonymizer(table: table, models: models, suppressionLimit: limit, metric: metric)
            let found = anonymizer.run().best, reference = anonymizer.exhaustive()
            #expect(found?.levels == reference?.levels, "seed \(seed), \(models), \(metric), limit \(limit)")
            #expect(found?.loss == reference?.loss)
        }
    }
}
