/// A problem with a statistical table's specification or its computation, said so that the user knows what to fix.
public struct StatisticsError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static func unreadable(_ path: String, _ reason: String) -> StatisticsError {
        StatisticsError("\(path) cannot be read: \(reason)")
    }

    static func invalid(_ problem: String) -> StatisticsError {
        StatisticsError(problem)
    }
}
