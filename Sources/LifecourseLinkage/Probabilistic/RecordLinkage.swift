import Foundation
import LifecourseCore

/// Probabilistic linkage of a table of records, whatever their source: blocking by a union of rules, a
/// Fellegi–Sunter model trained on the table itself (u from random pairs, m and λ by EM), every candidate pair
/// scored, and clusters as the connected pairs at or above a threshold. With two sources it links across them
/// only; with one it deduplicates.
public struct RecordLinkage: Sendable {
    /// Records as prepared field values (nil where missing), each with its source (0, or 0 and 1 when linking two).
    public struct Table: Sendable {
        public let columns: ComparisonColumns
        public let sources: [Int]

        /// Whether the rows come from more than one source (then only pairs across sources are compared).
        public let linksAcrossSources: Bool

        public init(fields: [FieldKind], rows: [[PreparedValue?]], sources: [Int]? = nil) {
            self.init(columns: ComparisonColumns(kinds: fields, rows: rows), sources: sources)
        }

        public init(columns: ComparisonColumns, sources: [Int]? = nil) {
            self.columns = columns
            self.sources = sources ?? Array(repeating: 0, count: columns.count)
            linksAcrossSources = Set(self.sources).count > 1
        }

        public var fields: [FieldKind] { columns.kinds }
        public var count: Int { columns.count }
    }

    /// Pairs are candidates when they agree on every field of at least one rule (kanji names by their folded form),
    /// or on its first characters where the rule says so (a birth date's year: `prefixes: [1: 4]`).
    ///
    /// Each rule's candidates also train the model (an EM session, see ``train(keepingCandidates:)``), which is
    /// sound only where, among different persons, the other fields agree as often as between any two records.
    /// `trainingIgnores` names fields that go with the blocked ones even between different persons (a given name
    /// says the sex: namesakes agree on it far more often than random pairs, and EM took that agreement for
    /// matching); `trains: false` keeps a rule for finding candidates only (a card without 枝番 is the whole
    /// family's: parents and children share it, and their names share the surname).
    public struct BlockingRule: Sendable, Hashable {
        public var fields: [Int]
        /// Field index → how many characters of its blocking form count.
        public var prefixes: [Int: Int]
        public var trainingIgnores: [Int]
        public var trains: Bool

        public init(fields: [Int], prefixes: [Int: Int] = [:], trainingIgnores: [Int] = [], trains: Bool = true) {
            self.fields = fields
            self.prefixes = prefixes
            self.trainingIgnores = trainingIgnores
            self.trains = trains
        }
    }

    /// A scored candidate pair (row indices, `a < b`).
    public struct ScoredPair: Sendable, Hashable {
        public var a: Int
        public var b: Int
        public var weight: Double
        public var probability: Double
    }

    public var table: Table
    public var rules: [BlockingRule]
    /// How many random pairs estimate u.
    public var randomPairs = 200_000
    /// How many of a blocking rule's candidate pairs its EM session compares at most, when training alone.
    public var trainingPairs = 3_000_000
    /// Fields whose exact agreement is weighed by how common the value is (term frequency): sharing a rare name
    /// says more than sharing a common one. By default the name fields (name, kana, person).
    public var seed: UInt64 = 0x5EED

    public var termFrequencyFields: Set<Int>

    public init(table: Table, rules: [BlockingRule]) {
        self.table = table
        self.rules = rules
        termFrequencyFields = Set(table.fields.indices.filter { [.name, .kana, .person].contains(table.fields[$0]) })
    }

    /// Each term-frequency field's values and their share of the rows.
    func termFrequencies() -> [Int: [String: Double]] {
        var frequencies = [Int: [String: Double]]()
        for field in termFrequencyFields {
            var counts = [String: Double]()
            for row in 0..<table.count { if let term = table.columns.term(row, field) { counts[term, default: 0] += 1 } }
            let total = Double(max(1, table.count))
            frequencies[field] = counts.mapValues { $0 / total }
        }
        return frequencies
    }

    /// The levels of a pair.
    public func levels(_ a: Int, _ b: Int) -> [Int?] { table.columns.levels(a, b) }

    /// The candidate pairs of the union of the rules, each once.
    public func candidatePairs() -> [(Int, Int)] {
        var seen = Set<UInt64>()
        return rules.flatMap { candidatePairs(of: $0) }.filter { seen.insert(UInt64($0.0) << 32 | UInt64($0.1)).inserted }
    }

    /// The pairs (`a < b`) that agree on every field of a rule (kanji names by their folded form).
    func candidatePairs(of rule: BlockingRule) -> [(Int, Int)] {
        var pairs = [(Int, Int)]()
        forEachCandidate(of: blocks(of: rule)) { pairs.append(($0, $1)) }
        return pairs
    }

