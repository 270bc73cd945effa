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
        var halfWidth = false
        if text.unicodeScalars.allSatisfy({ scalar in
            switch scalar.value {
            case 0x3000: ideographicSpaces = true
            case 0xFF01...0xFF5E, 0xFF61...0xFF9F: halfWidth = true
            default: return isStable(scalar)
            }
            return true
        }) {
            if halfWidth, let folded = foldingWidths(text) { return folded }
            if !halfWidth {
                // NFKC maps the ideographic space to U+0020 and leaves the stable scalars alone.
                guard ideographicSpaces else { return String(text) }
                return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value == 0x3000 ? " " : $0 }))
            }
        }
        return String(text).decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// Only the ASCII digits, after NFKC (full-width digits count): `０１２-３４` → `01234`. Text of ASCII digits alone —
    /// insurer, payer and card numbers as a rule — is returned as it is, without normalizing.
    public static func digits(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 &- 0x30 < 10 }) { return text }
        let normalized = nfkc(text)
        guard normalized.utf8.allSatisfy({ $0 < 0x80 }) else {
            return normalized.filter { $0.isASCII && $0.isNumber }
        }
        return String(decoding: normalized.utf8.filter { (0x30...0x39).contains($0) }, as: UTF8.self)
    }

    /// NFKC of stable scalars, ideographic spaces, full-width ASCII (the digits and letters of insurance cards) and
    /// half-width katakana (the kana names of claims files): each full-width form to its ASCII one, each half-width
    /// kana to its full-width one, a following ﾞ or ﾟ composed with it. Nil when a sound mark follows a kana it
    /// does not compose with (NFKC then keeps a combining mark; Foundation handles that).
    static func foldingWidths(_ text: some StringProtocol) -> String? {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3000:
                output.append(" ")
            case 0xFF01...0xFF5E:
                output.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0xFF9E, 0xFF9F:
                guard let last = output.last, let composed = composing(last.value, semiVoiced: scalar.value == 0xFF9F) else {
                    return nil
                }
                output.removeLast()
                output.append(composed)
            case 0xFF61...0xFF9D:
                output.append(Unicode.Scalar(halfWidthKana[Int(scalar.value - 0xFF61)])!)
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// The full-width forms of U+FF61…U+FF9D, in order.
    private static let halfWidthKana: [UInt32] = [
        0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5,
        0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
        0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC,
        0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4,
        0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3,
    ]

    /// The canonical composition of a katakana with the voiced (゛) or semi-voiced (゜) sound mark.
    private static func composing(_ kana: UInt32, semiVoiced: Bool) -> Unicode.Scalar? {
        let composed: UInt32? = switch kana {
        case 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4,
             0x30C6, 0x30C8:
            semiVoiced ? nil : kana + 1  // カ→ガ … ト→ド
        case 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB:
            kana + (semiVoiced ? 2 : 1)  // ハ→バ, パ …
        case 0x30A6:
            semiVoiced ? nil : 0x30F4  // ウ→ヴ
        case 0x30EF, 0x30F2:
            semiVoiced ? nil : kana + 8  // ワ→ヷ, ヲ→ヺ
        default:
            nil
        }
        return composed.flatMap(Unicode.Scalar.init)
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
