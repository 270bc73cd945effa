public import LifecourseCore

/// The normalized forms of an identity that linkage compares (normalizer version ``version``).
///
/// Raw values stay in the vault; only these forms are turned into blind keys. Names: NFKC, hiragana folded
/// to katakana, spaces and middle dots removed. Card numbers: NFKC, upper case, spaces and hyphens removed.
/// Public-expense recipient numbers made only of zeros are placeholders and are ignored.
public struct IdentityKeys: Sendable, Hashable {
    /// Recorded in every key, so that a change of normalization never silently mixes old and new keys.
    public static let version = "n1"

    public struct Card: Sendable, Hashable {
        /// insurer | 記号 | 番号 | birth date | sex.
        public var base: String
        public var branch: String?
    }

    public var cards: [Card]
    /// payer | recipient | birth date | sex, for certificates with a real recipient number.
    public var publicExpenseCards: [String]
    /// 介護保険 insurer | 被保険者番号 | birth date | sex: a personal number, from care records.
    public var careCard: String?
    /// The name forms (kanji name and kana name), normalized.
    public var names: Set<String>
    /// Everything in the identity, for recognising the same identity given twice by the same source.
    public var record: String

    public init(_ identity: PersonIdentity, source: String) {
        let birth = identity.birthDate?.description ?? "-"
        let sex = identity.sex.claimsCode
        cards = identity.insuranceCards.map { card in
            Card(base: [Self.digits(card.insurerNumber), Self.card(card.symbol ?? ""), Self.card(card.number), birth, sex]
                    .joined(separator: "|"),
                 branch: card.branch.map(Self.digits).flatMap { $0.isEmpty ? nil : $0 })
        }
        publicExpenseCards = identity.publicExpenseCards.compactMap { card in
            guard let recipient = card.recipientNumber.map(Self.digits), !recipient.allSatisfy({ $0 == "0" }) else {
                return nil
            }
            return [Self.digits(card.payerNumber), recipient, birth, sex].joined(separator: "|")
        }
        careCard = identity.careInsurance.map {
            [Self.digits($0.insurerNumber), Self.digits($0.insuredNumber), birth, sex].joined(separator: "|")
        }
        names = Set([identity.name, identity.kanaName].compactMap { $0.map(Self.name) }.filter { !$0.isEmpty })
        let cardText = cards.map { $0.base + "|" + ($0.branch ?? "") }.joined(separator: ";")
        record = [source, identity.name.map(Self.name) ?? "", identity.kanaName.map(Self.name) ?? "", birth, sex,
                  cardText, publicExpenseCards.joined(separator: ";"), identity.patientNumber ?? ""]
            .joined(separator: "|") + (careCard.map { "|care:" + $0 } ?? "")
    }

    /// A name as compared: NFKC, katakana, no spaces or middle dots.
    public static func name(_ text: String) -> String {
        let folded = UnicodeNormalization.nfkc(text).unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar.value {
            case 0x3041...0x3096: Unicode.Scalar(scalar.value + 0x60)  // hiragana → katakana
            case 0x20, 0x3000, 0x30FB, 0xFF65, 0xB7: nil  // spaces and middle dots
            default: scalar
            }
        }
        return String(String.UnicodeScalarView(folded))
    }

    /// A card symbol or number as compared: NFKC, upper case, no spaces or hyphens.
    public static func card(_ text: String) -> String {
        UnicodeNormalization.nfkc(text).uppercased().filter { !$0.isWhitespace && !"-‐−－".contains($0) }
    }

    /// Only the digits, after NFKC.
    public static func digits(_ text: String) -> String {
        UnicodeNormalization.nfkc(text).filter { $0.isASCII && $0.isNumber }
    }
}
