import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseTesting
import Testing

@Suite struct DeathFileReaderTests {
    static func events(of text: String, chunkSize: Int = 4096) throws -> [SourceUnitEvent] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("deaths.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var events = [SourceUnitEvent]()
        try DeathFileReader(path: path, displayName: "deaths.csv", chunkSize: chunkSize).forEachEvent { events.append($0) }
        return events
    }

    @Test(arguments: DripFeed.chunkSizes)
    func aBadRowIsQuarantinedAndTheOthersRead(chunkSize: Int) throws {
        let good = DeathCertificateCSV.row(try DeathCertificateCSVReadingTests.sample()).map(CSVField.quote)
        var bad = good
        bad[6] = "2024-02-30"
        let text = ([DeathCertificateCSV.header] + [good, bad, good]).map { $0.joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
        let events = try Self.events(of: "\u{FEFF}" + text, chunkSize: chunkSize)
        #expect(events.count == 3)
        guard case .record(let first) = events[0], case .quarantined(let row) = events[1],
              case .record(let third) = events[2] else {
            Issue.record("expected certificate, quarantined, certificate; got \(events)")
            return
        }
        #expect(first.position.line == 2 && third.position.line == 4)
        #expect(first.sender == .municipality(try MunicipalityCode("131016")))
        #expect(first.identity.name == "髙橋　和子" && first.identity.address == "東京都千代田区1丁目2番3号, 401")
        #expect(first.death?.underlyingCause?.icd10 == "I69.3")
        #expect(first.death?.causes.map(\.line) == ["I-ア", "I-イ", "II"])
        #expect(first.death?.place == "hospital" && first.death?.manner == "natural")
        #expect(row.firstLine == 3 && row.problem.position.field == 7)
        #expect(row.problem.description.hasPrefix("deaths.csv, line 3, column 7"))
        #expect(String(decoding: row.rawBytes, as: UTF8.self) == bad.joined(separator: ",") + "\r\n")
    }

    @Test func aFileWithAnotherHeaderIsRefusedWhole() throws {
        let error = try #require(throws: SourceError.self) { try Self.events(of: "a,b,c\r\n1,2,3\r\n") }
        #expect(error.position.line == 1 && error.position.field == 1)
    }

    @Test func anEmptyFileIsRefused() throws {
        let error = try #require(throws: SourceError.self) { try Self.events(of: "") }
        #expect(error.problem.contains("empty"))
    }

    @Test func aHeaderAloneHasNoCertificates() throws {
        #expect(try Self.events(of: DeathCertificateCSV.header.joined(separator: ",") + "\r\n").isEmpty)
    }
}
