import Foundation
public import LifecourseCore
public import LifecourseStore

/// Links identities by exact agreement of normalized keys — the deterministic tier of 名寄せ.
///
/// Rules, strongest first:
/// 1. `card-branch`: insurer + 記号 + 番号 + 枝番 + birth date + sex agree. The same card with two different
///    枝番 is never a match (twins and other family members share a card number).
/// 2. `card-name`: insurer + 記号 + 番号 + birth date + sex agree, one side has no 枝番 (older cards), and a
///    name form (kanji or kana, normalized) agrees too.
/// 3. `public-expense-name`: 公費負担者番号 + 受給者番号 + birth date + sex and a name form agree.
/// 4. `care-card`: 介護保険 insurer + 被保険者番号 + birth date + sex agree. The 被保険者番号 is a personal
///    number (one per person, unlike a health-insurance card's), so no name is needed — care claims carry none.
/// 5. `chart-number`: the same institution's patient number (カルテ番号 of its claims, the patient ID of its
///    SS-MIX2 storage) + birth date + sex agree. An institution numbers each patient once, so its claims and its
///    medical records meet here even when a message carries no insurance card.
/// 6. `source-reference`: the same institution's own reference for the person (a FHIR Patient's logical ID). A
///    bare reference — a FHIR resource whose Patient came in another file — links only this way, and is refused
///    (``UnknownReferenceError``) rather than made a person of its own when the store does not know it.
///
/// An identity that agrees with nobody starts a new person with a new research ID, derived from the
/// identity's record key under the store's key (so a store rebuilt from the same files gets the same IDs). When keys point to
/// several persons, the strongest rule wins and, within a rule, the person seen first; merging persons is the
/// reviewed linker's job.
public struct DeterministicLinker: PersonLinker {
    public init() {}

    public func link(_ identity: PersonIdentity, from source: IdentitySource,
                     in vault: some IdentityVault) throws -> LinkDecision {
        try link(identity, from: source, keys: IdentityLookupKeys(identity, source: source, blindKey: vault.blindKey),
                 in: vault)
    }

    public func link(_ identity: PersonIdentity, from source: IdentitySource, keys: IdentityLookupKeys,
                     in vault: some IdentityVault) throws -> LinkDecision {
        let recordKey = keys.recordKey
        if let known = try vault.identity(recordKey: recordKey) {
            return LinkDecision(person: known.person, identity: known.identityID, isNewPerson: false, rule: "same-identity")
        }
        let names = keys.names
        var blindKeys = names.map { BlindKey(kind: "name", key: $0) }
        var found: (rank: Int, identityID: Int64, person: ResearchID, rule: String)?
        func consider(_ match: VaultMatch, rank: Int, rule: String) {
            if found == nil || (rank, match.identityID) < (found!.rank, found!.identityID) {
                found = (rank, match.identityID, match.person, rule)
            }
        }
        func namesAgree(_ identityID: Int64) throws -> Bool {
            try vault.blindKeys(ofIdentity: identityID).contains { $0.kind == "name" && names.contains($0.key) }
        }
        for card in keys.cards {
            blindKeys.append(BlindKey(kind: "card", key: card.key, qualifier: card.branch))
            for match in try vault.matches(forBlindKey: card.key) where match.kind == "card" {
                if let branch = card.branch, let other = match.qualifier {
                    if branch == other { consider(match, rank: 0, rule: "card-branch") }
                } else if try namesAgree(match.identityID) {
                    consider(match, rank: 1, rule: "card-name")
                }
            }
        }
        for key in keys.publicExpenseCards {
            blindKeys.append(BlindKey(kind: "public-expense", key: key))
            for match in try vault.matches(forBlindKey: key) where match.kind == "public-expense" {
                if try namesAgree(match.identityID) { consider(match, rank: 2, rule: "public-expense-name") }
            }
        }
        if let key = keys.careCard {
            blindKeys.append(BlindKey(kind: "care-card", key: key))
            for match in try vault.matches(forBlindKey: key) where match.kind == "care-card" {
                consider(match, rank: 3, rule: "care-card")
            }
        }
        if let key = keys.chartNumber {
            blindKeys.append(BlindKey(kind: "chart-number", key: key))
            for match in try vault.matches(forBlindKey: key) where match.kind == "chart-number" {
                consider(match, rank: 4, rule: "chart-number")
            }
        }
        if let key = keys.sourceReference {
            blindKeys.append(BlindKey(kind: "source-reference", key: key))
            for match in try vault.matches(forBlindKey: key) where match.kind == "source-reference" {
                consider(match, rank: 5, rule: "source-reference")
            }
        }
        if found == nil, identity.isReferenceOnly {
            throw UnknownReferenceError(reference: identity.sourceReference ?? "")
        }
        let person: ResearchID, rule: String
        if let found {
            (person, rule) = (found.person, found.rule)
        } else {
            (person, rule) = (try vault.registerNewResearchID(derivedFrom: recordKey), "new")
        }
        let stored = try vault.storeIdentity(NewIdentity(
            identity: identity, source: source, recordKey: recordKey, person: person, blindKeys: blindKeys,
            linkedBy: "deterministic:\(rule)", sealed: keys.sealed, linkedTo: found?.identityID))
        return LinkDecision(person: person, identity: stored, isNewPerson: found == nil, rule: rule)
    }
}
