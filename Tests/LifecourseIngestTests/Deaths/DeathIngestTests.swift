import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseIngest

@Suite struct DeathIngestTests {
    static func certificate(_ name: String, kana: String, birth: String, death: String) throws -> DeathCertificate {
        DeathCertificate(
            municipality: try MunicipalityCode("472018"), acceptanceNumber: "R6-\(name.count)", name: name,
            kanaName: kana, sex: .male, birthDate: try CalendarDate(iso: birth), deathDate: try CalendarDate(iso: death),
            deathTime: "", place: .home, placeInstitution: nil, address: "沖縄県那覇市泉崎1丁目2番2号",
            causes: [.init(name: "急性心筋梗塞", icd10: "I219", duration: "1日"),
                     .init(name: "高血圧症", icd10: "I10", duration: "12年")],
            contributing: nil, kind: .natural, certifyingInstitution: try InstitutionCode("4711010019"))
    }

    static func file(in directory: TemporaryDirectory) throws -> String {
        var rows = [DeathCertificateCSV.header]
        rows.append(DeathCertificateCSV.row(try certificate("比嘉　正", kana: "ヒガ　タダシ", birth: "1940-01-02", death: "2024-05-06")))
        var bad = DeathCertificateCSV.row(try certificate("金城　誠", kana: "キンジョウ　マコト", birth: "1950-03-04", death: "2024-05-07"))
        bad[12] = "心筋梗塞"
        rows.append(bad)
        rows.append(DeathCertificateCSV.row(try certificate("知念　勇", kana: "チネン　イサム", birth: "1935-07-08", death: "2024-05-09")))
        let path = directory.file("202405.csv").path
        try Data(rows.map { $0.map(CSVField.quote).joined(separator: ",") }.joined(separator: "\r\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func storesDeathsWithTheirCausesAndQuarantinesTheRowThatCannotBeRead() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let path = try Self.file(in: directory)
        let ingestor = Ingestor(store: test.store)
        let report = ingestor.ingest(file: path)
        #expect(report.status == .ingested, "\(report.message ?? "")")
        let receipt = try #require(report.receipt)
        #expect(receipt.format == SourceFormat.deathCertificates.rawValue)
        #expect(receipt.institution == "472018")
        #expect((receipt.unitsRead, receipt.unitsAccepted, receipt.unitsQuarantined) == (3, 2, 1))
        let (persons, quarantine, deaths) = try test.store.read { reader in
            (try reader.persons(), try reader.quarantine(includeRaw: true), try reader.deathCount())
        }
        #expect(deaths == 2 && persons.count == 2)
        #expect(quarantine.first?.problemLine == 3 && quarantine.first?.problemColumn == 13)
        #expect(quarantine.first?.rawText?.contains("金城") == true)
        let summaries = try test.store.read { reader in try persons.map { try reader.summary(of: $0.researchID) } }
        let death = try #require(summaries.compactMap(\.death).first { $0.date.description == "2024-05-06" })
        #expect(death.underlyingCause == "I10")
        #expect(death.causes.map(\.line) == ["I-ア", "I-イ"])
        #expect(death.causes.first?.name == "急性心筋梗塞" && death.place == "home" && death.manner == "natural")
        let identities = try test.store.read { reader in try reader.identities(of: persons[0].researchID) }
        #expect(identities.first?.address == "沖縄県那覇市泉崎1丁目2番2号")
        #expect(!(try test.allBytes()).contains(bytes: Array("泉崎".utf8)), "addresses stay sealed")
        #expect(ingestor.ingest(file: path).status == .unchanged)
    }

    @Test func theFormatIsToldByTheHeaderWithOrWithoutAByteOrderMark() {
        let header = Array(DeathCertificateCSV.header.joined(separator: ",").utf8)
        #expect(FormatDetector.detect(head: header) == .deathCertificates)
        #expect(FormatDetector.detect(head: [0xEF, 0xBB, 0xBF] + header) == .deathCertificates)
        #expect(FormatDetector.detect(head: Array("受理市区町村,番号".utf8)) == nil)
    }
}
