import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStatistics

@Suite struct TableSpecTests {
    @Test func everyBuiltInTableIsAValidSpecification() {
        for name in BuiltInTables.names {
            let spec = BuiltInTables.spec(name, year: 2024)
            #expect(spec?.problems() == [], "\(name)")
        }
        #expect(BuiltInTables.spec("no-such-table", year: 2024) == nil)
    }

    @Test func everyProblemIsReportedAtOnceWithItsFix() {
        let spec = TableSpec(
            name: "bad name", source: .care, measure: TableMeasure(.quantity),
            dimensions: [TableDimension(.labCategory, item: "3D046"), TableDimension(.ageBand, width: 0),
                         TableDimension(.sex), TableDimension(.sex), TableDimension(.drug, level: "atc")],
            period: .init(from: "2024-13-01", to: "2024-12-31"),
            disclosure: .init(threshold: 0, rounding: 7))
        let problems = spec.problems()
        for expected in ["name 'bad name'", "measure.kind quantity is not available for source care",
                         "dimensions[0]: labCategory is not available for source care", "dimensions[0].cuts is missing",
                         "dimensions[1].width must be 1 to 50", "dimensions: sex is given twice",
                         "dimensions[4].level 'atc' is not a drug level", "period.from '2024-13-01' is not a date",
                         "disclosure.threshold must be at least 1", "disclosure.rounding must be 5 or 10"] {
            #expect(problems.contains { $0.hasPrefix(expected) }, "missing: \(expected) in \(problems)")
        }
    }

    @Test func aFileIsReadWithItsProblemsNamedByPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = directory.file("good.json")
        try Data("""
            { "name": "hba1c", "source": "persons", "measure": { "kind": "persons" },
              "dimensions": [ { "kind": "sex" }, { "kind": "labCategory", "item": "3D046", "cuts": [5.6, 6.5, 8.0] } ],
              "period": { "from": "2024-01-01", "to": "2024-12-31" }, "disclosure": { "rounding": 5 } }
            """.utf8).write(to: good)
        let spec = try TableSpec.load(contentsOf: good)
        #expect(spec.dimensions.count == 2 && spec.disclosureSettings.personThreshold == 10
                && spec.disclosureSettings.rounding == 5 && spec.disclosureSettings.protectionInterval == 5)
        let wrongType = directory.file("wrong.json")
        try Data(#"{ "name": "x", "source": "persons", "measure": { "kind": "persons" }, "dimensions": [ { "kind": "region" } ], "period": { "from": "2024-01-01", "to": "2024-12-31" } }"#.utf8)
            .write(to: wrongType)
        #expect(throws: StatisticsError.self) { try TableSpec.load(contentsOf: wrongType) }
        do {
            _ = try TableSpec.load(contentsOf: wrongType)
        } catch {
            #expect(error.description.contains("wrong.json: dimensions[0].kind"), "\(error)")
        }
    }
}
