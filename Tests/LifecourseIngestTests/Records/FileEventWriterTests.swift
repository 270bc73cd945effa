import Foundation
import LifecourseCore
@testable import LifecourseFormats
import LifecourseLinkage
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseIngest

/// Care files go through the row-oriented ingest: certifications and claims on one person, bad units quarantined.
@Suite struct FileEventWriterTests {
    @Test func storesCertificationsAndCareClaimsOnThePersonOfTheInsuredNumber() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let nintei = directory.file("NINTEI.csv").path
        let kyufu = directory.file("KYUFU.csv").path
        try Data(CareFileWriter.certifications([try CareSamples.certification()]).utf8)
            .write(to: URL(fileURLWithPath: nintei))
        var claims = CareFileWriter.claims([try CareSamples.claim(), try CareSamples.claim()])
        claims = claims.replacingOccurrences(of: "10,11000,2\r\n01", with: "10,11000,3\r\n01")
        try Data(claims.utf8).write(to: URL(fileURLWithPath: kyufu))
        let ingestor = Ingestor(store: test.store)
        let reports = try ingestor.ingest(paths: [nintei, kyufu])
        #expect(reports.map(\.status) == [.ingested, .ingested], "\(reports.map(\.message))")
        #expect(reports.map { $0.receipt?.format } == [SourceFormat.careRecords.rawValue, SourceFormat.careRecords.rawValue])
        #expect(reports[1].receipt?.unitsAccepted == 1 && reports[1].receipt?.unitsQuarantined == 1)
        #expect(reports[1].receipt?.institution == "131011")
        let (persons, care, quarantine) = try test.store.read { reader in
            let persons = try reader.persons()
            return (persons, try reader.care(of: persons[0].researchID), try reader.quarantine())
        }
        #expect(persons.count == 1)
        #expect(care.certifications.map(\.level) == ["22"])
        #expect(care.claims.count == 1 && care.claims.first?.services.map(\.kind) == ["11", "15"])
        #expect(care.claims.first?.totalUnits == 11000)
        #expect(quarantine.first?.problemLine == 4)
        let identities = try test.store.read { reader in try reader.identities(of: persons[0].researchID) }
        #expect(identities.map(\.careInsurance?.insuredNumber) == ["0000123456", "0000123456"])
        #expect(!(try test.allBytes()).contains(bytes: Array("0000123456".utf8)), "insured numbers stay sealed")
    }

    @Test func countsWhatItStoresForTheReceipt() throws {
        let test = try TestStore()
        defer { test.remove() }
        let digest = Data(repeating: 7, count: 32)
        let counts = try test.store.write { transaction in
            let receiptID = try transaction.beginReceipt(
                NewReceipt(digest: digest, fileName: "RECEIPTC.UKE", fileSize: 10, format: "claims-medical"))
            var writer = FileEventWriter(
                writer: SourceRecordWriter(transaction: transaction, linker: DeterministicLinker(), digest: digest),
                receiptID: receiptID)
            let problem = SourceError(at: SourcePosition(file: "RECEIPTC.UKE", line: 3, field: 2), problem: "broken",
                                      fix: "send it again")
            for event: FileEvent in [
                .sender("1310000011"), .sender("9999999999"),
                .quarantined(firstLine: 2, lastLine: 4, problem: problem, problemCount: 2, raw: Array("RE,1".utf8)),
                .unknownRecord(UnknownRecord(recordType: "ZZ", text: "ZZ,1",
                                             position: SourcePosition(file: "RECEIPTC.UKE", line: 5))),
                .warning("GO missing"),
            ] {
                try writer.write(event)
            }
            return writer.counts
        }
        #expect(counts.institution == "1310000011", "the first sender named")
        #expect(counts.unitsRead == 1 && counts.unitsQuarantined == 1 && counts.unitsAccepted == 0)
        #expect(counts.unknownRecords == 1)
        #expect(counts.warnings == ["GO missing"])
        #expect(try test.store.read { try $0.quarantine() }.map(\.problemLine) == [3])
    }
}
