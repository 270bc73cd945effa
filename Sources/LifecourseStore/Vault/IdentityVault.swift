public import Foundation
public import LifecourseCore

/// What linkage needs from the identity vault: blind-key lookups, the research-ID registry, and storing
/// identities with their fields encrypted. ``StoreTransaction`` implements it for SQLite.
public protocol IdentityVault {
    /// The blind key (HMAC) of a normalized value of a kind (e.g. `card`, `kana`).
    func blindKey(_ normalized: String, kind: String) -> Data
    /// The identity stored under exactly this record key, if any.
    func identity(recordKey: Data) throws -> StoredIdentityRef?
    /// Every identity that has this blind key.
    func matches(forBlindKey key: Data) throws -> [VaultMatch]
    /// The blind keys stored for an identity.
    func blindKeys(ofIdentity identityID: Int64) throws -> [BlindKey]
    /// A candidate research ID for a new person, derived from the record key of their first identity;
    /// a higher `attempt` gives another candidate when one is taken.
    func researchID(derivedFrom recordKey: Data, attempt: Int) -> ResearchID
    /// Registers a new research ID; false when the number is already taken (derive another).
    func registerResearchID(_ id: ResearchID) throws -> Bool
    /// Stores an identity, its encrypted fields and its blind keys.
    func storeIdentity(_ identity: NewIdentity) throws -> Int64
}

extension IdentityVault {
    /// A new research ID derived from a record key (a store rebuilt from the same files gets the same IDs), registered;
    /// when a candidate is taken, the next attempt's.
    public func registerNewResearchID(derivedFrom recordKey: Data) throws -> ResearchID {
        var attempt = 0
        var id = researchID(derivedFrom: recordKey, attempt: attempt)
        while try !registerResearchID(id) {
            attempt += 1
            id = researchID(derivedFrom: recordKey, attempt: attempt)
        }
        return id
    }
}

/// A blind key as stored: its kind, the HMAC, and an optional qualifier (e.g. the HMAC of a card's 枝番).
public struct BlindKey: Sendable, Hashable {
    public var kind: String
    public var key: Data
    public var qualifier: Data?

    public init(kind: String, key: Data, qualifier: Data? = nil) {
        self.kind = kind
        self.key = key
        self.qualifier = qualifier
    }
}

/// An identity found by a blind key.
public struct VaultMatch: Sendable, Hashable {
    public var identityID: Int64
    public var person: ResearchID
    public var kind: String
    public var qualifier: Data?
}

/// An identity already in the vault.
public struct StoredIdentityRef: Sendable, Hashable {
    public var identityID: Int64
    public var person: ResearchID
}

/// Which source an identity came from.
public struct IdentitySource: Sendable, Hashable {
    public var format: String
    public var sender: Sender
    /// The digest of the file the identity came in, when it came in one.
    public var file: Data?

    public init(format: String, sender: Sender, file: Data? = nil) {
        self.format = format
        self.sender = sender
        self.file = file
    }
}

/// An identity to store.
public struct NewIdentity: Sendable {
    public var identity: PersonIdentity
    public var source: IdentitySource
    /// The blind key of the whole identity as given, so the same identity is stored once.
    public var recordKey: Data
    public var person: ResearchID
    public var blindKeys: [BlindKey]
    /// The rule or model that linked it (e.g. `deterministic:card-branch`, `new`).
    public var linkedBy: String
    /// The fields sealed ahead, when they were; else the vault seals them.
    public var sealed: SealedIdentity?
    /// The identity the deterministic tier matched, when it matched one.
    public var linkedTo: Int64?

    public init(identity: PersonIdentity, source: IdentitySource, recordKey: Data, person: ResearchID,
                blindKeys: [BlindKey], linkedBy: String, sealed: SealedIdentity? = nil, linkedTo: Int64? = nil) {
        self.linkedTo = linkedTo
        self.identity = identity
        self.source = source
        self.recordKey = recordKey
        self.person = person
        self.blindKeys = blindKeys
        self.linkedBy = linkedBy
        self.sealed = sealed
    }
}
