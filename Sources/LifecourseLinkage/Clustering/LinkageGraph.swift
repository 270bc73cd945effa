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
    struct ProfilePair {
        var p: Int
        var q: Int
        var weight: Double
        var probability: Double
    }

    private(set) var nodes: [Node] = []
    private(set) var index: [Int64: Int] = [:]
    /// Each profile's compared values, as numbers.
    private(set) var profiles = ComparisonColumns(kinds: IdentityTable.fields)
    private(set) var profileNodes: [[Int]] = []
    /// The files identities first came in, and the rules that linked them, each kept once.
    private var files = Interner<Data>()
    private(set) var rules = Interner<String>()
    /// Profiles by the raw values they were prepared from (preparing — NFKC, folds — is the costly part, and most
    /// identities repeat another's values exactly).
    private var rawProfiles: [String: Int] = [:]
    private var profileIndex: [[ComparisonColumns.Cell]: Int] = [:]
    /// Per blocking rule, each key's block number (while identities are added).
    private var blockNumbers: [[String: Int32]] = IdentityTable.rules.map { _ in [:] }
    /// Each block's profiles, and each profile's block per rule (profile × rule; -1: the rule has no key for it).
    private var blocks: [[Int32]] = []
    private var blockOf: [Int32] = []
    /// The profile whose blocks were last searched, per profile met there (so a profile met under two rules is
    /// compared once).
    private var lastMet: [Int32] = []
    private var children: [Int: [Int]] = [:]
    private var personNodes: [ResearchID: [Int]] = [:]
    /// Decision partners of each node.
    private var decided: [Int: [Int]] = [:]

    /// How many profile pairs were scored.
    private(set) var pairsScored = 0

    /// Adds a page of identities. Preparing values (NFKC, folds) is the costly part: it runs on every processor,
    /// once per raw values not seen before (most identities repeat another's values exactly).
    mutating func add(_ page: [StoredIdentity]) throws {
        let raws = try page.concurrentMap { IdentityTable.compared($0.identity) }
        var fresh = [Int](), pending = Set<String>()
        for (index, raw) in raws.enumerated() where rawProfiles[raw] == nil && pending.insert(raw).inserted {
            fresh.append(index)
        }
        let prepared = try fresh.map { page[$0].identity }.concurrentMap { IdentityTable.values($0) }
        for (index, values) in zip(fresh, prepared) { rawProfiles[raws[index]] = profile(of: values) }
        for (stored, raw) in zip(page, raws) { add(stored, profile: rawProfiles[raw]!) }
    }

    private mutating func add(_ stored: StoredIdentity, profile: Int) {
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
        let cells = profiles.cells(of: values)
        if let known = profileIndex[cells] { return known }
        let profile = profiles.append(cells)
        profileNodes.append([])
        profileIndex[cells] = profile
        for (rule, blocking) in IdentityTable.rules.enumerated() {
            guard let key = profiles.blockingKey(profile, blocking) else {
                blockOf.append(-1)
                continue
            }
            let block = blockNumbers[rule][key] ?? Int32(blocks.count)
            if block == blocks.count {
                blockNumbers[rule][key] = block
                blocks.append([])
            }
            blocks[Int(block)].append(Int32(profile))
            blockOf.append(block)
        }
        return profile
    }

    /// Call once every identity is in: links each identity to the one it was matched to.
    mutating func connect(decisions: [LinkConstraint]) {
        blockNumbers = []
        profileIndex = [:]
        rawProfiles = [:]
        lastMet = Array(repeating: -1, count: profiles.count)
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
    var profileTable: RecordLinkage.Table { RecordLinkage.Table(columns: profiles) }

    /// The identities reachable from `start` by any link at or above `upper` (and every identity of a research ID
    /// reached), with the profile pairs at or above `upper` (strong) and between the thresholds (review) found on
    /// the way. Links are followed whatever people decided: decisions act in clustering, not here.
    ///
    /// Each pair of profiles is scored once in a run: when the first of the two has its blocks searched. A profile
    /// met there whose own blocks were searched before (here or in an earlier component) was compared with this
    /// one then, and had the pair been strong, this profile would have been in that component.
    mutating func component(from start: [Int], scorer: LinkageModel.Scorer, upper: Double, lower: Double,
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
        let rules = IdentityTable.rules.count
        while let node = queue.popLast() {
            let value = nodes[node]
            if let target = value.linkedTo.flatMap({ index[$0] }) { push(target) }
            children[node]?.forEach(push)
            personNodes[value.person]?.forEach(push)
            decided[node]?.forEach(push)
            let profile = Int(value.profile)
            guard !expanded[profile] else { continue }
            expanded[profile] = true
            for rule in 0..<rules {
                let block = blockOf[profile * rules + rule]
                guard block >= 0 else { continue }
                for other in blocks[Int(block)] {
                    let other = Int(other)
                    guard other == profile || !expanded[other], lastMet[other] != Int32(profile) else { continue }
                    lastMet[other] = Int32(profile)
                    let score = scorer.score(profile, other)
                    pairsScored += 1
                    let pair = ProfilePair(p: min(profile, other), q: max(profile, other), weight: score.weight,
                                           probability: score.probability)
                    if score.probability >= upper {
                        strong.append(pair)
                        profileNodes[profile].forEach(push)
                        profileNodes[other].forEach(push)
                    } else if score.probability >= lower {
                        review.append(pair)
                    }
                }
            }
        }
        return (members, strong, review)
    }

    /// The file an identity first came in.
    func file(_ node: Node) -> Data? { node.file < 0 ? nil : files[node.file] }

    /// The node of an identity ID.
    func node(_ identity: Int64) -> Node { nodes[index[identity]!] }
}
