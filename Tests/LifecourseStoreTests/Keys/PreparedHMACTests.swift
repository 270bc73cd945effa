import Crypto
import Foundation
@testable import LifecourseStore
import Testing

@Suite struct PreparedHMACTests {
    @Test func matchesRFC4231TestCase2() {
        var hmac = PreparedHMAC(key: Array("Jefe".utf8)).message
        hmac.update("what do ya want ")
        hmac.update(Data("for nothing?".utf8))
        #expect(hmac.finalize().map { String(format: "%02x", $0) }.joined()
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func givesSwiftCryptosCodeForAnyKeyAndMessage() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 31, 32, 63, 64, 65, 200] {
            let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let message = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let prepared = PreparedHMAC(key: key)
            var hmac = prepared.message
            hmac.update(message)
            let expected = Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
            #expect(hmac.finalize() == expected)
            // The prepared key is not consumed by a message.
            var again = prepared.message
            again.update(message)
            #expect(again.finalize() == expected)
        }
    }
}
