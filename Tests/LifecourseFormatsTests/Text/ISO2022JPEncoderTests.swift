import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseFormats

@Suite struct ISO2022JPEncoderTests {
    @Test func roundTripsTheSSMIX2Fixtures() throws {
        let encoder = ISO2022JPEncoder()
        for file in ISO2022JPDecoderTests.hl7Files {
            let text = try ISO2022JPDecoder.decode(try Fixtures.bytes(file))
            guard encoder.canEncode(text) else { continue }  // a few fixture files use NEC row 13
            #expect(try ISO2022JPDecoder.decode(encoder.encode(text)) == text, "\(file.lastPathComponent)")
        }
    }

    @Test func agreesWithFoundation() throws {
        let text = "PID|0001||123^^^^PI||山田^太郎^^^^^L^I~ヤマダ^タロウ^^^^^L^P||19480405|M"
        #expect(try ISO2022JPEncoder().encode(text) == Array(text.data(using: .iso2022JP)!))
    }

    @Test func writesHalfWidthKanaFullWidthAndRefusesWhatJISX0208Lacks() throws {
        #expect(try ISO2022JPDecoder.decode(ISO2022JPEncoder().encode("ﾔﾏﾀﾞ")) == "ヤマダ")
        #expect(throws: TextEncodingError.self) { try ISO2022JPEncoder().encode("髙橋") }
        #expect(throws: TextEncodingError.self) { try ISO2022JPEncoder().encode("①") }
    }
}
