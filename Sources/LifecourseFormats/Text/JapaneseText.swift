import LifecourseCore

/// Japanese text as source formats need it: NFKC done right, and card numbers folded for comparison.
public enum JapaneseText {
    /// Unicode NFKC (see ``UnicodeNormalization/nfkc(_:)``): `ﾀﾞｲｺﾝ` → `ダイコン`, `ＡＢＣ１２３` → `ABC123`.
    public static func nfkc(_ text: some StringProtocol) -> String {
        UnicodeNormalization.nfkc(text)
    }

    /// Full-width digits to ASCII, spaces (including the ideographic space U+3000) and hyphens removed:
    /// the form used to compare insurance card numbers (`１９Ｄ０００１` → `19D0001`).
    public static func cardNumber(_ text: some StringProtocol) -> String {
        nfkc(text).uppercased().filter { !$0.isWhitespace && !"-‐−ー－".contains($0) }
    }
}
