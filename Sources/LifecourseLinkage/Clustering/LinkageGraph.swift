import Foundation
import LifecourseCore
import LifecourseStore

/// The vault's identities as one run of the linker sees them: each with its prepared values, grouped into
/// profiles (identities whose compared values are all equal are scored once), profiles grouped into blocks, and
/// the links that join identities — the deterministic tier's, people's decisions, the same research ID, and the
/// probabilistic tier's, scored as they are found.
struct LinkageGraph {
    /// An identity as the run keeps it: its numbers only (the vault's fields stay in their profile, shared).
    struct Node {
        var identityID: Int64
        var person: ResearchID
        var linkedTo: Int64?
        var profile: Int32
        /// Index into ``files`` (-1: none) and ``rules``.
        var file: Int32
        var rule: Int32
    }

    /// A scored pair of profiles.
    struct ProfilePair: Hashable {
        var p: Int
        var q: Int
        var weight: Double
        var probability: Double
    }

    private(set) var nodes: [Node] = []
    private(set) var index: [Int64: Int] = [:]
    private(set) var profiles: [[PreparedValue?]] = []
    private(set) var profileNodes: [[Int]] = []
    /// The files identities first came in, and the rules that linked them, each kept once.
    private var files = Interner<Data>()
    private(set) var rules = Interner<String>()
    /// Profiles by the raw values they were prepared from (preparing — NFKC, folds — is the costly part, and most
    /// identities repeat another's values exactly).
    private var rawProfiles: [String: Int] = [:]
    private var profileIndex: [[PreparedValue?]: Int] = [:]
    /// Per blocking rule, the profiles of each key.
    private var blocks: [[String: [Int]]] = IdentityTable.rules.map { _ in [:] }
    private var children: [Int: [Int]] = [:]
    private var personNodes: [ResearchID: [Int]] = [:]
    /// Decision partners of each node.
    private var decided: [Int: [Int]] = [:]

    /// Profile pairs scored so far, and how many were.
    private var scores: [UInt64: (weight: Double, probability: Double)] = [:]
    private(set) var pairsScored = 0

    mutating func add(_ stored: StoredIdentity) {
        let raw = IdentityTable.compared(stored.identity)
        let profile = rawProfiles[raw] ?? profile(of: IdentityTable.values(stored.identity))
        rawProfiles[raw] = profile
        let node = nodes.count
        var file: Int32 = -1
        if let digest = stored.firstFile, Self.oneToOneFormats.contains(stored.sourceFormat) {
            file = files.number(digest)
        }
        let rule = rules.number(stored.linkedBy)
        nodes.append(Node(identityID: stored.identityID, person: stored.person, linkedTo: stored.linkedTo,
                          profile: Int32(profile), file: file, rule: rule))
        index[stored.identityID] = node
        profileNodes[profile].append(node)
        personNodes[stored.person, default: []].append(node)
    }

    /// The formats whose files list each person once (a register, a year's checkups), where two different
    /// identities of one file are two persons. Not claims: a claims file lists a patient twice when the insurance
    /// changed within the month (two claims, two cards).
    static let oneToOneFormats: Set<String> = ["death-certificates", "checkups"]

    /// The profile of prepared values, made when new.
    private mutating func profile(of values: [PreparedValue?]) -> Int {
        if let known = profileIndex[values] { return known }
        let profile = profiles.count
        profiles.append(values)
        profileNodes.append([])
        profileIndex[values] = profile
        for (rule, blocking) in IdentityTable.rules.enumerated() {
            if let key = blocking.key(values, kinds: IdentityTable.fields) { blocks[rule][key, default: []].append(profile) }
        }
        return profile
    }

    /// Call once every identity is in: links each identity to the one it was matched to.
    mutating func connect(decisions: [LinkConstraint]) {
        for (node, value) in nodes.enumerated() {
            if let target = value.linkedTo.flatMap({ index[$0] }) { children[target, default: []].append(node) }
        }
        for decision in decisions {
            guard let a = index[decision.a], let b = index[decision.b] else { continue }
            decided[a, default: []].append(b)
            decided[b, default: []].append(a)
        }
    }

    /// The distinct profiles as a table, for training.
    var profileTable: RecordLinkage.Table { RecordLinkage.Table(fields: IdentityTable.fields, rows: profiles) }

    /// The identities reachable from `start` by any link at or above `upper` (and every identity of a research ID
    /// reached), with the profile pairs at or above `upper` (strong) and between the thresholds (review) found on
    /// the way. Links are followed whatever people decided: decisions act in clustering, not here.
    mutating func component(from start: [Int], model: LinkageModel, upper: Double, lower: Double,
                            visited: inout [Bool], expanded: inout [Bool])
        -> (nodes: [Int], strong: [ProfilePair], review: [ProfilePair]) {
        var queue = [Int](), members = [Int]()
        var strong = [ProfilePair](), review = [ProfilePair]()
        func push(_ node: Int) {
            guard !visited[node] else { return }
            visited[node] = true
            queue.append(node)
            members.append(node)
        }
        start.forEach(push)
        while let node = queue.popLast() {
            let value = nodes[node]
            if let target = value.linkedTo.flatMap({ index[$0] }) { push(target) }
            children[node]?.forEach(push)
            personNodes[value.person]?.forEach(push)
            decided[node]?.forEach(push)
            let profile = Int(value.profile)
            guard !expanded[profile] else { continue }
            expanded[profile] = true
            var seen = Set<Int>()
            for (rule, blocking) in IdentityTable.rules.enumerated() {
                guard let key = blocking.key(profiles[profile], kinds: IdentityTable.fields) else { continue }
                for other in blocks[rule][key] ?? [] where seen.insert(other).inserted {
                    let (p, q) = (min(profile, other), max(profile, other))
                    let pairKey = UInt64(p) << 32 | UInt64(q)
                    let known = scores[pairKey]
                    let score = known ?? model.score(profiles[p], profiles[q])
                    if known == nil {
                        scores[pairKey] = score
                        pairsScored += 1
                    }
                    let pair = ProfilePair(p: p, q: q, weight: score.weight, probability: score.probability)
                    if score.probability >= upper {
                        strong.append(pair)
                        profileNodes[p].forEach(push)
                        profileNodes[q].forEach(push)
                    } else if score.probability >= lower {
                        review.append(pair)
                    }
                }
            }
        }
        return (members, Array(Set(strong)), Array(Set(review)))
    }

    /// Drops the scores kept so far (a finished component's pairs are not asked again). A new table, not
    /// `removeAll(keepingCapacity:)`, which would clear every bucket the largest component ever needed, per component.
    mutating func forgetScores() {
        scores = [:]
    }

    /// The file an identity first came in.
    func file(_ node: Node) -> Data? { node.file < 0 ? nil : files[node.file] }

    /// The node of an identity ID.
    func node(_ identity: Int64) -> Node { nodes[index[identity]!] }
}
