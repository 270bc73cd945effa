import Foundation

/// Unicode normalization for Japanese text, per field.
///
/// Linux Foundation's `precomposedStringWithCompatibilityMapping` leaves half-width voiced kana decomposed
/// (`ﾀﾞ` stays `タ` + U+3099); decomposing with compatibility mapping and then composing canonically gives NFKC.
/// Normalize short fields, not whole files: whole-buffer normalization grows superlinearly.
public enum UnicodeNormalization {
    /// Unicode NFKC: `ﾀﾞｲｺﾝ` → `ダイコン`, `ＡＢＣ１２３` → `ABC123`, `㈱` → `(株)`, `①` → `1`.
    public static func nfkc(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return String(text) }
        return String(text).decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }
}
