import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseFormats

@Suite struct CP932DecoderTests {
    /// ① (87 40), ㈱ (87 8A), 髙 at both its codes (FB FC IBM, EE E0 NEC-selected), ～ (81 60),
    /// half-width ﾀﾞ (C0 DE), ASCII backslash (5C) and a full-width digit.
    static let sample: [UInt8] = [0x87, 0x40, 0x87, 0x8A, 0xFB, 0xFC, 0xEE, 0xE0, 0x81, 0x60, 0xC0, 0xDE, 0x5C, 0x82, 0x50]

    @Test func decodesWindowsExtensionsAndHalfWidthKana() throws {
        #expect(try CP932Decoder.decode(Self.sample) == "①㈱髙髙～ﾀﾞ\\１")
    }

    @Test func agreesWithFoundationOnTheClaimsFixture() throws {
        let bytes = try Fixtures.bytes(Fixtures.outpatientClaims)
        let reference = try #require(String(data: Data(bytes), encoding: .shiftJIS))
        #expect(try CP932Decoder.decode(bytes) == reference)
    }

    @Test(arguments: DripFeed.chunkSizes)
    func decodesTheSameWhenDripFed(chunkSize: Int) throws {
        let bytes = try Fixtures.bytes(Fixtures.outpatientClaims) + Self.sample
        var decoder = CP932Decoder()
        var text = ""
        for chunk in DripFeed.chunks(bytes, size: chunkSize) {
            try decoder.decode(chunk, into: &text)
        }
        try decoder.finish()
        #expect(text == (try CP932Decoder.decode(bytes)))
        #expect(decoder.byteCount == bytes.count)
    }

    @Test func reportsTheByteOffsetOfAnUnassignedCode() {
        // 85 40 is an unassigned row in CP932.
        let bytes: [UInt8] = Array("abc".utf8) + [0x85, 0x40]
        #expect(throws: TextDecodingError(encoding: "CP932", byteOffset: 3, bytes: [0x85, 0x40],
                                          reason: "the double-byte code is not assigned")) {
            try CP932Decoder.decode(bytes)
        }
    }

    @Test(arguments: DripFeed.chunkSizes)
    func reportsTheSameOffsetWhenDripFed(chunkSize: Int) {
        let bytes: [UInt8] = Array(repeating: 0x41, count: 5000) + [0x82, 0x50, 0xFF, 0x41]
        var decoder = CP932Decoder()
        var text = ""
        do {
            for chunk in DripFeed.chunks(bytes, size: chunkSize) {
                try decoder.decode(chunk, into: &text)
            }
            Issue.record("0xFF was accepted")
        } catch {
            #expect(error.byteOffset == 5002)
            #expect(error.bytes == [0xFF])
        }
    }

    @Test func reportsInputThatEndsInsideACharacter() throws {
        var decoder = CP932Decoder()
        var text = ""
        try decoder.decode([0x41, 0x82], into: &text)
        #expect(text == "A")
        #expect(throws: TextDecodingError.self) { try decoder.finish() }
    }

    @Test func mapsTheUserDefinedAreaToPrivateUse() throws {
        #expect(try CP932Decoder.decode([0xF0, 0x40]) == "\u{E000}")
        #expect(try CP932Decoder.decode([0xF9, 0xFC]) == "\u{E757}")
    }
}
