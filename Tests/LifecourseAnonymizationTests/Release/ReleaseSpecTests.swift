import Foundation
import Testing
@testable import LifecourseAnonymization

@Suite struct ReleaseSpecTests {
    static func spec(_ json: String) throws -> ReleaseSpec { try JSONDecoder().decode(ReleaseSpec.self, from: Data(json.utf8)) }

    @Test func anAnonymizedReleaseAppliesEveryRuleByDefaultAPseudonymizedOneNone() throws {
        let anonymized = try Self.spec(#"{ "name": "a", "recipient": "r", "tables": { "person": ["sex", "age"] }, "privacy": { "k": 3 } }"#)
        #expect(anonymized.problems().isEmpty)
        #expect(anonymized.dateShiftDays == 30 && anonymized.ageTopCode == 90 && anonymized.rareCodeMinimum == 3)
        #expect(anonymized.labQuantiles == [0.01, 0.99] && anonymized.quasiIdentifiers == ["sex", "age"])
        let pseudonymized = try Self.spec(#"{ "name": "p", "recipient": "r", "mode": "pseudonymized", "tables": { "person": [] } }"#)
        #expect(pseudonymized.problems().isEmpty, "no privacy model needed")
        #expect(pseudonymized.dateShiftDays == 0 && pseudonymized.ageTopCode == nil && pseudonymized.labQuantiles == nil)
    }

    @Test func listsEveryProblemWithItsFix() throws {
        let spec = try Self.spec("""
            { "name": "x", "recipient": " ", "tables": { "drug": ["yj", "dose"] },
              "cohort": { "from": "2024-12-31", "to": "2024-01-01", "ages": { "from": 80, "to": 20 } },
              "rules": { "dateShiftDays": 400, "labQuantiles": [0.6, 0.4] },
              "privacy": { "k": 5, "quasiIdentifiers": ["age"] } }
            """)
        let problems = spec.problems()
        for expected in ["recipient is empty", "'dose' is not a field of it", "tables.person is missing", "cohort.from is after",
                         "cohort.ages.from is above", "dateShiftDays must be 0 to 365", "labQuantiles must be two shares",
                         "'age' is not among tables.person's fields"] {
            #expect(problems.contains { $0.contains(expected) }, "\(expected) in \(problems)")
        }
    }

    @Test func namesTheFieldAMalformedFileLacks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{ "name": "x", "tables": {} }"#.utf8).write(to: directory)
        #expect(throws: AnonymizationError.self) { try ReleaseSpec.load(contentsOf: directory) }
        do { _ = try ReleaseSpec.load(contentsOf: directory) } catch { #expect(error.description.contains("recipient is missing")) }
    }
}
