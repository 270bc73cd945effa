import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// A 特定健診 CDA document read back: the header's card, name, sex, birth date and address, the centre, the day,
/// every item with its typed value and line; malformed or incomplete documents refused with their place.
@Suite struct CheckupCDAReaderTests {
    static func read(_ xml: String) throws(SourceError) -> CheckupDocument {
        try CheckupCDAReader.read(Data(xml.utf8), file: "h.xml")
    }

    @Test func readsBackWhatTheWriterWrote() throws {
        let written = try CheckupSamples.document()
        let read = try Self.read(CheckupCDAWriter.xml(written))
        #expect(read.examinee.insurerNumber == "06139463" && read.examinee.symbol == "ＡＢ－０１")
        #expect(read.examinee.number == "123" && read.examinee.branch == "01")
        #expect(read.examinee.kanaName == "ヤマダ タロウ" && read.examinee.sex == .male)
        #expect(read.examinee.birthDate.description == "1970-01-02")
        #expect(read.examinee.postalCode == "100-0001" && read.examinee.address == "東京都千代田区")
        #expect(read.centre.code == "1311234567" && read.centre.name == "千代田健診センター")
        #expect(read.examDate.description == "2024-06-03" && read.createdOn.description == "2024-07-01")
        #expect(read.reportKind == "10" && read.program == "010")
        #expect(read.observations.map { CheckupDocument.Observation(itemCode: $0.itemCode, name: $0.name, value: $0.value) }
                == written.observations, "every item, with its escaped text restored")
        #expect(read.observations.allSatisfy { ($0.line ?? 0) > 40 })
    }

    @Test func findsObservationsNestedInTheBodyAndSkipsThoseWithoutAValue() throws {
        var xml = CheckupCDAWriter.xml(try CheckupSamples.document())
        let nested = """
                  <entry><organizer classCode="CLUSTER" moodCode="EVN"><component>
                    <observation classCode="OBS" moodCode="EVN">
                      <code code="3D046000001906202" codeSystem="1.2.392.200119.6.1005" displayName="HbA1c"/>
                      <value xsi:type="PQ" value="5.8" unit="%"/>
                      <entryRelationship typeCode="COMP"><observation classCode="OBS" moodCode="EVN">
                        <code code="9N141000000000011" codeSystem="1.2.392.200119.6.1005" displayName="採血時間"/>
                        <value xsi:type="CD" code="1" codeSystem="1.2.392.200119.6.2141" displayName="食後10時間以上"/>
                      </observation></entryRelationship>
                    </observation></component></organizer></entry>
                  <entry><observation classCode="OBS" moodCode="EVN">
                    <code code="3F015000002327101" codeSystem="1.2.392.200119.6.1005" displayName="中性脂肪"/>
                    <value xsi:type="PQ" nullFlavor="NI"/>
                  </observation></entry>

            """
        xml = xml.replacingOccurrences(of: "        </section>", with: nested + "        </section>")
        let read = try Self.read(xml)
        let codes = read.observations.map(\.itemCode)
        #expect(codes.contains("3D046000001906202") && codes.contains("9N141000000000011"))
        #expect(!codes.contains("3F015000002327101"), "no value (nullFlavor): not an observation")
    }

    @Test func placesMalformedXMLByLineAndColumn() throws {
        let xml = CheckupCDAWriter.xml(try CheckupSamples.document())
        let cut = String(xml.prefix(xml.count * 2 / 3))
        #expect {
            _ = try Self.read(cut)
        } throws: { error in
            guard let error = error as? SourceError else { return false }
            return error.problem.contains("ends before its root element closes") && error.position.line != nil
        }
        let mismatched = xml.replacingOccurrences(of: "</recordTarget>", with: "</recordTargets>")
        #expect {
            _ = try Self.read(mismatched)
        } throws: { error in
            guard let error = error as? SourceError else { return false }
            return error.problem.contains("not well-formed") && error.position.line == 21 && error.position.field != nil
        }
    }

    @Test func refusesBytesThatAreNotUTF8WithTheirLine() throws {
        var bytes = Array(CheckupCDAWriter.xml(try CheckupSamples.document()).utf8)
        let third = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        bytes.insert(0xFF, at: third + 2)
        do throws(SourceError) {
            _ = try CheckupCDAReader.read(Data(bytes), file: "h.xml")
            Issue.record("0xFF was accepted")
        } catch {
            #expect(error.position.line == 3 && error.position.byteOffset == third + 2 && error.problem.contains("UTF-8"))
        }
        #expect(throws: SourceError.self) { try CheckupCDAReader.checkUTF8(Data([0xE3, 0x81]), file: "cut") }
        #expect(throws: SourceError.self) { try CheckupCDAReader.checkUTF8(Data([0xED, 0xA0, 0x80]), file: "surrogate") }
        try CheckupCDAReader.checkUTF8(Data("健診 ok 𠮷".utf8), file: "fine")
    }

    @Test func refusesADocumentWithoutTheCardOrWithAnUnknownSex() throws {
        let xml = CheckupCDAWriter.xml(try CheckupSamples.document())
        let noCard = xml.replacingOccurrences(of: "root=\"\(CheckupOID.number)\"", with: "root=\"9.9\"")
        #expect(throws: SourceError.self) { try Self.read(noCard) }
        let unknownSex = xml.replacingOccurrences(of: "<administrativeGenderCode code=\"1\"", with: "<administrativeGenderCode code=\"3\"")
        do throws(SourceError) {
            _ = try Self.read(unknownSex)
            Issue.record("a sex code 3 was accepted")
        } catch {
            #expect(error.problem.contains("administrativeGenderCode '3'"))
        }
    }
}
