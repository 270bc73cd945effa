import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// The HL7 v2.5 reader on the SS-MIX2 fixture (ISO-2022-JP) and on damaged or escaped input.
@Suite struct HL7MessageDecoderTests {
    static let adt00 = Fixtures.ssmix2Root
        .appendingPathComponent("999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1")

    static func segment(_ name: String, in segments: [HL7ParsedSegment]) throws -> HL7ParsedSegment {
        try #require(segments.first { $0.name == name })
    }

    @Test func readsThePatientOfTheFixtureFieldByField() throws {
        let segments = try HL7MessageDecoder.segments(of: try Fixtures.bytes(Self.adt00), file: "ADT-00")
        #expect(segments.map(\.name) == ["MSH", "EVN", "PID", "NK1", "PV1", "DB1", "OBX", "OBX", "OBX", "AL1", "IN1"])
        let msh = try Self.segment("MSH", in: segments)
        #expect(msh.value(1) == "|" && msh.value(2) == "^~\\&")
        #expect(msh.value(9) == "ADT" && msh.value(9, component: 2) == "A08" && msh.value(12) == "2.5")
        #expect(msh.repetitions(18) == [[""], ["ISO IR87"]])
        let pid = try Self.segment("PID", in: segments)
        #expect(pid.value(3) == "9999013")
        #expect(pid.value(5, component: 1) == "患者" && pid.value(5, component: 2) == "太郎")
        #expect(pid.value(5, repetition: 2, component: 1) == "カンジャ" && pid.value(5, repetition: 2, component: 8) == "P")
        #expect(pid.value(7) == "19480405" && pid.value(8) == "M")
        #expect(pid.value(11, component: 5) == "422-8033")
        #expect(pid.value(11, component: 8)?.hasPrefix("静岡県静岡市登呂") == true)
        #expect(pid.value(5, repetition: 3) == nil && pid.value(40) == nil)
        let obx = segments.filter { $0.name == "OBX" }
        #expect(obx.map { $0.value(3) } == ["9N001000000000001", "9N006000000000001", "5H010000009199911"])
        #expect(obx[0].value(3, component: 2) == "身長" && obx[0].value(5) == "167.8" && obx[0].value(6) == "cm")
        #expect(try Self.segment("IN1", in: segments).value(3) == "67999991")
        #expect(pid.number == 3 && pid.position.line == 3)
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func drippedBytesGiveTheSameSegments(chunk: Int) throws {
        let bytes = try Fixtures.bytes(Self.adt00)
        var decoder = HL7MessageDecoder(fileName: "ADT-00")
        for piece in DripFeed.chunks(bytes, size: chunk) { try decoder.decode(piece) }
        #expect(try decoder.finish() == (try HL7MessageDecoder.segments(of: bytes, file: "ADT-00")))
    }

    @Test func readsEveryFileOfTheFixturePatientAndNamesTheWrongOnes() throws {
        let files = Fixtures.files(under: Fixtures.ssmix2Root.appendingPathComponent("999/901/9999013"))
        #expect(files.count >= 18)
        for file in files {
            let segments = try HL7MessageDecoder.segments(of: try Fixtures.bytes(file), file: file.lastPathComponent)
            #expect(segments.first?.name == "MSH", "\(file.lastPathComponent)")
        }
        // Patient 0000001's folder holds deliberately wrong files: each is read or refused with the file named.
        for file in Fixtures.files(under: Fixtures.ssmix2Root.appendingPathComponent("000/000/0000001")) {
            let bytes = try Fixtures.bytes(file)
            do throws(SourceError) {
                _ = try HL7MessageDecoder.segments(of: bytes, file: file.lastPathComponent)
            } catch {
                #expect(error.position.file == file.lastPathComponent && error.position.line != nil)
            }
        }
    }

    @Test func placesAnEncodingErrorInItsSegment() throws {
        var bytes = try ISO2022JPEncoder().encode("MSH|^~\\&|A\rPID|1||123\rPV1|1|O\r")
        bytes.insert(0xE3, at: bytes.count - 3)
        #expect(throws: SourceError.self) { try HL7MessageDecoder.segments(of: bytes, file: "BAD") }
        do throws(SourceError) {
            _ = try HL7MessageDecoder.segments(of: bytes, file: "BAD")
        } catch {
            #expect(error.position.line == 3 && error.problem.contains("ISO-2022-JP"))
        }
    }

    @Test func unescapesWhatTheWriterEscapes() throws {
        let values = ["a|b", "c^d", "e&f", "g~h", "i\\j", "\\F\\ literally", "山田|太郎^様"]
        var message = HL7Message(type: "ADT^A08^ADT_A01", controlID: "1", timestamp: "20240501", sendingApplication: "A",
                                 sendingFacility: "B")
        var segment = HL7Segment("NTE")
        segment[3] = HL7Segment.join(components: values)
        message.append(segment)
        let bytes = try ISO2022JPEncoder().encode(message.text)
        let nte = try Self.segment("NTE", in: try HL7MessageDecoder.segments(of: bytes, file: "NTE"))
        #expect((1...values.count).map { nte.value(3, component: $0) } == values)
        let text = "MSH|^~\\&|A\rNTE|1||line\\.br\\two \\X41\\\\H\\bold\\N\\\r"
        let plain = try Self.segment("NTE", in: try HL7MessageDecoder.segments(of: Array(text.utf8), file: "NTE"))
        #expect(plain.value(3) == "line\ntwo Abold")
    }

    @Test func namesTheSegmentFieldAndComponentOfAProblem() throws {
        func problem(_ text: String) throws -> SourceError? {
            let bytes = try ISO2022JPEncoder().encode(text)
            do throws(SourceError) {
                _ = try HL7MessageDecoder.segments(of: bytes, file: "BAD")
                return nil
            } catch {
                return error
            }
        }
        let unclosed = try #require(try problem("MSH|^~\\&|A\rPID|1||123||山田^太\\S郎\r"))
        #expect(unclosed.position.line == 2 && unclosed.position.field == 5, "\(unclosed)")
        #expect(unclosed.problem.contains("PID-5.2") && unclosed.problem.contains("not closed"))
        let name = try #require(try problem("MSH|^~\\&|A\rpid|1\r"))
        #expect(name.position.line == 2 && name.problem.contains("segment name"))
        let noHeader = try #require(try problem("PID|1||123\r"))
        #expect(noHeader.position.line == 1 && noHeader.problem.contains("MSH"))
        #expect(try problem("MSH|^^\\&|A\r")?.problem.contains("five different separators") == true)
        #expect(try problem("")?.problem.contains("no HL7 segment") == true)
        // A message cut inside a two-byte character: the file is named, with the byte.
        var cut = try Fixtures.bytes(Self.adt00)
        let kanji = try #require(cut.firstIndex(of: 0x1B)) + 4
        cut.removeSubrange(kanji...)
        var decoder = HL7MessageDecoder(fileName: "CUT")
        try decoder.decode(cut)
        #expect(throws: SourceError.self) { try decoder.finish() }
    }
}
