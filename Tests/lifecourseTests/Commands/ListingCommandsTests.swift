import Foundation
import LifecourseCore
import LifecourseStore
import LifecourseTesting
import Testing

@Suite struct ListingCommandsTests {
    /// A data directory with the fixture ingested.
    static func ingested(_ directory: TemporaryDirectory) throws -> (CommandRunner, String) {
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path
        let result = try lifecourse.run(["ingest", Fixtures.outpatientClaims.path, "--data", data])
        #expect(result.status == 0)
        return (lifecourse, data)
    }

    @Test func listsReceipts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (lifecourse, data) = try Self.ingested(directory)
        let receipts = try JSONDecoder().decode(
            [ReceiptRecord].self, from: Data(try lifecourse.run(["receipts", "--json", "--data", data]).standardOutput.utf8))
        #expect(receipts.map(\.unitsAccepted) == [75])
        #expect(receipts[0].fileName == Fixtures.outpatientClaims.path)
        let table = try lifecourse.run(["receipts", "--data", data]).standardOutput
        #expect(table.contains("1210000000"))
    }

    @Test func listsPersonsInOrderOfFirstAppearance() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (lifecourse, data) = try Self.ingested(directory)
        let persons = try JSONDecoder().decode(
            [PersonListing].self, from: Data(try lifecourse.run(["persons", "--json", "--data", data]).standardOutput.utf8))
        #expect(persons.count == 67)
        #expect(persons[0].birthYear == 1991)
        #expect(persons[0].rows == 27)  // claim 1: 3 diagnoses, 13 drugs, 6 procedures, 5 comments
        let page = try lifecourse.run(["persons", "--limit", "2", "--offset", "1", "--data", data]).standardOutput
        #expect(page.split(separator: "\n").count == 3)
        #expect(try lifecourse.run(["persons", "--limit", "0", "--data", data]).status != 0)
    }

    @Test func summarizesTheFirstPatient() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (lifecourse, data) = try Self.ingested(directory)
        let persons = try JSONDecoder().decode(
            [PersonListing].self, from: Data(try lifecourse.run(["persons", "--json", "--data", data]).standardOutput.utf8))
        let id = persons[0].researchID.description
        let text = try lifecourse.run(["summary", id, "--data", data])
        #expect(text.status == 0)
        for expected in ["2021-08-01", "2500013", "継続", "テスト", "寿限無寿限無", "医薬品 2021-10-01 620098801",
                         "診療行為 2021-10-01 111000110"] {
            #expect(text.standardOutput.contains(expected), "\(expected)")
        }
        let json = try JSONDecoder().decode(
            PersonSummary.self, from: Data(try lifecourse.run(["summary", id, "--json", "--data", data]).standardOutput.utf8))
        #expect(json.diagnoses.map(\.code) == ["2500013", "0000999", "0000999"])
    }

    @Test func showsCareAndDeathInTheSummary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path
        let care = directory.file("NINTEI.csv")
        try Data("NT,131011,0000123456,佐藤　花子,サトウ　ハナコ,2,19400601,22,20240410,20240401,20250331\r\n".utf8).write(to: care)
        let deaths = directory.file("deaths.csv")
        let header = "受理市区町村,受理番号,氏名,氏名カナ,性別,生年月日,死亡年月日,死亡時刻,死亡場所種別,死亡場所医療機関コード,住所,"
            + "I(ア)傷病名,I(ア)ICD10,I(ア)期間,I(イ)傷病名,I(イ)ICD10,I(イ)期間,I(ウ)傷病名,I(ウ)ICD10,I(ウ)期間,"
            + "I(エ)傷病名,I(エ)ICD10,I(エ)期間,II傷病名,IIICD10,II期間,死因の種類,診断医療機関コード"
        let row = "131016,1,山田　一郎,ヤマダ　イチロウ,1,1930-01-01,2024-05-06,10:15,6,,東京都千代田区,急性心筋梗塞,I219,1日,"
            + ",,,,,,,,,,,,1,"
        try Data((header + "\r\n" + row + "\r\n").utf8).write(to: deaths)
        let ingest = try lifecourse.run(["ingest", care.path, deaths.path, "--data", data])
        #expect(ingest.status == 0, "\(ingest.standardOutput)\(ingest.standardError)")
        #expect(ingest.standardOutput.contains("1 care records accepted"))
        #expect(ingest.standardOutput.contains("1 death certificates accepted"))
        let persons = try JSONDecoder().decode(
            [PersonListing].self, from: Data(try lifecourse.run(["persons", "--json", "--data", data]).standardOutput.utf8))
        #expect(persons.count == 2)
        let texts = try persons.map { try lifecourse.run(["summary", $0.researchID.description, "--data", data]).standardOutput }
        #expect(texts.contains { $0.contains("要介護認定 2024-04-10 要介護2 2024-04-01–2025-03-31") })
        #expect(texts.contains { $0.contains("死亡 death 2024-05-06") && $0.contains("I-ア I219 急性心筋梗塞 1日") })
        #expect(texts.allSatisfy { !$0.contains("傷病名 diagnoses") }, "no empty diagnosis table")
    }

    @Test func explainsAnUnknownOrMistypedResearchID() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (lifecourse, data) = try Self.ingested(directory)
        let valid = try ResearchID(rawValue: 12345).description
        let mistyped = try lifecourse.run(["summary", String(valid.dropLast()) + (valid.last == "A" ? "B" : "A"),
                                           "--data", data])
        #expect(mistyped.status != 0)
        #expect(mistyped.standardError.contains("check symbol"))
        let unknown = try lifecourse.run(["summary", valid, "--data", data])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("lifecourse persons"))
    }

    @Test func refusesToListAStoreThatDoesNotExist() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try CommandRunner().run(["receipts", "--data", directory.file("none").path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("there is no store"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("none").path))
    }
}