    /// The rows of each key of a rule, in the order of their first rows.
    func blocks(of rule: BlockingRule) -> [[Int]] {
        var blocks = [String: [Int]]()
        for row in 0..<table.count {
            if let key = table.columns.blockingKey(row, rule) { blocks[key, default: []].append(row) }
        }
        return blocks.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    /// Calls `body` with every pair (`a < b`) inside the blocks (across sources only, when linking two).
    func forEachCandidate(of blocks: [[Int]], _ body: (Int, Int) -> Void) {
        for members in blocks {
            for i in members.indices {
                for j in members.index(after: i)..<members.endIndex {
                    let (a, b) = (members[i], members[j])
                    if table.linksAcrossSources && table.sources[a] == table.sources[b] { continue }
                    body(a, b)
                }
            }
        }
    }

    /// Trains a model on the table and scores the candidate pairs.
    public func run() -> (model: FellegiSunterModel, pairs: [ScoredPair]) {
        let (model, candidates) = train(keepingCandidates: true)
        let scorer = model.scorer(table.columns)
        let scored = candidates.map { a, b -> ScoredPair in
            let (weight, probability) = scorer.score(a, b)
            return ScoredPair(a: a, b: b, weight: weight, probability: probability)
        }
        return (model.fellegiSunter, scored)
    }

    /// Trains a model on the table; with `keepingCandidates`, also returns every candidate pair once.
    ///
    /// u comes from random pairs. m comes from one EM session per training blocking rule, over that rule's
    /// candidates with the rule's own fields left out (its candidates agree on them whether they match or not, which
    /// would teach EM that agreeing there is what matching is) and those it says go with them
    /// (``BlockingRule/trainingIgnores``); each field's m is the mean over the sessions that estimated it
    /// (a field every rule blocks on keeps a prior m). λ, the chance that two random records match, is the largest
    /// number of matches a session expects among its candidates over all the pairs there are. A session counts
    /// level patterns as it compares, never holding the pairs, and compares at most ``trainingPairs`` of a rule's
    /// candidates (evenly spread) unless it keeps them: a birth-date block of a large population has billions.
    public func train(keepingCandidates: Bool = false)
        -> (model: LinkageModel, candidates: [(Int, Int)]) {
        var model = FellegiSunterModel(fields: table.fields)
        model.estimateU(randomPairs: randomLevels())
        var sums = table.fields.map { [Double](repeating: 0, count: $0.levelCount) }
        var sessions = [Int](repeating: 0, count: table.fields.count)
        var expectedMatches = 0.0
        var all = [(Int, Int)]()
        var seen = Set<UInt64>()
        for rule in rules where rule.trains || keepingCandidates {
            let blocks = blocks(of: rule)
            let candidates = blocks.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 }
            guard candidates > 0 else { continue }
            let stride = keepingCandidates ? 1 : max(1, candidates / trainingPairs)
            let ignoring = Set(rule.fields + rule.trainingIgnores), mask = ignoring.reduce(0 as UInt64) { $0 | 1 << UInt64($1) }
            var patterns = [UInt64: Double](), index = 0
            forEachCandidate(of: blocks) { a, b in
                defer { index += 1 }
                guard index % stride == 0 else { return }
                patterns[table.columns.pattern(a, b, ignoring: mask), default: 0] += 1
                if keepingCandidates, seen.insert(UInt64(a) << 32 | UInt64(b)).inserted { all.append((a, b)) }
            }
            guard rule.trains else { continue }
            var session = model
            session.prior = 0.1
            session.estimateM(patterns: Dictionary(uniqueKeysWithValues: patterns.map { (table.columns.levels(pattern: $0), $1) }),
                              ignoring: ignoring)
            expectedMatches = max(expectedMatches, session.prior * Double(candidates))
            for field in table.fields.indices where !ignoring.contains(field) {
                sessions[field] += 1
                for level in sums[field].indices { sums[field][level] += session.m[field][level] }
            }
        }
        for field in table.fields.indices where sessions[field] > 0 {
            model.m[field] = sums[field].map { $0 / Double(sessions[field]) }
        }
        let sizes = Dictionary(grouping: table.sources, by: { $0 }).mapValues(\.count)
        let comparable = table.linksAcrossSources
            ? Double(sizes.values.reduce(1, *)) : Double(table.count) * Double(table.count - 1) / 2
        model.prior = min(max(expectedMatches / max(comparable, 1), 1e-12), 0.5)
        return (LinkageModel(fellegiSunter: model, termFrequencies: termFrequencies(), rows: table.count), all)
    }

    /// The levels of pairs drawn at random (across sources when linking), reproducibly.
    func randomLevels() -> [[Int?]] {
        let count = table.count
        guard count > 1 else { return [] }
        var generator = SplitMix64(seed: seed)
        func next() -> Int { Int(generator.next() % UInt64(count)) }
        var levels = [[Int?]]()
        let wanted = min(randomPairs, count * (count - 1) / 2)
        levels.reserveCapacity(wanted)
        var attempts = 0
        while levels.count < wanted, attempts < wanted * 4 {
            attempts += 1
            let (a, b) = (next(), next())
            guard a != b, !table.linksAcrossSources || table.sources[a] != table.sources[b] else { continue }
            levels.append(self.levels(a, b))
        }
        return levels
    }

    /// Clusters of rows: the connected components of the pairs at or above `threshold` (union–find).
    public static func clusters(rows: Int, pairs: [ScoredPair], threshold: Double) -> [Int] {
        var parent = Array(0..<rows)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for pair in pairs where pair.probability >= threshold {
            let (x, y) = (root(pair.a), root(pair.b))
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        return (0..<rows).map(root)
    }
}
