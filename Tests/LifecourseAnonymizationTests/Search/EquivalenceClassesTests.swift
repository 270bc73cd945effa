import Testing
@testable import LifecourseAnonymization

@Suite struct EquivalenceClassesTests {
    /// Classes counted from the rows directly, for any levels.
    static func reference(_ rows: [[String]], _ hierarchies: [Hierarchy], levels: [Int]) -> [[String]: Int] {
        var classes = [[String]: Int]()
        for row in rows { classes[zip(hierarchies, levels).enumerated().map { $1.0.generalize(row[$0], to: $1.1)! }, default: 0] += 1 }
        return classes
    }

    /// Eight attributes of 300 values each: their codes do not pack into 64 bits at level 0 (300^8 > 2^64), so the
    /// classes are grouped by tuples there and by packed numbers above; both must give the rows' own classes.
    @Test func groupsByTuplesWhenCodesDoNotPackIntoSixtyFourBits() throws {
        let hierarchies = try (0..<8).map { attribute in
            try Hierarchy(attribute: "a\(attribute)", rows: (0..<300).map { ["\($0)", "\($0 / 30)", "*"] })
        }
        var state: UInt64 = 9
        let rows = (0..<3_000).map { _ in
            (0..<8).map { _ -> String in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return String((state >> 33) % 300 / UInt64(1 + (state >> 60) % 3))
            }
        }
        let table = try EncodedTable(header: hierarchies.map(\.attribute), rows: rows, hierarchies: hierarchies)
        let root = EquivalenceClasses(table: table)
        #expect(EquivalenceClasses.packing(table.names.map { $0[0].count }) == nil)
        for levels in [[0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2, 1, 0], [1, 2, 1, 2, 1, 2, 1, 2]] {
            let classes = root.generalized(to: levels, in: table)
            let expected = Self.reference(rows, hierarchies, levels: levels)
            var found = [[String]: Int]()
            for member in 0..<classes.count {
                found[classes.key(member).enumerated().map { table.names[$0][levels[$0]][Int($1)] }] = classes.sizes[member]
            }
            #expect(found == expected, "levels \(levels)")
        }
    }
}
