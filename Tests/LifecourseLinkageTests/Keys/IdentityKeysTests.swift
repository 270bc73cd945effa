import LifecourseCore
import Testing
@testable import LifecourseLinkage

@Suite struct IdentityKeysTests {
    @Test func foldsNamesToOneForm() {
        // Kana names are folded as NameFolding.kana folds them (long vowels collapsed, small kana large).
        #expect(IdentityKeys.name("やまだ　たろう") == "ヤマダタロ")
        #expect(IdentityKeys.name("ﾔﾏﾀﾞ ﾀﾛｳ") == "ヤマダタロ")
        #expect(IdentityKeys.name("ジョン・スミス") == "ジヨンスミス")
        // Kanji names only by NFKC and spacing: variants may be other surnames.
        #expect(IdentityKeys.name("山田　太郎") == "山田太郎")
        #expect(IdentityKeys.name("髙橋　花子") == "髙橋花子")
    }

    @Test func foldsCardNumbersAndDigits() {
        #expect(IdentityKeys.card("１９Ｄ　０００１") == "19D0001")
        #expect(IdentityKeys.digits(" ０１０１００１６") == "01010016")
    }

    @Test func ignoresPlaceholderRecipientNumbers() throws {
        let identity = PersonIdentity(
            birthDate: try CalendarDate(iso: "2000-01-01"), sex: .female,
            publicExpenseCards: [PublicExpenseCard(payerNumber: "12143210", recipientNumber: "0000000"),
                                 PublicExpenseCard(payerNumber: "54136015", recipientNumber: "1234566")])
        #expect(IdentityKeys(identity, source: "s").publicExpenseCards == ["54136015|1234566|2000-01-01|2"])
    }

    @Test func keepsTheBranchApartFromTheCard() throws {
        let identity = PersonIdentity(
            birthDate: try CalendarDate(iso: "2000-01-01"), sex: .male,
            insuranceCards: [InsuranceCard(insurerNumber: "06130017", symbol: "１２", number: "３４", branch: "０１")])
        let keys = IdentityKeys(identity, source: "s")
        #expect(keys.cards == [IdentityKeys.Card(base: "06130017|12|34|2000-01-01|1", branch: "01")])
    }

    /// The byte-level paths for ASCII give what the character-level rules give (keys must not change).
    @Test func cardsAndDigitsMatchTheCharacterLevelRules() {
        let samples = ["１２３－４５", "ab-12 cd", "AB\r\n12", "\t０６１３００１７ ", "ｱｲｳ-1", "記号　１２", "x‐y−z－w", "",
                       "1\u{0301}2", "ﾀﾞ12ab", "-- --", "06130017"]
        for sample in samples {
            let normalized = UnicodeNormalization.nfkc(sample)
            #expect(IdentityKeys.card(sample)
                        == normalized.uppercased().filter { !$0.isWhitespace && !"-‐−－".contains($0) }, "\(sample)")
            #expect(IdentityKeys.digits(sample) == normalized.filter { $0.isASCII && $0.isNumber }, "\(sample)")
        }
    }
}
