public import LifecourseCore

/// The normalized forms of an identity that linkage compares (normalizer version ``version``).
///
/// Raw values stay in the vault; only these forms are turned into blind keys. Names: NFKC, hiragana folded
/// to katakana, spaces and middle dots removed. Card numbers: NFKC, upper case, spaces and hyphens removed.
/// Insurer numbers: digits only, and 国保's 6-digit numbers as they are whether or not a file pads them to 8
/// with two zeros (特定健診 files do; no 8-digit insurer number starts with 00). Version n2 added that fold; n3 folds
/// kana names (``NameFolding/kana(_:)``: small kana, long vowels, ヴ ヂ ヅ ヲ).
/// Public-expense recipient numbers made only of zeros are placeholders and are ignored.
public struct IdentityKeys: Sendable, Hashable {
    /// Recorded in every key, so that a change of normalization never silently mixes old and new keys.
    public static let version = "n3"

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
    /// institution | patient number (カルテ番号, SS-MIX2 patient ID) | birth date | sex: one patient of one
    /// institution, whatever insurance they had at each visit.
    public var chartNumber: String?
    /// institution | the source's own reference for the person (a FHIR logical ID).
    public var sourceReference: String?
    /// The name forms (kanji name and kana name), normalized.
    public var names: Set<String>
    /// Everything in the identity, for recognising the same identity given twice by the same source.
    public var record: String

    /// - Parameter institution: the sending institution's code, when the source is an institution (its patient
    ///   numbers mean something only there).
    public init(_ identity: PersonIdentity, source: String, institution: String? = nil) {
        let birth = identity.birthDate?.description ?? "-"
        let sex = identity.sex.claimsCode
        cards = identity.insuranceCards.map { card in
            Card(base: [Self.insurer(card.insurerNumber), Self.card(card.symbol ?? ""), Self.card(card.number), birth, sex]
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
        if let institution, let number = identity.patientNumber.map(Self.card), !number.isEmpty {
            chartNumber = [institution, number, birth, sex].joined(separator: "|")
        }
        if let institution, let reference = identity.sourceReference, !reference.isEmpty {
            sourceReference = institution + "|" + reference
        }
        let name = identity.name.map(Self.name)
        let kanaName = identity.kanaName.map(NameFolding.kana)
        names = Set([name, kanaName].compactMap { $0 }.filter { !$0.isEmpty })
        let cardText = cards.map { $0.base + "|" + ($0.branch ?? "") }.joined(separator: ";")
        record = [source, name ?? "", kanaName ?? "", birth, sex,
                  cardText, publicExpenseCards.joined(separator: ";"), identity.patientNumber ?? ""]
            .joined(separator: "|") + (careCard.map { "|care:" + $0 } ?? "")
            + (identity.sourceReference.map { "|ref:" + $0 } ?? "")
    }

    /// A name as compared: a name written in kana only is folded as kana names are (``NameFolding/kana(_:)``);
    /// other names (kanji, Latin) by NFKC, hiragana as katakana, without spaces or middle dots — exactly, since
    /// variant kanji may be different surnames.
    public static func name(_ text: String) -> String {
        let normalized = UnicodeNormalization.nfkc(text)
        if !normalized.isEmpty, normalized.unicodeScalars.allSatisfy({ isKana($0.value) }) {
            return NameFolding.kana(normalized)
        }
        let folded = normalized.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar.value {
            case 0x3041...0x3096: Unicode.Scalar(scalar.value + 0x60)  // hiragana → katakana
            case 0x20, 0x3000, 0x30FB, 0xFF65, 0xB7: nil  // spaces and middle dots
            default: scalar
            }
        }
        return String(String.UnicodeScalarView(folded))
    }

    /// Hiragana, katakana, the long-vowel mark, spaces and middle dots: what a name in kana is written with.
    static func isKana(_ value: UInt32) -> Bool {
        (0x3041...0x3096).contains(value) || (0x30A1...0x30FC).contains(value) || [0x20, 0x3000, 0xB7].contains(value)
    }

    /// A card symbol or number as compared: NFKC, upper case, no spaces or hyphens.
    public static func card(_ text: String) -> String {
        let normalized = UnicodeNormalization.nfkc(text)
        if normalized.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most cards once NFKC has folded full-width digits): bytes upper-cased, spaces and hyphens dropped.
            var bytes = [UInt8]()
            bytes.reserveCapacity(normalized.utf8.count)
            for byte in normalized.utf8 {
                switch byte {
                case 0x09...0x0D, 0x20, 0x2D: continue
                case 0x61...0x7A: bytes.append(byte - 0x20)
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return normalized.uppercased().filter { !$0.isWhitespace && !"-‐−－".contains($0) }
    }

    /// An insurer number as compared: its digits, without the two zeros that pad a 6-digit 国保 number to 8.
    public static func insurer(_ text: String) -> String {
        let number = digits(text)
        return number.utf8.count == 8 && number.hasPrefix("00") ? String(number.dropFirst(2)) : number
    }

    /// Only the digits, after NFKC (``UnicodeNormalization/digits(_:)``).
    public static func digits(_ text: String) -> String {
        UnicodeNormalization.digits(text)
    }
}
