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
    /// True when the identity started a new person.
    public var isNewPerson: Bool
    /// The rule that decided: `same-identity`, `card-branch`, `card-name`, `public-expense-name` or `new`.
    public var rule: String

    public init(person: ResearchID, isNewPerson: Bool, rule: String) {
        self.person = person
        self.isNewPerson = isNewPerson
        self.rule = rule
    }
}
