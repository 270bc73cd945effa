import LifecourseCore

/// The folds that make two writings of one name compare equal (名寄せ's name keys). Raw values stay in the vault;
/// these forms only become blind keys, each recorded with ``version``.
///
/// - ``kana(_:)``: NFKC (half-width kana become full-width, with their voicing marks), hiragana to katakana,
///   spaces and middle dots removed, small kana written large (ショウ and シヨウ), ヴ ヂ ヅ ヲ ヰ ヱ as ブ ジ ズ オ イ エ
///   (ヴァ ヴィ ヴェ ヴォ as バ ビ ベ ボ),
///   and long vowels collapsed: ー dropped, and a vowel that only lengthens the one before it (ウ or オ after an o,
///   ウ after a u, イ after an e) dropped — サトウ, サトー and サトオ become one key.
/// - ``kanji(_:)``: NFKC and the common variant forms folded (髙→高, 﨑→崎, 邊・邉→辺, 齋→斎 …) — for blocking only:
///   some variants are different surnames (斎 and 斉 stay apart), so a kanji match through a fold is a candidate
///   to score, never a link by itself.
public enum NameFolding {
    public static let version = "f1"

    public static func kana(_ text: String) -> String {
        var folded = [Unicode.Scalar]()
        var afterVu = false
        for scalar in UnicodeNormalization.nfkc(text).unicodeScalars {
            var value = scalar.value
            if (0x3041...0x3096).contains(value) { value += 0x60 }  // hiragana → katakana
            switch value {
            case 0x20, 0x3000, 0x30FB, 0xFF65, 0xB7, 0x2D, 0x2010, 0x2212: continue  // spaces, middle dots, hyphens
            default: break
            }
            // ヴァ ヴィ ヴェ ヴォ are written バ ビ ベ ボ.
            if afterVu, let voiced = vuSyllables[value] {
                folded[folded.count - 1] = Unicode.Scalar(voiced)!
                afterVu = false
                continue
            }
            afterVu = value == 0x30F4
            if let large = largeKana[value] { value = large }
            if let plain = rareKana[value] { value = plain }
            if value == 0x30FC { continue }  // ー
            if let previous = folded.last, lengthens(value, after: previous.value) { continue }
            folded.append(Unicode.Scalar(value)!)
        }
        return String(String.UnicodeScalarView(folded))
    }

    /// Kana as written, only made comparable: NFKC, hiragana as katakana, no spaces, middle dots or hyphens.
    public static func katakana(_ text: String) -> String {
        let scalars = UnicodeNormalization.nfkc(text).unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar.value {
            case 0x20, 0x3000, 0x30FB, 0xFF65, 0xB7, 0x2D, 0x2010, 0x2212: nil
            case 0x3041...0x3096: Unicode.Scalar(scalar.value + 0x60)
            default: scalar
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    public static func kanji(_ text: String) -> String {
        variants(of: UnicodeNormalization.nfkc(text).filter { !$0.isWhitespace && $0 != "・" })
    }

    /// The variant kanji of text already normalized (NFKC, no spaces) folded to their common forms.
    static func variants(of normalized: String) -> String {
        String(normalized.map { kanjiVariants[$0] ?? $0 })
    }

    /// Small kana and their large forms (ァ→ア … ヮ→ワ, ヵ→カ, ヶ→ケ; ッ→ツ).
    static let largeKana: [UInt32: UInt32] = [
        0x30A1: 0x30A2, 0x30A3: 0x30A4, 0x30A5: 0x30A6, 0x30A7: 0x30A8, 0x30A9: 0x30AA, 0x30C3: 0x30C4,
        0x30E3: 0x30E4, 0x30E5: 0x30E6, 0x30E7: 0x30E8, 0x30EE: 0x30EF, 0x30F5: 0x30AB, 0x30F6: 0x30B1,
    ]

    /// The small vowels after ヴ and the syllables they make: ァ バ, ィ ビ, ェ ベ, ォ ボ.
    static let vuSyllables: [UInt32: UInt32] = [0x30A1: 0x30D0, 0x30A3: 0x30D3, 0x30A7: 0x30D9, 0x30A9: 0x30DC]

    /// Kana that other writings replace: ヴ→ブ, ヂ→ジ, ヅ→ズ, ヲ→オ, ヰ→イ, ヱ→エ.
    static let rareKana: [UInt32: UInt32] = [
        0x30F4: 0x30D6, 0x30C2: 0x30B8, 0x30C5: 0x30BA, 0x30F2: 0x30AA, 0x30F0: 0x30A4, 0x30F1: 0x30A8,
    ]

    /// The vowel each katakana ends in (after the folds above).
    static let vowels: [UInt32: Character] = {
        var table = [UInt32: Character]()
        let rows: [(Character, String)] = [
            ("a", "アカガサザタダナハバパマヤラワ"), ("i", "イキギシジチニヒビピミリ"), ("u", "ウクグスズツヌフブプムユル"),
            ("e", "エケゲセゼテデネヘベペメレ"), ("o", "オコゴソゾトドノホボポモヨロ"),
        ]
        for (vowel, kana) in rows {
            for scalar in kana.unicodeScalars { table[scalar.value] = vowel }
        }
        return table
    }()

    /// Whether a kana only lengthens the vowel before it.
    static func lengthens(_ kana: UInt32, after previous: UInt32) -> Bool {
        switch (kana, vowels[previous]) {
        case (0x30A6, "o"?), (0x30A6, "u"?), (0x30AA, "o"?), (0x30A4, "e"?): true  // ウ after o/u, オ after o, イ after e
        default: false
        }
    }

    /// Variant kanji of names and the forms registers commonly hold.
    static let kanjiVariants: [Character: Character] = [
        "髙": "高", "﨑": "崎", "嵜": "崎", "邊": "辺", "邉": "辺", "齋": "斎", "齊": "斉", "澤": "沢", "濱": "浜",
        "嶋": "島", "嶌": "島", "廣": "広", "櫻": "桜", "國": "国", "德": "徳", "榮": "栄", "惠": "恵", "眞": "真",
        "冨": "富", "槇": "槙", "萬": "万", "瀨": "瀬", "條": "条", "黑": "黒", "淸": "清", "實": "実", "彌": "弥",
        "藏": "蔵", "豐": "豊", "壽": "寿", "禮": "礼", "龜": "亀", "兒": "児", "與": "与", "靜": "静", "曾": "曽",
    ]
}
