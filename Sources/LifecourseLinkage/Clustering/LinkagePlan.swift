import Foundation
import LifecourseCore
import LifecourseStore

/// What one run decides: the clusters of the components it touched (``ConstrainedClustering``), the pairs it
/// leaves for review, and — once it is stored — the research IDs that follow from them.
struct LinkagePlan {
    let graph: LinkageGraph
    let settings: VaultLinkage.Settings
    var modelVersion: Int64 = 0
    /// Each clustered identity's cluster (named by its smallest identity ID).
    private(set) var cluster: [Int64: Int64] = [:]
    /// The links that joined clusters, with the component's identities' research IDs before the run.
    private(set) var joined: [ConstrainedClustering.Link] = []
    /// Identity pairs for review, with their scores.
    private(set) var review: [(a: Int64, b: Int64, weight: Double, probability: Double)] = []
    private(set) var pairsScored = 0

    var identitiesClustered: Int { cluster.count }

    init(graph: LinkageGraph, start: [Int], decisions: [LinkConstraint], model: LinkageModel,
         settings: VaultLinkage.Settings) {
        var graph = graph
        self.settings = settings
        var visited = [Bool](repeating: false, count: graph.nodes.count)
        var expanded = [Bool](repeating: false, count: graph.profiles.count)
        var decisionsOf = [Int64: [LinkConstraint]]()
        for decision in decisions {
            decisionsOf[decision.a, default: []].append(decision)
            decisionsOf[decision.b, default: []].append(decision)
        }
        let scorer = model.scorer(graph.profiles)
        for node in start where !visited[node] {
            let component = graph.component(from: [node], scorer: scorer, upper: settings.upper, lower: settings.lower,
                                            visited: &visited, expanded: &expanded)
            var files = [Int64: Data?]()
            var links = [ConstrainedClustering.Link](), cannot = [(Int64, Int64)]()
            for member in component.nodes {
                files[graph.nodes[member].identityID] = graph.file(graph.nodes[member])
            }
            for member in component.nodes {
                let node = graph.nodes[member]
                if let target = node.linkedTo, files[target] != nil {
                    links.append(.init(node.identityID, target, tier: .deterministic, source: graph.rules[node.rule]))
                }
                for decision in decisionsOf[node.identityID] ?? [] where decision.a == node.identityID {
                    guard files[decision.b] != nil else { continue }
                    switch decision.kind {
                    case .mustLink:
                        links.append(.init(decision.a, decision.b, tier: .decision, order: decision.decisionID,
                                           source: "decision:\(decision.action.rawValue)"))
                    case .cannotLink:
                        cannot.append((decision.a, decision.b))
                    }
                }
            }
            for pair in component.strong {
                let left = graph.profileNodes[pair.p].map { graph.nodes[$0].identityID }
                let right = graph.profileNodes[pair.q].map { graph.nodes[$0].identityID }
                for x in left {
                    for y in right where pair.p != pair.q ? true : x < y {
                        links.append(.init(x, y, tier: .probabilistic, probability: pair.probability, weight: pair.weight,
                                           source: "probabilistic"))
                    }
                }
            }
            let result = ConstrainedClustering(identities: files, links: links, cannotLinks: cannot).run()
            cluster.merge(result.cluster) { $1 }
            joined += result.joined
            for link in result.refusedOneToOne { review.append((link.a, link.b, link.weight, link.probability)) }
            for pair in component.review {
                let left = graph.profileNodes[pair.p].map { graph.nodes[$0].identityID }
                let right = graph.profileNodes[pair.q].map { graph.nodes[$0].identityID }
                let x = left.min()!
                for y in (pair.p == pair.q ? Array(left.dropFirst()) : [right.min()!]) {
                    review.append((x, y, pair.weight, pair.probability))
                }
            }
        }
        pairsScored = graph.pairsScored
        self.graph = graph
    }

    /// An identity's research ID before the run.
    private func person(_ identity: Int64) -> ResearchID { graph.node(identity).person }

