import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// One message file as one unit: read, quarantined whole, or refused when no hospital can be named.
@Suite struct SSMIX2FileReaderTests {
    static func events(_ text: String, institution: InstitutionCode?) throws -> [SourceUnitEvent] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("message.hl7")
        try Data(try ISO2022JPEncoder().encode(text)).write(to: file)
        var events = [SourceUnitEvent]()
        try SSMIX2FileReader(path: file.path, institution: institution, storage: nil).forEachEvent(progress: { _ in }) {
            events.append($0)
        }
        return events
    }

    static let visit = "MSH|^~\\&|HIS|1310000011|GW|RCV|20240510090000||ADT^A04^ADT_A01|1|P|2.5||||||~ISO IR87\r"
        + "EVN||20240510\rPID|0001||00123^^^^PI||山田^太郎^^^^^L^I||19800101|M\rPV1|0001|O\r"

    @Test func takesTheHospitalFromMSH4WhenNoneIsGiven() throws {
        let events = try Self.events(Self.visit, institution: nil)
        guard case .record(let record) = try #require(events.last) else {
            Issue.record("\(events)")
            return
        }
        #expect(record.sender.code == "1310000011" && record.unitRecordType == "ADT-12")
        #expect(record.encounter?.setting == .outpatient && record.encounter?.startDate.description == "2024-05-10")
        #expect(record.identity.patientNumber == "00123", "outside a storage, PID-3 is the patient ID")
    }

    @Test func refusesTheFileWhenNoHospitalCanBeNamed() throws {
        let text = Self.visit.replacingOccurrences(of: "|1310000011|", with: "|SEND|")
        #expect(throws: SourceError.self) { try Self.events(text, institution: nil) }
        let named = try Self.events(text, institution: try InstitutionCode("1310000029"))
        guard case .record(let record) = try #require(named.last) else { return }
        #expect(record.sender.code == "1310000029")
    }

    @Test func quarantinesAMessageWithAWrongValueWhole() throws {
        let text = Self.visit.replacingOccurrences(of: "19800101", with: "19801301")
        let events = try Self.events(text, institution: nil)
        guard case .quarantined(let row) = try #require(events.first) else {
            Issue.record("\(events)")
            return
        }
        #expect(row.problem.position.line == 3 && row.problem.position.field == 7 && row.firstLine == 1)
        #expect(row.rawBytes == (try ISO2022JPEncoder().encode(text)), "kept as received")
    }

    @Test func warnsOfACharacterSetOtherThanJISX0208() throws {
        let text = Self.visit.replacingOccurrences(of: "~ISO IR87", with: "~ISO IR100")
        let events = try Self.events(text, institution: nil)
        guard case .warning(let warning) = try #require(events.first) else {
            Issue.record("\(events)")
            return
        }
        #expect(warning.problem.contains("MSH-18") && warning.position.field == 18)
    }
}
