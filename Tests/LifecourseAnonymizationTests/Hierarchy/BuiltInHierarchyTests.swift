import Testing
@testable import LifecourseAnonymization

@Suite struct BuiltInHierarchyTests {
    static func levels(_ kind: BuiltInHierarchy, _ value: String, among values: [String] = []) throws -> [String] {
        let hierarchy = try kind.hierarchy(attribute: "x", values: values + [value])
        return (0..<hierarchy.height).map { hierarchy.generalize(value, to: $0)! }
    }

    @Test func bandsAgesUpToATopCode() throws {
        #expect(try Self.levels(.age(topCode: 90), "43") == ["43", "40-44", "40-49", "40-59", "*"])
        #expect(try Self.levels(.age(topCode: 90), "87") == ["87", "85-89", "80-89", "80-89", "*"])
        #expect(try Self.levels(.age(topCode: 90), "96") == ["96", "90+", "90+", "90+", "*"])
        #expect(try Self.levels(.age(topCode: 85), "83") == ["83", "80-84", "80-84", "80-84", "*"])
        #expect(try Self.levels(.age(topCode: 90), "90+", among: ["96"]) == ["90+", "90+", "90+", "90+", "*"])
    }

    @Test func generalizesDatesToMonthQuarterAndYear() throws {
        #expect(try Self.levels(.date, "2024-08-15") == ["2024-08-15", "2024-08", "2024-Q3", "2024", "*"])
        #expect(try Self.levels(.date, "20240105") == ["20240105", "2024-01", "2024-Q1", "2024", "*"])
    }

    @Test func generalizesMunicipalitiesToPrefectureAndRegionBlock() throws {
        #expect(try Self.levels(.region, "131016") == ["131016", "13", "関東", "*"])
        #expect(try Self.levels(.region, "01100") == ["01100", "01", "北海道", "*"])
        #expect(try Self.levels(.region, "472018") == ["472018", "47", "九州・沖縄", "*"])
        #expect(try Self.levels(.region, "271004") == ["271004", "27", "近畿", "*"])
        #expect(try Self.levels(.prefecture, "13") == ["13", "関東", "*"])
    }

    @Test func generalizesICD10ToCategoryAndChapter() throws {
        #expect(try Self.levels(.icd10, "E11.9") == ["E11.9", "E11", "Chapter IV", "*"])
        #expect(try Self.levels(.icd10, "I109") == ["I109", "I10", "Chapter IX", "*"])
        #expect(try Self.levels(.icd10, "S7200") == ["S7200", "S72", "Chapter XIX", "*"])
        #expect(try Self.levels(.icd10, "U071") == ["U071", "U07", "Chapter XXII", "*"])
    }

    @Test func generalizesYJCodesToIngredientAndTherapeuticClass() throws {
        #expect(try Self.levels(.yj, "3969007F1020") == ["3969007F1020", "3969007", "3969", "396", "*"])
    }

    @Test func cutsNumbersIntoNestedIntervals() throws {
        #expect(try Self.levels(.interval(width: 10), "37.5") == ["37.5", "[30, 40)", "[20, 40)", "[0, 40)", "*"])
        #expect(try Self.levels(.interval(width: 0.5), "6.7") == ["6.7", "[6.5, 7)", "[6, 7)", "[6, 8)", "*"])
    }

    @Test func keepsAMissingValueItsOwnGroupAndBuildsATree() throws {
        let hierarchy = try BuiltInHierarchy.date.hierarchy(attribute: "d", values: ["2024-01-31", "", "2024-02-01", ""])
        #expect(hierarchy.rows.count == 3 && hierarchy.generalize("", to: 2) == "" && hierarchy.generalize("", to: 4) == "*")
    }

    @Test func refusesAValueItCannotReadWithItsLine() throws {
        func problem(_ kind: BuiltInHierarchy, _ values: [String]) -> String {
            do {
                _ = try kind.hierarchy(attribute: "x", values: values, source: "in.csv", lines: values.indices.map { $0 + 2 })
                return ""
            } catch { return error.description }
        }
        #expect(problem(.age(topCode: 90), ["40", "forty"]).hasPrefix("in.csv, line 3: 'forty' of x is not an age"))
        #expect(problem(.date, ["2024-13-01"]).contains("line 2"))
        #expect(problem(.region, ["991234"]).contains("municipality code"))
        #expect(problem(.icd10, ["11E"]).contains("ICD-10"))
        #expect(problem(.yj, ["1234"]).contains("YJ"))
        #expect(throws: AnonymizationError.self) { try BuiltInHierarchy(name: "zip") }
        #expect(throws: AnonymizationError.self) { try BuiltInHierarchy(name: "interval:-1") }
        #expect(try BuiltInHierarchy(name: "age:85") == .age(topCode: 85))
    }
}
