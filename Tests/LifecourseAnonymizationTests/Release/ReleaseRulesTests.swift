import LifecourseCore
import LifecourseStore
import Testing
@testable import LifecourseAnonymization

@Suite struct ReleaseRulesTests {
    static func row(_ person: Int64, _ values: [String: String]) -> ReleaseRow {
        ReleaseRow(person: try! ResearchID(rawValue: person), date: "2024-01-01", values: values)
    }

    @Test func takesTheAgeFromTheYearAndMonthOfBirth() throws {
        let day = try CalendarDate(iso: "2024-06-30")
        #expect(ReleaseRules.age(yearOfBirth: 1950, monthOfBirth: 6, on: day) == 74)
        #expect(ReleaseRules.age(yearOfBirth: 1950, monthOfBirth: 7, on: day) == 73)
        #expect(ReleaseRules.age(yearOfBirth: nil, monthOfBirth: nil, on: day) == nil)
    }

    /// A code held by fewer than the minimum of persons goes up its hierarchy until enough hold it, else `*`.
    @Test func generalizesRareCodesByThePersonsHoldingThem() {
        var rows = (1...5).map { Self.row($0, ["icd10": "E11.9"]) }      // 5 persons: kept
            + (6...8).map { Self.row($0, ["icd10": "E11.\($0)"]) }       // 1 each, but E11 has 8
            + [Self.row(9, ["icd10": "Q87.1"]), Self.row(9, ["icd10": "Q87.1"])] // one person twice: Q87 rare → *
            + [Self.row(10, ["icd10": ""])]
        let changed = ReleaseRules.generalizeRareCodes(&rows, field: "icd10", minimum: 5)
        #expect(rows.map { $0.values["icd10"]! } == Array(repeating: "E11.9", count: 5) + ["E11", "E11", "E11", "*", "*", ""])
        #expect(changed == 5)
        var drugs = (1...6).map { Self.row($0, ["yj": "396900\($0)F1020"]) }
        _ = ReleaseRules.generalizeRareCodes(&drugs, field: "yj", minimum: 5)
        #expect(drugs.allSatisfy { $0.values["yj"] == "3969" }, "ingredients differ, the class is shared")
    }

    @Test func codesLabValuesOutsideTheQuantilesOfTheirItem() {
        var rows = (0..<101).map { Self.row(Int64($0 + 1), ["item": "HbA1c", "value": String(Double($0) / 10 + 4)]) }
            + [Self.row(200, ["item": "LDL", "value": "900"])]
        let changed = ReleaseRules.codeExtremes(&rows, field: "value", groupedBy: "item", low: 0.05, high: 0.95)
        let hba1c = rows.prefix(101).map { Double($0.values["value"]!)! }
        #expect(hba1c.min() == 4.5 && hba1c.max() == 13.5 && changed == 10)
        #expect(rows.last?.values["value"] == "900", "an item's only value is its own quantile")
    }
}
