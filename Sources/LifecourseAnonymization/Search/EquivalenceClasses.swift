/// The equivalence classes of a transformation: records with the same generalized quasi-identifiers, each class
/// with its size and, when needed, its sensitive values' counts.
public struct EquivalenceClasses: Sendable {
    public let levels: [Int]
    /// Each class's codes at `levels`, attribute by attribute (`classes × attributes`).
    let keys: [Int32]
    public let sizes: [Int]
    /// Each class's sensitive values' counts; empty (not a list of empty counts) when the table has no sensitive
    /// attribute, so that a million classes carry nothing to copy or release.
    let sensitive: [[Int32: Int]]

    public var count: Int { sizes.count }

    /// The classes of the records themselves (level 0 everywhere).
    init(table: EncodedTable) {
        var keys = [Int32](), sizes = [Int](), sensitive = [[Int32: Int]]()
        let width = table.attributes.count
        let multipliers = Self.packing(table.names.map { $0[0].count })
        let packedIndex = PackedKeyIndex()
        var tupleIndex = [TupleKey: Int]()
        for record in 0..<table.records {
            let codes = table.codes[(record * width)..<((record + 1) * width)]
            let value = table.sensitive?[record]
            var known: Int?
            if let multipliers {
                let (number, isNew) = packedIndex.number(zip(codes, multipliers).reduce(0) { $0 &+ UInt64($1.0) &* $1.1 })
                known = isNew ? nil : number
            } else {
                let key = TupleKey(Array(codes))
                known = tupleIndex[key]
                if known == nil { tupleIndex[key] = sizes.count }
            }
            if let known {
                sizes[known] += 1
                if let value { sensitive[known][value, default: 0] += 1 }
            } else {
                keys += codes
                sizes.append(1)
                if let value { sensitive.append([value: 1]) }
            }
        }
        levels = Array(repeating: 0, count: width)
        self.keys = keys
        self.sizes = sizes
        self.sensitive = sensitive
    }

    /// Per attribute, the multiplier that packs a tuple of codes into one number (mixed radix by the attributes'
    /// value counts), or nil when the counts multiply beyond 64 bits.
    static func packing(_ counts: [Int]) -> [UInt64]? {
        var multipliers = [UInt64](repeating: 1, count: counts.count), product: UInt64 = 1
        for attribute in counts.indices.reversed() {
            multipliers[attribute] = product
            let (next, overflow) = product.multipliedReportingOverflow(by: UInt64(max(1, counts[attribute])))
            if overflow { return nil }
            product = next
        }
        return multipliers
    }

    private init(levels: [Int], keys: [Int32], sizes: [Int], sensitive: [[Int32: Int]]) {
        self.levels = levels
        self.keys = keys
        self.sizes = sizes
        self.sensitive = sensitive
    }

    /// The classes of a generalization of these classes' transformation (every level at least as high): each class
    /// is generalized and merged with the others that become equal — never the records again.
    func generalized(to target: [Int], in table: EncodedTable) -> EquivalenceClasses {
        let width = levels.count
        // Per attribute, each code at the current level → its code at the target level, all in one array.
        var maps = [Int32](), offsets = [Int]()
        for attribute in 0..<width {
            let from = table.generalize[attribute][levels[attribute]], to = table.generalize[attribute][target[attribute]]
            offsets.append(maps.count)
            var map = [Int32](repeating: 0, count: table.names[attribute][levels[attribute]].count)
            for (original, code) in from.enumerated() { map[Int(code)] = to[original] }
            maps += map
        }
        var newSizes = [Int](), newSensitive = [[Int32: Int]]()
        let tracksSensitive = !sensitive.isEmpty
        // Codes packed into one number when the target levels' value counts multiply within 64 bits (they do for
        // most tables): no array per class.
        let packing = Self.packing((0..<width).map { table.names[$0][target[$0]].count })
        let multipliers = packing ?? Array(repeating: 0, count: width)
        let packedIndex = PackedKeyIndex()
        var tupleIndex = [TupleKey: Int]()
        // The new keys are written straight into their array (there are never more classes than before): each
        // class's codes go into the next free slot, which a class already known leaves to the next one.
        let newKeys = [Int32](unsafeUninitializedCapacity: keys.count) { newKeys, initialized in
            maps.withUnsafeBufferPointer { maps in
                keys.withUnsafeBufferPointer { keys in
                    for member in sizes.indices {
                        let slot = newSizes.count * width
                        var packed: UInt64 = 0
                        for attribute in 0..<width {
                            let code = maps[offsets[attribute] + Int(keys[member * width + attribute])]
                            newKeys[slot + attribute] = code
                            packed &+= UInt64(code) &* multipliers[attribute]
                        }
                        var known: Int?
                        if packing != nil {
                            let (number, isNew) = packedIndex.number(packed)
                            known = isNew ? nil : number
                        } else {
                            let key = TupleKey(Array(newKeys[slot..<(slot + width)]))
                            known = tupleIndex[key]
                            if known == nil { tupleIndex[key] = newSizes.count }
                        }
                        if let known {
                            newSizes[known] += sizes[member]
                            if tracksSensitive { newSensitive[known].merge(sensitive[member], uniquingKeysWith: +) }
                        } else {
                            newSizes.append(sizes[member])
                            if tracksSensitive { newSensitive.append(sensitive[member]) }
                        }
                    }
                }
            }
            initialized = newSizes.count * width
        }
        return EquivalenceClasses(levels: target, keys: newKeys, sizes: newSizes, sensitive: newSensitive)
    }

    /// A class's sensitive counts.
    func sensitiveCounts(_ member: Int) -> [Int32: Int] { sensitive.isEmpty ? [:] : sensitive[member] }

    /// A class's codes.
    func key(_ member: Int) -> ArraySlice<Int32> {
        keys[(member * levels.count)..<((member + 1) * levels.count)]
    }
}

/// A tuple of codes as a dictionary key, hashed once.
struct TupleKey: Hashable {
    let codes: [Int32]
    private let hash: Int

    init(_ codes: [Int32]) {
        self.codes = codes
        var hasher = Hasher()
        hasher.combine(codes)
        hash = hasher.finalize()
    }

    static func == (lhs: TupleKey, rhs: TupleKey) -> Bool { lhs.hash == rhs.hash && lhs.codes == rhs.codes }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
