/// One run of ``Anonymizer/run()``: the lattice as node numbers (mixed radix over the levels), what is known of each
/// node's anonymity, and the classes of recently evaluated nodes to generalize from.
struct Search {
    let anonymizer: Anonymizer
    let heights: [Int]
    /// A node's number: Σ level × stride.
    let strides: [Int]
    let size: Int
    let bounds: [Double]
    let overall: [Double]
    let root: EquivalenceClasses
    /// 0 undecided, 1 anonymous, 2 not.
    var state: [UInt8]
    var cache: [(levels: [Int], classes: EquivalenceClasses)] = []
    var outcomes: [Int: Anonymizer.Outcome] = [:]
    var evaluated = 0

    init(anonymizer: Anonymizer) {
        self.anonymizer = anonymizer
        heights = anonymizer.table.heights
        var strides = [Int](repeating: 1, count: heights.count)
        for attribute in heights.indices.dropLast().reversed() { strides[attribute] = strides[attribute + 1] * heights[attribute + 1] }
        self.strides = strides
        size = heights.reduce(1, *)
        state = [UInt8](repeating: 0, count: size)
        overall = anonymizer.overall
        root = EquivalenceClasses(table: anonymizer.table)
        var bounds = [Double]()
        bounds.reserveCapacity(size)
        let table = anonymizer.table, metric = anonymizer.metric
        var levels = [Int](repeating: 0, count: heights.count)
        for node in 0..<size {
            Self.fill(&levels, node: node, strides: strides, heights: heights)
            bounds.append(metric.lowerBound(levels, table: table))
        }
        self.bounds = bounds
    }

    static func fill(_ levels: inout [Int], node: Int, strides: [Int], heights: [Int]) {
        for attribute in strides.indices { levels[attribute] = (node / strides[attribute]) % heights[attribute] }
    }

    func levels(_ node: Int) -> [Int] {
        var levels = [Int](repeating: 0, count: heights.count)
        Self.fill(&levels, node: node, strides: strides, heights: heights)
        return levels
    }

    /// The nodes one level up (or down) in one attribute.
    func neighbours(_ node: Int, up: Bool) -> [Int] {
        var result = [Int]()
        for attribute in heights.indices {
            let level = (node / strides[attribute]) % heights[attribute]
            if up, level + 1 < heights[attribute] { result.append(node + strides[attribute]) }
            if !up, level > 0 { result.append(node - strides[attribute]) }
        }
        return result
    }

    /// Evaluates a node: its classes from the most general cached specialization (or the records' classes).
    mutating func evaluate(_ node: Int) -> Anonymizer.Outcome {
        if let known = outcomes[node] { return known }
        let target = levels(node)
        // The specialization with the fewest classes is the cheapest to generalize.
        let base = cache.filter { Anonymizer.isBelow($0.levels, target) }.min { $0.classes.count < $1.classes.count }
        let classes = (base?.classes ?? root).generalized(to: target, in: anonymizer.table)
        evaluated += 1
        cache.append((target, classes))
        if cache.count > 64 { cache.removeFirst() }
        let outcome = anonymizer.outcome(classes, overall: overall)
        outcomes[node] = outcome
        if outcomes.count > 64 { outcomes.removeAll() }
        return outcome
    }

    /// Marks a node and everything above it (anonymous) or below it (not).
    mutating func decide(_ node: Int, anonymous: Bool) {
        let mark: UInt8 = anonymous ? 1 : 2
        var stack = [node]
        while let current = stack.popLast() {
            guard state[current] != mark else { continue }
            state[current] = mark
            stack += neighbours(current, up: anonymous).filter { state[$0] != mark }
        }
    }

    mutating func run() -> Anonymizer.Result {
        let monotonic = anonymizer.models.allSatisfy { $0.isMonotonic(withSuppression: anonymizer.maximumSuppressed > 0) }
        let strides = self.strides, heights = self.heights
        let height = { (node: Int) in strides.indices.reduce(0) { $0 + (node / strides[$1]) % heights[$1] } }
        let order = (0..<size).sorted { (bounds[$0], height($0), $0) < (bounds[$1], height($1), $1) }
        var best: (outcome: Anonymizer.Outcome, rank: (Double, Int, Int))?
        for node in order {
            if let best, bounds[node] > best.outcome.loss { break }
            if monotonic {
                // Decide the node by bisection along a path upwards from it; a failing node needs no more.
                if state[node] == 0 { decidePath(from: node) }
                guard state[node] == 1 else { continue }
            }
            let outcome = evaluate(node)
            guard outcome.isAnonymous else { continue }
            let rank = (outcome.loss, height(node), node)
            if best == nil || rank < best!.rank { best = (outcome, rank) }
        }
        return Anonymizer.Result(best: best?.outcome, latticeSize: size, evaluated: evaluated)
    }

    /// Decides a node and others on a path upwards from it, through undecided nodes (the successor with the
    /// lowest bound first), by bisection: anonymity is monotonic along the path.
    mutating func decidePath(from start: Int) {
        var path = [start]
        while let next = neighbours(path.last!, up: true).filter({ state[$0] == 0 }).min(by: { bounds[$0] < bounds[$1] }) {
            path.append(next)
        }
        var low = 0, high = path.count - 1
        while low <= high {
            let middle = (low + high) / 2, node = path[middle]
            let anonymous = state[node] == 0 ? evaluate(node).isAnonymous : state[node] == 1
            decide(node, anonymous: anonymous)
            if anonymous { high = middle - 1 } else { low = middle + 1 }
        }
    }
}
