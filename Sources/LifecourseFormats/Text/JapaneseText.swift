import Foundation

/// Unicode normalization for Japanese text, per field.
///
/// Linux Foundation's `precomposedStringWithCompatibilityMapping` leaves half-width voiced kana decomposed
/// (`ﾀﾞ` stays `タ` + U+3099); decomposing with compatibility mapping and then composing canonically gives NFKC.
/// Normalize short fields, not whole files: whole-buffer normalization grows superlinearly.
public enum JapaneseText {
    /// Unicode NFKC: `ﾀﾞｲｺﾝ` → `ダイコン`, `ＡＢＣ１２３` → `ABC123`, `㈱` → `(株)`, `①` → `1`.
    public static func nfkc(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return String(text) }
        return String(text).decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// Full-width digits to ASCII, spaces (including the ideographic space U+3000) and hyphens removed:
    /// the form used to compare insurance card numbers (`１９Ｄ０００１` → `19D0001`).
    public static func cardNumber(_ text: some StringProtocol) -> String {
        nfkc(text).uppercased().filter { !$0.isWhitespace && !"-‐−ー－".contains($0) }
    }
}
