public import LifecourseCore
public import LifecourseStore

/// Identities as the probabilistic tier compares them: the person's name (kanji and kana as one comparison), the
/// birth date, the sex, the postal code of the address and the insurance card (insurer + 記号 + 番号 + 枝番: a
/// family shares the rest, and blocking on it taught EM that a family is one person), with
/// blocking on the name's reading, on the birth date, on the card, and on the birth year with the postal code.
public struct IdentityTable: Sendable {
    public static let fields: [FieldKind] = [.person, .date, .exact, .postcode, .exact]
    /// The name's reading (its training session leaves the sex out: a given name says it); the birth date; the
    /// card (not training: a card without 枝番 is the family's); the birth year with the postal code.
    public static let rules: [RecordLinkage.BlockingRule] = [
        .init(fields: [0], trainingIgnores: [2]), .init(fields: [1]), .init(fields: [4], trains: false),
        .init(fields: [1, 3], prefixes: [1: 4]),
    ]

    public var table: RecordLinkage.Table
    public var identityIDs: [Int64]
    public var persons: [ResearchID]

    public init(_ identities: [StoredIdentity]) {
        identityIDs = identities.map(\.identityID)
        persons = identities.map(\.person)
        table = RecordLinkage.Table(fields: Self.fields, rows: identities.map { Self.values($0.identity) })
    }

    /// An identity's prepared values (nil where it has none: a claim's kana name only, no address …).
    public static func values(_ identity: PersonIdentity) -> [PreparedValue?] {
        [FieldKind.person.prepare(FieldKind.personValue(kanji: identity.name ?? "", kana: identity.kanaName ?? "")),
         identity.birthDate.flatMap { FieldKind.date.prepare($0.compact) },
         identity.sex == .unknown ? nil : FieldKind.exact.prepare(identity.sex.claimsCode),
         identity.address.flatMap(postalCode).flatMap { FieldKind.postcode.prepare($0) },
         identity.insuranceCards.first.flatMap { card in
             FieldKind.exact.prepare([IdentityKeys.insurer(card.insurerNumber), IdentityKeys.card(card.symbol ?? ""),
                                      IdentityKeys.card(card.number), card.branch.map(IdentityKeys.digits) ?? ""]
                 .joined(separator: "|"))
         }]
    }

    /// The raw values ``values(_:)`` prepares, as one text: identities with the same text have the same values.
    public static func compared(_ identity: PersonIdentity) -> String {
        let card = identity.insuranceCards.first.map { [$0.insurerNumber, $0.symbol ?? "", $0.number, $0.branch ?? ""] } ?? []
        return ([identity.name ?? "", identity.kanaName ?? "", identity.birthDate?.compact ?? "", identity.sex.claimsCode,
                 identity.address.flatMap(postalCode) ?? ""] + card).joined(separator: "\u{1F}")
    }

    /// The postal code an address starts with (`100-0001 東京都…` or `1000001 …`), when it does.
    static func postalCode(_ address: String) -> String? {
        func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
        let head = Array(address.prefix(8))
        if head.count == 8, head[3] == "-", head[..<3].allSatisfy(isDigit), head[4...].allSatisfy(isDigit) {
            return String(head[..<3] + head[4...])
        }
        let seven = head.prefix(7)
        return seven.count == 7 && seven.allSatisfy(isDigit) && (head.count == 7 || !isDigit(head[7])) ? String(seven) : nil
    }
}