    /// Works out the research IDs, applies them, queues the review pairs and records the run.
    func store(in transaction: StoreTransaction, record: LinkRunRecord) throws -> LinkRunRecord {
        var record = record
        var members = [Int64: [Int64]]()
        for (identity, name) in cluster { members[name, default: []].append(identity) }
        var clustersOf = [ResearchID: Set<Int64>]()
        var firstIdentity = [ResearchID: Int64]()
        for (identity, name) in cluster {
            let old = person(identity)
            clustersOf[old, default: []].insert(name)
            firstIdentity[old] = min(firstIdentity[old] ?? .max, identity)
        }
        var change = PersonReassignment()
        var final = [Int64: ResearchID]()
        for name in members.keys.sorted() {
            let identities = members[name]!.sorted()
            let intact = Set(identities.map(person)).filter { clustersOf[$0]!.count == 1 }
                .sorted { firstIdentity[$0]! < firstIdentity[$1]! }
            let id: ResearchID
            if let survivor = intact.first {
                id = survivor
                for other in intact.dropFirst() { change.merged.append((other, survivor)) }
            } else {
                // The new ID derives from its first identity's record key, like the IDs ingest creates.
                guard let first = try transaction.reader.identities(ids: [identities[0]]).first else {
                    preconditionFailure("identity \(identities[0]) was read from the vault by this run")
                }
                id = try transaction.registerNewResearchID(derivedFrom: first.recordKey)
                change.created.append((id, first.identity.sex, first.identity.birthDate))
            }
            for identity in identities { final[identity] = id }
        }
        for (old, names) in clustersOf where names.count > 1 {
            change.split.append(old)
            change.fallback[old] = final[firstIdentity[old]!]!
        }
        change.split.sort()
        let splitSet = Set(change.split)
        for identity in cluster.keys.sorted() where splitSet.contains(person(identity)) && final[identity] != person(identity) {
            change.moves.append((identity, person(identity), final[identity]!))
        }
        try transaction.apply(change)
        // Pairs between the thresholds whose identities stay apart, one per two persons.
        var queued = Set<[ResearchID]>()
        let reviewPairs = review.filter { pair in
            let (x, y) = (final[pair.a] ?? person(pair.a), final[pair.b] ?? person(pair.b))
            return x != y && queued.insert([min(x, y), max(x, y)]).inserted
        }
        record.merges = change.merged.count
        record.splits = change.split.count
        record.reviewPairs = reviewPairs.count
        record.runID = try transaction.recordLinkRun(record)
        try recordEvents(change, final: final, run: record.runID, in: transaction)
        for pair in reviewPairs {
            try transaction.queueForReview(ReviewPair(a: pair.a, b: pair.b, probability: pair.probability,
                                                      weight: pair.weight, modelVersion: modelVersion))
        }
        return record
    }

    private func recordEvents(_ change: PersonReassignment, final: [Int64: ResearchID], run: Int64,
                              in transaction: StoreTransaction) throws {
        let actor = settings.actor, reason = settings.reason
        // Each link that joined two research IDs, and the first that joined each two (a merge's cause).
        var causes = [Set<ResearchID>: ConstrainedClustering.Link]()
        for link in joined where person(link.a) != person(link.b) {
            let probabilistic = link.tier == .probabilistic
            try transaction.recordLinkEvent(LinkEvent(
                kind: .link, from: person(link.b), to: final[link.b], identityA: link.a, identityB: link.b,
                source: link.source, probability: probabilistic ? link.probability : nil,
                weight: probabilistic ? link.weight : nil, modelVersion: probabilistic ? modelVersion : nil,
                actor: settings.isDecision ? actor : nil, reason: settings.isDecision ? reason : nil), run: run)
            let key: Set<ResearchID> = [person(link.a), person(link.b)]
            if causes[key] == nil { causes[key] = link }
        }
        for (from, into) in change.merged {
            let cause = causes[[from, into]]
            try transaction.recordLinkEvent(LinkEvent(
                kind: .merge, from: from, to: into, identityA: cause?.a, identityB: cause?.b,
                source: cause?.source ?? "linkage", probability: cause?.tier == .probabilistic ? cause?.probability : nil,
                modelVersion: modelVersion, actor: actor, reason: reason), run: run)
            try transaction.appendAudit(actor: actor, action: "merge", subject: "\(from) → \(into)", reason: reason,
                                        details: AuditEvent.details(["run": "\(run)", "source": cause?.source ?? "linkage",
                                                            "model_version": "\(modelVersion)"]))
        }
        for old in change.split {
            let parts = Set(cluster.keys.filter { person($0) == old }.compactMap { final[$0] }).sorted()
            for part in parts {
                try transaction.recordLinkEvent(LinkEvent(kind: .split, from: old, to: part, source: "linkage",
                                                          modelVersion: modelVersion, actor: actor, reason: reason), run: run)
            }
            try transaction.appendAudit(actor: actor, action: "split", subject: "\(old) → \(parts.map(\.description).joined(separator: ", "))",
                                        reason: reason, details: AuditEvent.details(["run": "\(run)", "model_version": "\(modelVersion)"]))
        }
        for (id, _, _) in change.created {
            try transaction.recordLinkEvent(LinkEvent(kind: .new, to: id, source: "linkage", modelVersion: modelVersion,
                                                      actor: actor, reason: reason), run: run)
        }
    }
}
