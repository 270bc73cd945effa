import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseTesting
import Testing

@Suite struct CareFileDecoderTests {
    static func events(_ text: String, chunk: Int = 4096) -> [SourceUnitEvent] {
        var splitter = CSVSplitter()
        var decoder = CareFileDecoder(fileName: "KYUFU.csv")
        var events = [SourceUnitEvent]()
        for piece in DripFeed.chunks(Array(text.utf8), size: chunk) { events += decoder.decode(splitter.split(piece)) }
        return events + decoder.decode(splitter.finish()) + decoder.finish()
    }

    static func records(_ events: [SourceUnitEvent]) -> [SourceRecord] {
        events.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    static func quarantined(_ events: [SourceUnitEvent]) -> [QuarantinedRow] {
        events.compactMap { if case .quarantined(let row) = $0 { row } else { nil } }
    }

    @Test(arguments: DripFeed.chunkSizes)
    func writtenCertificationsAndClaimsReadBackUnchanged(chunk: Int) throws {
        let text = CareFileWriter.certifications([try CareSamples.certification()]) + CareFileWriter.claims([try CareSamples.claim(), try CareSamples.claim()])
        let events = Self.events(text, chunk: chunk)
        #expect(Self.quarantined(events).isEmpty)
        let records = Self.records(events)
        #expect(records.count == 3)
        let certification = try CareSamples.certification()
        #expect(records[0].care == .certification(.init(insurerNumber: "131011", level: .care2,
                                                         certifiedOn: certification.certifiedOn,
                                                         validFrom: certification.validFrom, validUntil: certification.validUntil)))
        #expect(records[0].identity.name == "佐藤　花子" && records[0].identity.kanaName == "サトウ　ハナコ")
        #expect(records[0].identity.careInsurance == CareInsuranceCard(insurerNumber: "131011", insuredNumber: "0000123456"))
        let claim = try CareSamples.claim()
        #expect(records[1].care == .claim(.init(serviceMonth: claim.serviceMonth, providerNumber: "1371000015",
                                                insurerNumber: "131011", level: .care2, services: claim.services)))
        #expect(records[1].identity.name == nil && records[1].identity.birthDate == claim.birthDate)
        #expect(records[1].sender == .insurer("131011"))
        #expect((records[1].position.line, records[1].lastLine) == (2, 5))
        #expect((records[2].position.line, records[2].lastLine) == (6, 9))
        #expect(records.map(\.unitRecordType) == ["NT", "01", "01"])
    }

    @Test func remarksOfAClaimAreReadAsFreeTextWithTheirLines() throws {
        var claim = try CareSamples.claim()
        let position = SourcePosition(file: "KYUFU.csv")
        claim.remarks = [Located("月途中で要介護2に変更, \"区分変更\"", at: position), Located("12日死亡により終了", at: position)]
        let text = CareFileWriter.claims([claim])
        #expect(text.components(separatedBy: "\r\n").map { $0.prefix(3) } == ["01,", "02,", "02,", "16,", "16,", "10,", ""])
        let events = Self.events(text)
        #expect(Self.quarantined(events).isEmpty)
        let record = try #require(Self.records(events).first)
        #expect(record.freeText.map(\.text) == claim.remarks.map(\.value))
        #expect(record.freeText.map(\.recordType) == ["16", "16"])
        #expect(record.freeText.map(\.position.line) == [4, 5])
        #expect(record.lastLine == 6)
        // A 16 record outside a claim is quarantined alone.
        let outside = Self.quarantined(Self.events("16,摘要だけ\r\n"))
        #expect(outside.count == 1 && outside[0].problem.problem.contains("outside a claim"))
    }

    @Test func aClaimWhoseTotalDisagreesIsQuarantinedWhole() throws {
        var lines = CareFileWriter.claims([try CareSamples.claim(), try CareSamples.claim()]).components(separatedBy: "\r\n")
        lines[3] = "10,11001,2"
        let events = Self.events(lines.joined(separator: "\r\n"))
        let rows = Self.quarantined(events)
        #expect(rows.count == 1 && Self.records(events).count == 1)
        #expect((rows[0].firstLine, rows[0].lastLine) == (1, 4))
        #expect(rows[0].problem.position.line == 4 && rows[0].problem.position.field == 2)
        #expect(rows[0].problem.problem.contains("11000"))
        #expect(String(decoding: rows[0].rawBytes, as: UTF8.self).hasPrefix("01,202405,"))
    }

    @Test func aClaimWithoutItsTotalIsQuarantinedAtTheNextClaimAndAtTheEnd() throws {
        let claim = CareFileWriter.claims([try CareSamples.claim()])
        let open = claim.components(separatedBy: "\r\n").prefix(3).joined(separator: "\r\n") + "\r\n"
        let events = Self.events(open + claim + open)
        #expect(Self.records(events).count == 1)
        let rows = Self.quarantined(events)
        #expect(rows.map(\.firstLine) == [1, 8])
        #expect(rows.allSatisfy { $0.problem.problem.contains("no 10") })
    }

    @Test func recordsOutsideAClaimAndUnknownKindsAreQuarantinedAlone() throws {
        let text = "02,11,100,1\r\nZZ,1\r\n" + CareFileWriter.certifications([try CareSamples.certification()])
        let events = Self.events(text)
        #expect(Self.records(events).count == 1)
        let rows = Self.quarantined(events)
        #expect(rows.count == 2)
        #expect(rows[0].problem.problem.contains("outside a claim"))
        #expect(rows[1].problem.problem.contains("'ZZ'"))
    }

    @Test func badValuesNameTheirColumn() throws {
        func problem(_ edit: (inout [String]) -> Void) throws -> SourceError {
            var fields = CareFileWriter.certifications([try CareSamples.certification()]).split(separator: "\r\n")[0]
                .components(separatedBy: ",")
            edit(&fields)
            let rows = Self.quarantined(Self.events(fields.joined(separator: ",") + "\r\n"))
            return try #require(rows.first?.problem)
        }
        #expect(try problem { $0[7] = "26" }.position.field == 8)
        #expect(try problem { $0[2] = "12345" }.position.field == 3)
        #expect(try problem { $0[1] = "13101" }.position.field == 2)
        #expect(try problem { $0[6] = "19401301" }.position.field == 7)
        #expect(try problem { $0[10] = "20240301" }.problem.contains("before it starts"))
        #expect(try problem { $0[3] = "" }.position.field == 4)
        #expect(try problem { $0.removeLast() }.problem.contains("11 fields"))
    }

    @Test func careFilesAreRecognisedByTheirFirstRecord() throws {
        let certification = CareFileWriter.certifications([try CareSamples.certification()])
        let claim = CareFileWriter.claims([try CareSamples.claim()])
        #expect(CareFileDecoder.looksLikeCareRecord(firstLine: Array(certification.utf8.prefix { $0 != 0x0D })))
        #expect(CareFileDecoder.looksLikeCareRecord(firstLine: Array(claim.utf8.prefix { $0 != 0x0D })))
        #expect(!CareFileDecoder.looksLikeCareRecord(firstLine: Array("01,2,3".utf8)))
        #expect(!CareFileDecoder.looksLikeCareRecord(firstLine: Array("NT,abc".utf8)))
    }
}
