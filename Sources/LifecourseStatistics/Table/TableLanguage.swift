/// The language of a table's category labels, legend and chart: Japanese (the default) or English. Keys, column
/// names and numbers are the same in both.
public enum TableLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case ja, en
}
