import LifecourseCore

/// One axis of a table: its positions as a tree. Position 0 is the total (計) when the axis adds up; under it
/// the categories, and for a region axis that nests areas in prefectures, the prefectures with their areas under
/// them. An axis of a dimension in which a unit may fall in several categories (a person's drugs) has no total:
/// its positions are its categories, each a separate slice of the table.
public struct TableAxis: Sendable, Hashable {
    /// The dimension names the axis shows (two for a region axis nesting areas in prefectures).
    public let names: [String]
    /// Each position's key per name (nil where it is a total at that level).
    public let keys: [[String?]]
    /// Each position's label.
    public let labels: [String]
    /// Each position's parent (nil for the total and for the categories of an axis without total).
    public let parents: [Int?]
    public let hasTotal: Bool
    let children: [[Int]]
    private let lookup: [[String?]: Int]

    init(names: [String], keys: [[String?]], labels: [String], parents: [Int?], hasTotal: Bool) {
        self.names = names
        self.keys = keys
        self.labels = labels
        self.parents = parents
        self.hasTotal = hasTotal
        var children = Array(repeating: [Int](), count: keys.count)
        for (position, parent) in parents.enumerated() { if let parent { children[parent].append(position) } }
        self.children = children
        lookup = Dictionary(keys.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    public var count: Int { keys.count }

    /// Whether the position is a category with nothing under it.
    func isLeaf(_ position: Int) -> Bool { children[position].isEmpty }

    /// The position of a result row's keys for this axis, if the row belongs to it.
    func position(of rowKeys: [String?]) -> Int? {
        lookup[rowKeys]
    }

    /// A flat axis: the total (if it adds up) and the categories seen, in key order.
    static func flat(_ dimension: TableDimension, categories: Set<String>, hasTotal: Bool,
                     language: TableLanguage = .ja) -> TableAxis {
        let sorted = categories.sorted(by: CategoryLabels.order(dimension))
        let keys: [[String?]] = (hasTotal ? [[nil]] : []) + sorted.map { [$0] }
        let labels = (hasTotal ? [CategoryLabels.total(language)] : [])
            + sorted.map { CategoryLabels.label($0, of: dimension, in: language) }
        let parents: [Int?] = (hasTotal ? [nil] : []) + sorted.map { _ in hasTotal ? 0 : nil }
        return TableAxis(names: [dimension.name], keys: keys, labels: labels, parents: parents, hasTotal: hasTotal)
    }

    /// A region axis: the total, the prefectures seen, and under each its areas.
    static func nested(prefecture: TableDimension, area: TableDimension, areas: Set<String>,
                       language: TableLanguage = .ja) -> TableAxis {
        var keys: [[String?]] = [[nil, nil]], labels = [CategoryLabels.total(language)], parents: [Int?] = [nil]
        let byPrefecture = Dictionary(grouping: areas) { String($0.prefix(2)) }
        for prefectureKey in byPrefecture.keys.sorted() {
            let parent = keys.count
            keys.append([prefectureKey, nil])
            labels.append(CategoryLabels.label(prefectureKey, of: prefecture, in: language))
            parents.append(0)
            for areaKey in byPrefecture[prefectureKey, default: []].sorted() {
                keys.append([prefectureKey, areaKey])
                labels.append(CategoryLabels.label(areaKey, of: area, in: language))
                parents.append(parent)
            }
        }
        return TableAxis(names: [prefecture.name, area.name], keys: keys, labels: labels, parents: parents, hasTotal: true)
    }
}
