import Foundation

/// Unicode normalization for Japanese text, per field.
///
/// Linux Foundation's `precomposedStringWithCompatibilityMapping` leaves half-width voiced kana decomposed
/// (`ﾀﾞ` stays `タ` + U+3099); decomposing with compatibility mapping and then composing canonically gives NFKC.
/// Normalize short fields, not whole files: whole-buffer normalization grows superlinearly.
public enum UnicodeNormalization {
    /// Unicode NFKC: `ﾀﾞｲｺﾝ` → `ダイコン`, `ＡＢＣ１２３` → `ABC123`, `㈱` → `(株)`, `①` → `1`.
    public static func nfkc(_ text: some StringProtocol) -> String {
        var ideographicSpaces = false
        if text.unicodeScalars.allSatisfy({ scalar in
            if scalar.value == 0x3000 { ideographicSpaces = true; return true }
            return isStable(scalar)
        }) {
            // NFKC maps the ideographic space to U+0020 and leaves the stable scalars alone.
            return ideographicSpaces ? String(text).replacingOccurrences(of: "\u{3000}", with: " ") : String(text)
        }
        return String(text).decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// Whether a scalar is left unchanged by NFKC whatever surrounds it: ASCII, hiragana and katakana with
    /// precomposed voicing (no spacing voicing marks, no ゟ/ヿ digraphs, no iteration marks that decompose), the
    /// long-vowel mark and the unified CJK ideographs. Names and addresses are mostly made of these, so Foundation's
    /// normalizer (slow on Linux) runs only for the rest: full-width ASCII, half-width kana, ideographic spaces,
    /// compatibility ideographs, circled numbers and the like.
    static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF: true
        default: false
        }
    }
}
