import Testing
@testable import LifecourseAnonymization

@Suite struct EncodedTableTests {
    static let hierarchy = try! Hierarchy(attribute: "age", rows: (0..<100).map { ["\($0)", "\($0 / 10 * 10)", "*"] })

    /// Rows are coded in parts on several cores; a value missing from the hierarchy is reported for the first row
    /// that has one, whichever part finishes first.
    @Test func theFirstValueMissingFromItsHierarchyIsTheOneReported() {
        var rows = (0..<120_000).map { [String($0 % 100), "x"] }
        rows[110_000][0] = "200"
        rows[60_001][0] = "150"
        #expect(throws: AnonymizationError.unknownValue("150", attribute: "age", row: 60_003)) {
            try EncodedTable(header: ["age", "other"], rows: rows, hierarchies: [Self.hierarchy])
        }
    }

    @Test func aRowWithTooFewValuesIsReportedWithItsNumber() {
        var rows = (0..<70_000).map { [String($0 % 100), "x"] }
        rows[65_000] = ["3"]
        #expect(throws: AnonymizationError.invalid("row 65002 has 1 values for 2 columns")) {
            try EncodedTable(header: ["age", "other"], rows: rows, hierarchies: [Self.hierarchy])
        }
    }

    @Test func codesEveryRowInOrder() throws {
        let rows = (0..<120_000).map { [String($0 % 100), "x"] }
        let table = try EncodedTable(header: ["age", "other"], rows: rows, hierarchies: [Self.hierarchy])
        #expect(table.records == 120_000)
        #expect((0..<120_000).allSatisfy { table.names[0][0][Int(table.codes[$0])] == rows[$0][0] })
    }
}
