import Foundation
import LifecourseTesting
import Testing
import LifecourseCore

@Suite struct UnicodeNormalizationTests {
    /// The fast path (kana, kanji, ASCII and ideographic spaces) gives what Foundation's normalizer gives.
    @Test(arguments: ["山田　太郎", "ヤマダ　タロウ", "やまだ たろう", "髙橋　和子", "ヴァイオリン", "ヷヺー", "ABC-12 x",
                      "ぁゖァヺ", "一龥", "\u{3000}\u{3000}"])
    func theFastPathAgreesWithFoundation(text: String) {
        #expect(UnicodeNormalization.nfkc(text)
                == text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping)
    }

    @Test func charactersOutsideTheFastPathStillNormalize() {
        #expect(UnicodeNormalization.nfkc("ﾔﾏﾀﾞ　ＴＡＲＯ①") == "ヤマダ TARO1")
        #expect(UnicodeNormalization.nfkc("カ\u{3099}") == "ガ", "a combining mark after a fast-path character")
    }

    /// Full-width ASCII (U+FF01…U+FF5E) folds on the fast path too, alone or with half-width kana, as Foundation does.
    @Test(arguments: ["ＡＢＣ１２３", "記号１２３－ＡＢ", "！～＠＃", "ﾔﾏﾀﾞ　ＴＡＲＯ", "１２ｶﾞ", "ａｂｃ　ｘｙｚ"])
    func foldsFullWidthASCIIAsFoundationDoes(text: String) {
        #expect(UnicodeNormalization.nfkc(text)
                == text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping)
    }

    @Test(arguments: [("06130012", "06130012"), ("０１２-３４", "01234"), ("記号 Ａ1Ｂ２", "12"), ("①2", "12"),
                      ("", ""), ("-", "")])
    func keepsOnlyTheDigitsAfterNFKC(input: String, expected: String) {
        #expect(UnicodeNormalization.digits(input) == expected)
    }

    @Test func composesHalfWidthVoicedKana() {
        #expect(UnicodeNormalization.nfkc("ﾀﾞｲｺﾝ") == "ダイコン")
        #expect(UnicodeNormalization.nfkc("ﾊﾟﾋﾟﾌﾟ") == "パピプ")
        #expect(UnicodeNormalization.nfkc("ｳﾞｧ") == "ヴァ")
    }

    @Test(arguments: [
        ("ＡＢＣ１２３", "ABC123"), ("㈱", "(株)"), ("①", "1"), ("　", " "), ("ｶﾞｷﾞ", "ガギ"),
        ("髙橋", "髙橋"), ("ﾃｽﾄ ﾊﾝﾖｳ", "テスト ハンヨウ"), ("㍻", "平成"), ("plain", "plain"),
        ("カ\u{3099}", "ガ"),
    ])
    func givesUnicodeNFKC(input: String, expected: String) {
        #expect(UnicodeNormalization.nfkc(input) == expected)
    }
}

@Suite struct UnicodeNormalizationReferenceTests {
    /// Every case of `Tests/Fixtures/nfkc/japanese-nfkc.txt` (Python's unicodedata as the reference):
    /// circled digits, full-width forms, half-width kana with their voiced marks, CJK compatibility ideographs.
    @Test func agreesWithAReferenceNFKCOnJapaneseCharacters() throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("nfkc/japanese-nfkc.txt"), encoding: .utf8)
        func decode(_ field: Substring) -> String {
            String(String.UnicodeScalarView(field.split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }))
        }
        var checked = 0
        var differences = [String]()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            let input = decode(fields[0])
            let expected = decode(fields[1])
            if UnicodeNormalization.nfkc(input) != expected { differences.append(String(fields[0])) }
            checked += 1
        }
        #expect(checked > 2000)
        #expect(differences.isEmpty, "NFKC differs for \(differences.count) inputs: \(differences.prefix(20))")
    }

    /// The half-width kana path agrees with the general one on every pair of half-width forms, alone and after a
    /// full-width or hiragana kana (where a sound mark may compose or stay a combining mark).
    @Test func foldsHalfWidthKanaAsTheGeneralNormalizerDoes() {
        let halfWidth = (0xFF61...0xFF9F).compactMap(Unicode.Scalar.init).map { String(Character($0)) }
        var differences = [String]()
        for first in halfWidth + ["カ", "か", "ヽ", "A", "\u{3000}"] {
            for second in halfWidth {
                let text = first + second + "ｺ"
                let general = text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
                if UnicodeNormalization.nfkc(text) != general { differences.append(text) }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
        #expect(UnicodeNormalization.nfkc("ﾔﾏﾀﾞ ﾀﾛｳ") == "ヤマダ タロウ")
        #expect(UnicodeNormalization.nfkc("ﾊﾟｳﾞｧｰ\u{3000}ﾜﾞ") == "パヴァー ヷ")
    }
}
