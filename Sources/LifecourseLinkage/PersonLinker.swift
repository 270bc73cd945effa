public import LifecourseCore
public import LifecourseStore

/// Finds or assigns the research ID of an identity, and stores the identity in the vault.
///
/// The foundation ships ``DeterministicLinker``; the probabilistic linker implements the same protocol.
public protocol PersonLinker: Sendable {
    func link(_ identity: PersonIdentity, from source: IdentitySource, in vault: some IdentityVault) throws -> LinkDecision
    /// The same, with the identity's blind keys computed ahead (a linker that does not use them links as above).
    func link(_ identity: PersonIdentity, from source: IdentitySource, keys: IdentityLookupKeys,
              in vault: some IdentityVault) throws -> LinkDecision
}

extension PersonLinker {
    public func link(_ identity: PersonIdentity, from source: IdentitySource, keys: IdentityLookupKeys,
                     in vault: some IdentityVault) throws -> LinkDecision {
        try link(identity, from: source, in: vault)
    }
}

/// What a linker decided for one identity.
public struct LinkDecision: Sendable, Hashable {
    public var person: ResearchID
    /// The vault identity the identity is stored as.
    public var identity: Int64
    /// True when the identity started a new person.
    public var isNewPerson: Bool
    /// The rule that decided: `same-identity`, `card-branch`, `card-name`, `public-expense-name`, `care-card`,
    /// `chart-number`, `source-reference` or `new`.
    public var rule: String

    public init(person: ResearchID, identity: Int64, isNewPerson: Bool, rule: String) {
        self.person = person
        self.identity = identity
        self.isNewPerson = isNewPerson
        self.rule = rule
    }
}

/// An identity that cannot be linked and must not start a person: a bare reference (a FHIR resource whose Patient
/// came in another file) to a person the store does not know yet.
public struct UnknownReferenceError: Error, Sendable, CustomStringConvertible {
    public let reference: String

    public init(reference: String) {
        self.reference = reference
    }

    public var description: String {
        "the data refers to \(reference), whom the store does not know yet; ingest the file with that Patient first "
            + "(files are taken in name order, Patient files of a folder first), then this one again"
    }
}
