public import Foundation
public import LifecourseCore
public import LifecourseStore

/// The blind keys the deterministic linker looks an identity up by. They depend only on the identity, its source
/// and the store's keys, so an ingest computes them ahead, on its reading thread, and the writing thread only
/// looks them up.
public struct IdentityLookupKeys: Sendable, Hashable {
    public struct CardKey: Sendable, Hashable {
        /// insurer + 記号 + 番号 + birth date + sex.
        public var key: Data
        /// 枝番, when the card has one.
        public var branch: Data?
    }

    /// Everything in the identity from this source: recognises the same identity given again.
    public var recordKey: Data
    public var names: Set<Data>
    public var cards: [CardKey]
    public var publicExpenseCards: [Data]
    public var careCard: Data?
    /// The institution's patient number with birth date and sex.
    public var chartNumber: Data?
    /// The institution's own reference for the person (a FHIR logical ID).
    public var sourceReference: Data?
    /// The identity's fields sealed for the vault, when they were sealed ahead with the keys.
    public var sealed: SealedIdentity?

    /// The keys and the sealed fields under a store's keys, everything the writing thread would compute.
    public init(_ identity: PersonIdentity, source: IdentitySource, keyRing: KeyRing) {
        self.init(identity, source: source, blindKey: keyRing.blindKey)
        sealed = SealedIdentity(identity, recordKey: recordKey, keys: keyRing)
    }

    /// - Parameter blindKey: the store's blind index (``KeyRing/blindKey(_:kind:)`` or the vault's).
    public init(_ identity: PersonIdentity, source: IdentitySource, blindKey: (_ normalized: String, _ kind: String) -> Data) {
        let keys = IdentityKeys(identity, source: "\(source.format)|\(source.sender.code)",
                                institution: source.sender.institution?.code)
        let version = IdentityKeys.version
        recordKey = blindKey(keys.record, "record-\(version)")
        names = Set(keys.names.map { blindKey($0, "name-\(version)") })
        cards = keys.cards.map { card in
            CardKey(key: blindKey(card.base, "card-\(version)"), branch: card.branch.map { blindKey($0, "branch-\(version)") })
        }
        publicExpenseCards = keys.publicExpenseCards.map { blindKey($0, "public-expense-\(version)") }
        careCard = keys.careCard.map { blindKey($0, "care-card-\(version)") }
        chartNumber = keys.chartNumber.map { blindKey($0, "chart-number-\(version)") }
        sourceReference = keys.sourceReference.map { blindKey($0, "source-reference-\(version)") }
    }
}
