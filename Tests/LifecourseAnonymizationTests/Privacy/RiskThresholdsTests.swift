import Testing
@testable import LifecourseAnonymization

@Suite struct RiskThresholdsTests {
    @Test func boundTheHighestAndTheAverageRisk() {
        #expect(MaximumRisk(threshold: 0.2).accepts(size: 5, sensitive: [:], overall: []))
        #expect(!MaximumRisk(threshold: 0.2).accepts(size: 4, sensitive: [:], overall: []))
        #expect(AverageRisk(threshold: 0.1).acceptsTable(keptClasses: 10, keptRecords: 100))
        #expect(!AverageRisk(threshold: 0.1).acceptsTable(keptClasses: 11, keptRecords: 100))
    }

    /// The average risk of the released rows, counted from the rows: classes over records kept.
    @Test func averageRiskHoldsOnTheOutputRows() throws {
        var checked = 0
        for seed in UInt64(1)...10 {
            let data = try AnonymizerTests.smallTable(seed: seed)
            let table = try EncodedTable(header: data.header, rows: data.rows, hierarchies: data.hierarchies)
            let anonymizer = Anonymizer(table: table, models: [AverageRisk(threshold: 0.1), MaximumRisk(threshold: 0.5)],
                                        suppressionLimit: 0.05, metric: .entropy)
            guard let best = anonymizer.run().best else { continue }
            var classes = [[String]: Int]()
            for row in anonymizer.apply(best, header: data.header, rows: data.rows) {
                let key = Array(row[0..<3])
                if key.allSatisfy({ $0 == "*" }) && best.suppressedRecords > 0 { continue }
                classes[key, default: 0] += 1
            }
            let kept = classes.values.reduce(0, +)
            #expect(Double(classes.count) / Double(kept) <= 0.1 + 1e-12 && classes.values.allSatisfy { $0 >= 2 })
            checked += 1
        }
        #expect(checked > 5)
    }
}
