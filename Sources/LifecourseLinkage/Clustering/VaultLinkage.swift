import Foundation
import LifecourseCore
public import LifecourseStore

/// The probabilistic tier over the vault (名寄せ beyond exact keys): scores identities against each other with a
/// kept Fellegi–Sunter model, clusters them with people's decisions and the one-to-one constraint
/// (``ConstrainedClustering``), and gives the clusters research IDs — keeping an ID that survives whole, merging
/// (with a redirect) IDs that come together, retiring as `split` an ID whose identities part, and creating new
/// IDs for parts that keep none. Pairs between the thresholds go to the review queue.
///
/// An incremental run (the default) takes in the identities stored and the decisions made since the last run, and
/// clusters again only the components they touch: every identity reachable from them by a link at or above the
/// upper threshold, a deterministic link, a decision or a shared research ID. Since scores depend only on two
/// identities and the model, and clustering only on a component's links, this gives what a full run with the same
/// model gives. A run that trains a new model is always full.
public struct VaultLinkage: Sendable {
    public struct Settings: Sendable, Hashable, Codable {
        /// At or above: the same person.
        public var upper: Double
        /// At or above (and below `upper`): for a person to review.
        public var lower: Double
        /// Train a new model even when one is kept (the run is then full).
        public var retrain: Bool
        /// Cluster every identity again, not only what is new since the last run.
        public var full: Bool
        /// Who runs it, and why (for the audit trail).
        public var actor: String
        public var reason: String
        /// Whether a person's decision started the run (its links then carry who and why).
        public var isDecision = false

        public init(upper: Double = 0.99, lower: Double = 0.80, retrain: Bool = false, full: Bool = false,
                    actor: String = "lifecourse link", reason: String = "linkage run") {
            self.upper = upper
            self.lower = lower
            self.retrain = retrain
            self.full = full
            self.actor = actor
            self.reason = reason
        }
    }

    public let store: SQLiteStore
    public var settings: Settings
    /// How many identities a page of the vault holds while it is read.
    public var pageSize = 20_000
    /// Told each step's name and seconds as the run goes (read, train, score and cluster, store).
    public var timing: (@Sendable (_ step: String, _ seconds: Double) -> Void)?

    public init(store: SQLiteStore, settings: Settings = Settings()) {
        self.store = store
        self.settings = settings
    }

    /// Links what the vault holds; returns what the run did.
    public func run() throws -> LinkRunRecord {
        let started = ISO8601DateFormatter().string(from: Date())
        var clock = ContinuousClock.now
        func lap(_ step: String) {
            let now = ContinuousClock.now
            let elapsed = now - clock
            timing?(step, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            clock = now
        }
        // Everything the run reads, in one consistent view.
        let (graph, decisions, lastRun, kept) = try store.read { reader in
            var graph = LinkageGraph()
            var after: Int64 = 0
            while true {
                let page = try reader.identities(after: after, limit: pageSize)
                try graph.add(page)
                guard let last = page.last, page.count == pageSize else { break }
                after = last.identityID
            }
            let decisions = try reader.linkConstraints()
            graph.connect(decisions: decisions)
            return (graph, decisions, try reader.lastLinkRun(), try reader.latestLinkModel())
        }
        lap("read \(graph.nodes.count) identities (\(graph.profiles.count) profiles)")
        var model: LinkageModel, version: Int64 = kept?.version ?? 0
        let train = settings.retrain || kept == nil
        if train {
            model = RecordLinkage(table: graph.profileTable, rules: IdentityTable.rules).train().model
        } else {
            model = try JSONDecoder().decode(LinkageModel.self, from: kept!.parameters)
        }
        lap(train ? "train a model" : "load the kept model")
        let full = settings.full || train || lastRun == nil
        let lastIdentity = graph.nodes.last?.identityID ?? 0
        let lastDecision = decisions.map(\.decisionID).max() ?? 0
        var start = [Int]()
        if full {
            start = Array(graph.nodes.indices)
        } else {
            let since = lastRun!.lastIdentity
            start = graph.nodes.indices.filter { graph.nodes[$0].identityID > since }
            for decision in decisions where decision.decisionID > lastRun!.lastDecision {
                start += [decision.a, decision.b].compactMap { graph.index[$0] }
            }
        }
        var plan = LinkagePlan(graph: graph, start: start, decisions: decisions, model: model, settings: settings)
        lap("score \(plan.pairsScored) pairs and cluster")
        defer { lap("store") }
        return try store.write { transaction in
            if train {
                version = try transaction.saveLinkModel(try JSONEncoder().encode(model), identities: graph.profiles.count)
            }
            plan.modelVersion = version
            let record = LinkRunRecord(
                mode: full ? "full" : "incremental", modelVersion: version, lastIdentity: max(lastIdentity, lastRun?.lastIdentity ?? 0),
                lastDecision: max(lastDecision, lastRun?.lastDecision ?? 0), identities: plan.identitiesClustered,
                pairsScored: plan.pairsScored, merges: 0, splits: 0, reviewPairs: 0, startedAt: started)
            return try plan.store(in: transaction, record: record)
        }
    }
}
