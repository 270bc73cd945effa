public import Foundation

extension JSONEncoder {
    /// Compact, keys sorted: the same value always encodes to the same bytes (for digests of specifications).
    public static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
