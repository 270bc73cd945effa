import LifecourseCore

/// A table as the search sees it: each quasi-identifier's values as integer codes at every level of its hierarchy,
/// how many records hold each code, and the sensitive attribute's codes when a privacy model needs them.
public struct EncodedTable: Sendable {
    public let attributes: [String]
    public let heights: [Int]
    public let records: Int
    /// Level-0 codes, record by record (`records × attributes.count`).
    let codes: [Int32]
    /// Per attribute and level, each level-0 code's code at that level.
    let generalize: [[[Int32]]]
    /// Per attribute and level, each code's value.
    let names: [[[String]]]
    /// Per attribute and level, how many records hold each code.
    let counts: [[[Int]]]
    /// Per attribute and level, how many original values (of the hierarchy) each code stands for.
    let leaves: [[[Int]]]
    /// The sensitive attribute's code of each record, and its values.
    let sensitive: [Int32]?
    public let sensitiveValues: [String]

    /// - Parameters:
    ///   - rows: the records, each with a value per column of `header`.
    ///   - hierarchies: one per quasi-identifier, named by its column.
    ///   - sensitive: the sensitive attribute's column, when a model (l-diversity, t-closeness) needs it.
    public init(header: [String], rows: [[String]], hierarchies: [Hierarchy], sensitive: String? = nil) throws(AnonymizationError) {
        var found = [Int]()
        for hierarchy in hierarchies {
            guard let column = header.firstIndex(of: hierarchy.attribute) else {
                throw .invalid("there is no column '\(hierarchy.attribute)' (columns: \(header.joined(separator: ", ")))")
            }
            found.append(column)
        }
        let columns = found
        attributes = hierarchies.map(\.attribute)
        heights = hierarchies.map(\.height)
        records = rows.count
        var generalize = [[[Int32]]](), names = [[[String]]](), leaves = [[[Int]]]()
        var codeOf = [[String: Int32]]()
        for hierarchy in hierarchies {
            let values = hierarchy.rows.keys.sorted()
            var perLevel = [[Int32]](), levelNames = [[String]](), levelLeaves = [[Int]]()
            for level in 0..<hierarchy.height {
                var named = Interner<String>(), leafCount = [Int]()
                var mapped = [Int32]()
                mapped.reserveCapacity(values.count)
                for value in values {
                    let code = named.number(hierarchy.rows[value]![level])
                    if code == leafCount.count { leafCount.append(0) }
                    leafCount[Int(code)] += 1
                    mapped.append(code)
                }
                perLevel.append(mapped)
                levelNames.append(named.values)
                levelLeaves.append(leafCount)
            }
            generalize.append(perLevel)
            names.append(levelNames)
            leaves.append(levelLeaves)
            codeOf.append(Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, Int32($0)) }))
        }
        // Rows coded in parts of 50,000 on every core; the first problem (in file order) is the one reported.
        let attributes = attributes, lookup = codeOf
        let parts = stride(from: 0, to: rows.count, by: 50_000).map { $0..<min($0 + 50_000, rows.count) }
        let coded = (try? parts.concurrentMap(minimumPerChunk: 1) { range -> Result<[Int32], AnonymizationError> in
            var codes = [Int32]()
            codes.reserveCapacity(range.count * columns.count)
            for index in range {
                let row = rows[index]
                guard row.count == header.count else {
                    return .failure(.invalid("row \(index + 2) has \(row.count) values for \(header.count) columns"))
                }
                for (attribute, column) in columns.enumerated() {
                    guard let code = lookup[attribute][row[column]] else {
                        return .failure(.unknownValue(row[column], attribute: attributes[attribute], row: index + 2))
                    }
                    codes.append(code)
                }
            }
            return .success(codes)
        }) ?? []
        var codes = [Int32]()
        codes.reserveCapacity(rows.count * columns.count)
        for part in coded { codes += try part.get() }
        var counts = [[[Int]]]()
        for attribute in attributes.indices {
            counts.append(generalize[attribute].enumerated().map { level, mapped in
                var tally = [Int](repeating: 0, count: names[attribute][level].count)
                var record = attribute
                while record < codes.count {
                    tally[Int(mapped[Int(codes[record])])] += 1
                    record += columns.count
                }
                return tally
            })
        }
        if let sensitive {
            guard let column = header.firstIndex(of: sensitive) else {
                throw .invalid("there is no sensitive column '\(sensitive)' (columns: \(header.joined(separator: ", ")))")
            }
            var values = Interner<String>()
            self.sensitive = rows.map { values.number($0[column]) }
            sensitiveValues = values.values
        } else {
            self.sensitive = nil
            sensitiveValues = []
        }
        self.codes = codes
        self.generalize = generalize
        self.names = names
        self.counts = counts
        self.leaves = leaves
    }

    /// A record's value of an attribute at a level.
    public func value(record: Int, attribute: Int, level: Int) -> String {
        let code = codes[record * attributes.count + attribute]
        return names[attribute][level][Int(generalize[attribute][level][Int(code)])]
    }
}
