import Crypto
import Foundation
public import LifecourseCore

/// The pseudonyms and date shifts of one release: HMAC-SHA256 under a key drawn at random for the release and kept
/// nowhere, so that two releases' pseudonyms cannot be joined (not even by whoever holds the master key; the store
/// keeps each included person's pseudonym in the provision record instead).
public struct ReleasePseudonyms: Sendable {
    private let key: [UInt8]

    /// A fresh key.
    public init() {
        key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// A given key (tests, to compare runs).
    public init(key: [UInt8]) {
        self.key = key
    }

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A person's pseudonym in this release: `P` and 15 symbols of Crockford's base32 (75 bits), unlike a research ID
    /// (12 symbols in groups of four), so that neither can be taken for the other.
    public func pseudonym(_ person: ResearchID) -> String {
        let code = Array(HMAC<SHA256>.authenticationCode(for: Data("pseudonym|\(person.rawValue)".utf8), using: SymmetricKey(data: key)))
        var bits = 0 as UInt64, symbols = "P"
        for index in 0..<8 { bits = bits << 8 | UInt64(code[index]) }
        for _ in 0..<12 {
            symbols.append(Self.alphabet[Int(bits >> 59)])
            bits <<= 5
        }
        var more = UInt64(code[8]) << 8 | UInt64(code[9])
        for _ in 0..<3 {
            symbols.append(Self.alphabet[Int(more >> 11 & 31)])
            more <<= 5
        }
        return symbols
    }

    /// A person's date shift in this release: a whole number of days from −`maximum` to `maximum`, never 0 when
    /// `maximum` > 0, the same for all of the person's dates (intervals between them are kept).
    public func dayShift(_ person: ResearchID, maximum: Int) -> Int {
        guard maximum > 0 else { return 0 }
        let code = Array(HMAC<SHA256>.authenticationCode(for: Data("shift|\(person.rawValue)".utf8), using: SymmetricKey(data: key)))
        let number = code.prefix(8).reduce(0 as UInt64) { $0 << 8 | UInt64($1) }
        let magnitude = 1 + Int(number % UInt64(maximum))
        return number >> 63 == 0 ? magnitude : -magnitude
    }
}
