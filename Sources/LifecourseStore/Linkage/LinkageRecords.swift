public import Foundation
public import LifecourseCore

/// An identity as the linker reads it from the vault: decrypted, with its research ID and its links.
public struct StoredIdentity: Sendable {
    public var identityID: Int64
    public var person: ResearchID
    public var identity: PersonIdentity
    /// The blind key of the whole identity (new research IDs are derived from it).
    public var recordKey: Data
    /// The identity the deterministic tier matched when this one was stored.
    public var linkedTo: Int64?
    /// The file the identity first came in.
    public var firstFile: Data?
    /// `deterministic:card-branch`, `deterministic:new` …
    public var linkedBy: String
    public var sourceFormat: String
    public var institution: String

    public init(identityID: Int64, person: ResearchID, identity: PersonIdentity, recordKey: Data, linkedTo: Int64?,
                firstFile: Data?, linkedBy: String, sourceFormat: String, institution: String) {
        self.identityID = identityID
        self.person = person
        self.identity = identity
        self.recordKey = recordKey
        self.linkedTo = linkedTo
        self.firstFile = firstFile
        self.linkedBy = linkedBy
        self.sourceFormat = sourceFormat
        self.institution = institution
    }
}

/// What a person decided about two identities: they are the same person (must-link: a review accepted, a
/// merge) or not (cannot-link: a review rejected, a split).
public struct LinkConstraint: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case mustLink = "must-link", cannotLink = "cannot-link" }
    public enum Action: String, Sendable, Hashable, CaseIterable { case accept, reject, merge, split }

    public var decisionID: Int64
    public var kind: Kind
    public var a: Int64
    public var b: Int64
    public var action: Action
    public var actor: String
    public var reason: String
    public var decidedAt: String
}

/// A pair scored between the thresholds, waiting for a person (or decided).
public struct ReviewPair: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable { case pending, accepted, rejected }

    public var a: Int64
    public var b: Int64
    public var probability: Double
    public var weight: Double
    public var modelVersion: Int64
    public var status: Status
    public var createdAt: String

    public init(a: Int64, b: Int64, probability: Double, weight: Double, modelVersion: Int64,
                status: Status = .pending, createdAt: String = "") {
        (self.a, self.b) = (min(a, b), max(a, b))
        self.probability = probability
        self.weight = weight
        self.modelVersion = modelVersion
        self.status = status
        self.createdAt = createdAt
    }
}

/// One change a linkage run or a decision made: a link between two persons' identities, a merge of research IDs,
/// a split, a new ID — with what made it.
public struct LinkEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case link, merge, split, new }

    public var kind: Kind
    public var from: ResearchID?
    public var to: ResearchID?
    public var identityA: Int64?
    public var identityB: Int64?
    /// `probabilistic`, `deterministic:card-branch`, `decision:accept` …
    public var source: String
    public var probability: Double?
    public var weight: Double?
    public var modelVersion: Int64?
    public var actor: String?
    public var reason: String?
    public var createdAt: String = ""

    public init(kind: Kind, from: ResearchID? = nil, to: ResearchID? = nil, identityA: Int64? = nil,
                identityB: Int64? = nil, source: String, probability: Double? = nil, weight: Double? = nil,
                modelVersion: Int64? = nil, actor: String? = nil, reason: String? = nil) {
        self.kind = kind
        self.from = from
        self.to = to
        self.identityA = identityA
        self.identityB = identityB
        self.source = source
        self.probability = probability
        self.weight = weight
        self.modelVersion = modelVersion
        self.actor = actor
        self.reason = reason
    }
}

/// What a linkage run took in and did.
public struct LinkRunRecord: Sendable, Hashable, Codable {
    public var runID: Int64 = 0
    public var mode: String
    public var modelVersion: Int64
    /// The last identity and decision the run took in: the next incremental run starts after them.
    public var lastIdentity: Int64
    public var lastDecision: Int64
    public var identities: Int
    public var pairsScored: Int
    public var merges: Int
    public var splits: Int
    public var reviewPairs: Int
    public var startedAt: String
    public var finishedAt: String = ""

    public init(mode: String, modelVersion: Int64, lastIdentity: Int64, lastDecision: Int64, identities: Int,
                pairsScored: Int, merges: Int, splits: Int, reviewPairs: Int, startedAt: String) {
        self.mode = mode
        self.modelVersion = modelVersion
        self.lastIdentity = lastIdentity
        self.lastDecision = lastDecision
        self.identities = identities
        self.pairsScored = pairsScored
        self.merges = merges
        self.splits = splits
        self.reviewPairs = reviewPairs
        self.startedAt = startedAt
    }
}

/// Identities that change research ID after a run or a decision.
public struct PersonReassignment: Sendable {
    /// Research IDs that end whole in another: status `merged`, redirected to it.
    public var merged: [(from: ResearchID, into: ResearchID)] = []
    /// Research IDs whose identities went to several persons: status `split`.
    public var split: [ResearchID] = []
    /// New research IDs, with the sex and birth date of the person row to create.
    public var created: [(id: ResearchID, sex: Sex, birthDate: CalendarDate?)] = []
    /// Identities of split IDs and the ID each now has; rows of units stored before their identity was recorded
    /// go to `fallback`.
    public var moves: [(identity: Int64, from: ResearchID, to: ResearchID)] = []
    public var fallback: [ResearchID: ResearchID] = [:]

    public init() {}

    public var isEmpty: Bool { merged.isEmpty && split.isEmpty && created.isEmpty && moves.isEmpty }
}
