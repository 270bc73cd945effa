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
