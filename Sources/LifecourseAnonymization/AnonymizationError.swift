/// A problem with the input of an anonymization, said so that the user knows what to fix.
public struct AnonymizationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static func invalidHierarchy(_ source: String, line: Int, _ problem: String) -> AnonymizationError {
        AnonymizationError("\(source), line \(line): \(problem)")
    }

    static func unreadable(_ path: String, _ problem: String) -> AnonymizationError {
        AnonymizationError("\(path) cannot be read: \(problem)")
    }

    static func unknownValue(_ value: String, attribute: String, row: Int) -> AnonymizationError {
        AnonymizationError("row \(row): the value '\(value)' of \(attribute) is not in its hierarchy; add a row for it")
    }

    static func invalid(_ problem: String) -> AnonymizationError {
        AnonymizationError(problem)
    }
}
