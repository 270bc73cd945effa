import Foundation
import LifecourseStore
import LifecourseTesting
import Testing

@Suite struct MastersCommandTests {
    @Test func importsTheMastersAndListsTheCodesTheyDoNotKnow() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path
        let imported = try lifecourse.run(["masters", "import", Fixtures.masters.path, "--data", data])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("コメント master, 3857 of 3857 rows loaded"))
        #expect(imported.standardOutput.contains("LICENSE-receiptisan.txt: not a 支払基金 master"))
        let again = try lifecourse.run(["masters", "import", Fixtures.master("b_ALL00000000.csv").path, "--data", data])
        #expect(again.status == 0 && again.standardOutput.contains("loaded before"))
        #expect(try lifecourse.run(["ingest", Fixtures.outpatientClaims.path, "--data", data]).status == 0)
        let missing = try lifecourse.run(["masters", "missing", "--limit", "3", "--data", data])
        #expect(missing.status == 0)
        #expect(missing.standardOutput.contains("masters loaded (codes): b 傷病名 5, s 診療行為 5"))
        #expect(missing.standardOutput.contains("codes not in their master"))
        let json = try JSONDecoder().decode([MissingMasterCode].self, from: Data(
            try lifecourse.run(["masters", "missing", "--json", "--data", data]).standardOutput.utf8))
        #expect(!json.isEmpty && json.allSatisfy { $0.rows > 0 })
        let persons = try JSONDecoder().decode(
            [PersonListing].self, from: Data(try lifecourse.run(["persons", "--json", "--data", data]).standardOutput.utf8))
        let summary = try lifecourse.run(["summary", persons[0].researchID.description, "--data", data])
        #expect(summary.standardOutput.contains("ICD-10"))
    }

    @Test func failsWhenNothingIsAMaster() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try CommandRunner().run(["masters", "import", Fixtures.outpatientClaims.path, "--data",
                                              directory.file("data").path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("not a 支払基金 master"))
    }
}
