import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseFormats

@Suite struct ISO2022JPDecoderTests {
    /// The HL7 files of the fixture tree; the tree also holds a deliberately wrong file (two CP932 bytes
    /// under ADT-31), which is not ISO-2022-JP.
    static var hl7Files: [URL] {
        Fixtures.files(under: Fixtures.ssmix2Root).filter { !$0.path.contains("/ADT-31/") }
    }

    @Test func agreesWithFoundationOnEverySSMIX2File() throws {
        let files = Self.hl7Files
        #expect(files.count >= 20)
        for file in files {
            let bytes = try Fixtures.bytes(file)
            let reference = try #require(String(data: Data(bytes), encoding: .iso2022JP), "\(file.lastPathComponent)")
            #expect(try ISO2022JPDecoder.decode(bytes) == reference, "\(file.lastPathComponent)")
        }
    }

    @Test func refusesTheFixtureFileThatIsNotISO2022JP() throws {
        let wrong = try #require(Fixtures.files(under: Fixtures.ssmix2Root).first { $0.path.contains("/ADT-31/") })
        #expect(throws: TextDecodingError.self) { try ISO2022JPDecoder.decode(try Fixtures.bytes(wrong)) }
    }

    @Test(arguments: DripFeed.chunkSizes)
    func decodesTheSameWhenDripFed(chunkSize: Int) throws {
        for file in Self.hl7Files {
            let bytes = try Fixtures.bytes(file)
            var decoder = ISO2022JPDecoder()
            var text = ""
            for chunk in DripFeed.chunks(bytes, size: chunkSize) {
                try decoder.decode(chunk, into: &text)
            }
            try decoder.finish()
            #expect(text == (try ISO2022JPDecoder.decode(bytes)), "\(file.lastPathComponent)")
        }
    }

    @Test func decodesKanjiKatakanaAndNECRow13() throws {
        // ESC $ B 日本 ESC ( I ｶﾅ ESC $ B ① ㈱ ESC ( B A
        let bytes: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x49, 0x36, 0x45,
                              0x1B, 0x24, 0x42, 0x2D, 0x21, 0x2D, 0x6A, 0x1B, 0x28, 0x42, 0x41]
        #expect(try ISO2022JPDecoder.decode(bytes) == "日本ｶﾅ①㈱A")
    }

    @Test func keepsDelimiterBytesInsideTwoByteCharacters() throws {
        // 日 is 46 7C: its second byte is HL7's field separator '|'; decoding first keeps it whole.
        let bytes: [UInt8] = [0x41, 0x7C, 0x1B, 0x24, 0x42, 0x46, 0x7C, 0x1B, 0x28, 0x42, 0x7C]
        #expect(try ISO2022JPDecoder.decode(bytes) == "A|日|")
    }

    @Test func reportsEightBitBytesWithTheirOffset() {
        let bytes: [UInt8] = [0x41, 0x42, 0xB1]
        #expect(throws: TextDecodingError(encoding: "ISO-2022-JP", byteOffset: 2, bytes: [0xB1],
                                          reason: "ISO-2022-JP has only 7-bit bytes")) {
            try ISO2022JPDecoder.decode(bytes)
        }
    }

    @Test func namesUnsupportedCharacterSets() {
        // ESC $ ( D selects JIS X 0212.
        do {
            _ = try ISO2022JPDecoder.decode([0x41, 0x1B, 0x24, 0x28, 0x44, 0x30, 0x21])
            Issue.record("JIS X 0212 was accepted")
        } catch {
            #expect(error.byteOffset == 1)
            #expect(error.reason.contains("JIS X 0212"))
        }
    }

    @Test func reportsInputThatEndsInsideAnEscapeSequence() throws {
        var decoder = ISO2022JPDecoder()
        var text = ""
        try decoder.decode([0x41, 0x1B, 0x24], into: &text)
        #expect(throws: TextDecodingError.self) { try decoder.finish() }
    }
}
