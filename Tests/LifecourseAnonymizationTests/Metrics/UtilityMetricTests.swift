import Foundation
import Testing
@testable import LifecourseAnonymization

@Suite struct UtilityMetricTests {
    /// Four records, one attribute of four values in two pairs: every metric by hand.
    @Test func computesEachMetricAsDefined() throws {
        let hierarchy = try Hierarchy(attribute: "a", rows: [["1", "1-2", "*"], ["2", "1-2", "*"], ["3", "3-4", "*"], ["4", "3-4", "*"]])
        let rows = [["1"], ["1"], ["2"], ["3"]]
        let table = try EncodedTable(header: ["a"], rows: rows, hierarchies: [hierarchy])
        let anonymizer = Anonymizer(table: table, models: [KAnonymity(k: 2)], suppressionLimit: 0.25, metric: .entropy)
        let root = EquivalenceClasses(table: table)
        let level1 = anonymizer.outcome(root.generalized(to: [1], in: table), overall: [])
        // Level 1: classes {1,1,2} and {3}; the second is suppressed (1 record of 4).
        #expect(level1.classes.sizes == [3, 1] && level1.suppressed == [false, true] && level1.isAnonymous)
        let kept = Double(3), all = Double(4)
        // Non-uniform entropy: 2·log2(3/2) + 1·log2(3/1) + 1·log2(1/1).
        #expect(abs(UtilityMetric.entropy.lowerBound([1], table: table) - (2 * log2(1.5) + log2(3))) < 1e-12)
        // Loss: a 1-2 cell stands for 2 of 4 values: (2−1)/(4−1); the suppressed cell loses 1.
        let loss = UtilityMetric.loss.value([1], classes: level1.classes, suppressed: level1.suppressed, suppressedRecords: 1, table: table)
        #expect(abs(loss - ((kept * (1.0 / 3) + 1) / all)) < 1e-12)
        let precision = UtilityMetric.precision.value([1], classes: level1.classes, suppressed: level1.suppressed,
                                                      suppressedRecords: 1, table: table)
        #expect(abs(precision - ((kept * 0.5 + 1) / all)) < 1e-12)
        let discernibility = UtilityMetric.discernibility.value([1], classes: level1.classes, suppressed: level1.suppressed,
                                                                suppressedRecords: 1, table: table)
        #expect(discernibility == 9 + 4)
        let aecs = UtilityMetric.aecs.value([1], classes: level1.classes, suppressed: level1.suppressed, suppressedRecords: 1, table: table)
        #expect(aecs == 2)
    }
}
