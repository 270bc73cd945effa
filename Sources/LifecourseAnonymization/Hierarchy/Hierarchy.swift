public import Foundation

/// A generalization hierarchy of one attribute: for every original value, its generalization at each level, level 0
/// being the value itself and the last level the most general (often `*`).
///
/// Loaded from ARX's layout (``load(contentsOf:attribute:delimiter:)``): one row per original value, one column per
/// level. A hierarchy must be a tree: two values that share a generalization at one level share it at every level
/// above.
public struct Hierarchy: Sendable, Hashable {
    public let attribute: String
    /// Each original value's generalizations, level 0 first.
    public let rows: [String: [String]]
    /// The number of levels, the original one included.
    public let height: Int

    /// - Throws: ``AnonymizationError`` when rows differ in length, a value appears twice, or the levels do not
    ///   form a tree.
    public init(attribute: String, rows: [[String]], source: String = "hierarchy") throws(AnonymizationError) {
        guard let first = rows.first, !first.isEmpty else {
            throw .invalidHierarchy(source, line: 1, "it has no rows; give one row per original value")
        }
        var table = [String: [String]]()
        var parents = [[String: String]](repeating: [:], count: first.count)
        for (index, row) in rows.enumerated() {
            let line = index + 1
            guard row.count == first.count else {
                throw .invalidHierarchy(source, line: line, "\(row.count) levels where the first row has \(first.count)")
            }
            guard table[row[0]] == nil else {
                throw .invalidHierarchy(source, line: line, "the value '\(row[0])' has a row already")
            }
            for level in 1..<max(1, row.count) {
                if let known = parents[level][row[level - 1]], known != row[level] {
                    throw .invalidHierarchy(source, line: line, "'\(row[level - 1])' generalizes to '\(known)' and to "
                        + "'\(row[level])' at level \(level): the levels must form a tree")
                }
                parents[level][row[level - 1]] = row[level]
            }
            table[row[0]] = row
        }
        self.attribute = attribute
        self.rows = table
        height = first.count
    }

    /// Loads a hierarchy written as ARX writes it: `;`-separated, one row per value, most general level last.
    public static func load(contentsOf url: URL, attribute: String, delimiter: Character = ";") throws(AnonymizationError) -> Hierarchy {
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw AnonymizationError.invalidHierarchy(url.path, line: 1, "it is not UTF-8 text")
            }
            text = decoded
        } catch let error as AnonymizationError {
            throw error
        } catch {
            throw .unreadable(url.path, error.localizedDescription)
        }
        let rows = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .map { $0.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init) }
        return try Hierarchy(attribute: attribute, rows: rows, source: url.path)
    }

    /// A value's generalization at a level; nil when the hierarchy does not know the value.
    public func generalize(_ value: String, to level: Int) -> String? {
        rows[value].map { $0[level] }
    }
}
