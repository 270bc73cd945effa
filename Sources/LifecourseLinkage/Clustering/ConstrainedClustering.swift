public import Foundation

/// Clusters identities from their links, honouring what people decided.
///
/// Links are taken one at a time in a fixed order — decisions (must-link) first, oldest first; then the
/// deterministic tier's links; then the probabilistic tier's, most probable first — and each joins two clusters
/// unless a cannot-link (a rejected review, a split) stands between them or, for a probabilistic link, the two
/// clusters hold different identities from the same file (a file lists each person once: the one-to-one
/// constraint). Ties are broken by identity IDs, so the result depends only on the identities, links and
/// decisions, never on the order they were found in: a component clustered again gives the same clusters.
public struct ConstrainedClustering: Sendable {
    public struct Link: Sendable, Hashable {
        public enum Tier: Int, Sendable, Hashable, Comparable {
            case decision = 0, deterministic = 1, probabilistic = 2
            public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        public var a: Int64
        public var b: Int64
        public var tier: Tier
        /// Decisions: the decision ID (older first). Others: 0.
        public var order: Int64
        public var probability: Double
        public var weight: Double
        /// `decision:accept`, `deterministic:card-branch`, `probabilistic` …
        public var source: String

        public init(_ a: Int64, _ b: Int64, tier: Tier, order: Int64 = 0, probability: Double = 1, weight: Double = 0,
                    source: String) {
            (self.a, self.b) = (min(a, b), max(a, b))
            self.tier = tier
            self.order = order
            self.probability = probability
            self.weight = weight
            self.source = source
        }

        /// The order links are taken in.
        static func precedes(_ x: Link, _ y: Link) -> Bool {
            if x.tier != y.tier { return x.tier < y.tier }
            if x.order != y.order { return x.order < y.order }
            if x.probability != y.probability { return x.probability > y.probability }
            return (x.a, x.b) < (y.a, y.b)
        }
    }

    /// Identity IDs with the file each first came in.
    public var identities: [Int64: Data?]
    public var links: [Link]
    /// Pairs of identities that must not end in one cluster.
    public var cannotLinks: [(Int64, Int64)]

    public init(identities: [Int64: Data?], links: [Link], cannotLinks: [(Int64, Int64)]) {
        self.identities = identities
        self.links = links
        self.cannotLinks = cannotLinks
    }

    public struct Result: Sendable {
        /// Each identity's cluster, named by its smallest identity ID.
        public var cluster: [Int64: Int64]
        /// The links that joined two clusters, in the order taken.
        public var joined: [Link]
        /// Probabilistic links refused because of the one-to-one constraint (for a person to look at).
        public var refusedOneToOne: [Link]
    }

    public func run() -> Result {
        let ids = identities.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var parent = Array(ids.indices)
        var members = ids.indices.map { [$0] }
        var files = ids.map { id -> Set<Data> in (identities[id] ?? nil).map { [$0] } ?? [] }
        var forbidden = ids.map { _ in Set<Int>() }
        for (a, b) in cannotLinks {
            guard let x = index[a], let y = index[b] else { continue }
            forbidden[x].insert(y)
            forbidden[y].insert(x)
        }
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var joined = [Link](), refused = [Link]()
        for link in links.sorted(by: Link.precedes) {
            guard let x = index[link.a], let y = index[link.b] else { continue }
            var (rx, ry) = (root(x), root(y))
            guard rx != ry else { continue }
            if link.tier != .decision {
                let (small, large) = members[rx].count <= members[ry].count ? (rx, ry) : (ry, rx)
                if members[small].contains(where: { !forbidden[$0].isDisjoint(with: members[large]) }) { continue }
                if link.tier == .probabilistic, !files[rx].isDisjoint(with: files[ry]) {
                    refused.append(link)
                    continue
                }
            }
            if members[rx].count < members[ry].count { swap(&rx, &ry) }
            parent[ry] = rx
            members[rx] += members[ry]
            members[ry] = []
            files[rx].formUnion(files[ry])
            files[ry] = []
            joined.append(link)
        }
        var cluster = [Int64: Int64]()
        for members in members where !members.isEmpty {
            let name = members.map { ids[$0] }.min()!
            for member in members { cluster[ids[member]] = name }
        }
        return Result(cluster: cluster, joined: joined, refusedOneToOne: refused)
    }
}
