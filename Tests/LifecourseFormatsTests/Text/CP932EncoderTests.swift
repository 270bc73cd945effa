import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseFormats

@Suite struct CP932EncoderTests {
    @Test func roundTripsTheClaimsFixture() throws {
        let bytes = try Fixtures.bytes(Fixtures.outpatientClaims)
        #expect(try CP932Encoder().encode(try CP932Decoder.decode(bytes)) == bytes)
    }

    @Test func choosesTheCodesWindowsChooses() throws {
        let encoder = CP932Encoder()
        #expect(try encoder.encode("髙") == [0xFB, 0xFC])
        #expect(try encoder.encode("①") == [0x87, 0x40])
        #expect(try encoder.encode("∵") == [0x81, 0xE6])
        #expect(try encoder.encode("ﾀﾞ") == [0xC0, 0xDE])
        #expect(try encoder.encode("～") == [0x81, 0x60])
    }

    @Test func agreesWithFoundationOnEveryCharacter() throws {
        let encoder = CP932Encoder()
        for (unit, _) in CP932Encoder.table where !(0xE000...0xF8FF).contains(unit) {
            let text = String(Character(Unicode.Scalar(unit)!))
            #expect(try encoder.encode(text) == Array(text.data(using: .shiftJIS)!), "\(text)")
        }
    }

    @Test func namesCharactersItCannotWrite() {
        #expect(throws: TextEncodingError.self) { try CP932Encoder().encode("𠮷") }
    }
}
