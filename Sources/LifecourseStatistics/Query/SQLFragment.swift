import LifecourseStore

/// SQL text with its `?` arguments in the order they appear.
struct SQLFragment: Sendable, ExpressibleByStringInterpolation {
    var text: String
    var arguments: [AggregateValue]

    init(_ text: String, _ arguments: [AggregateValue] = []) {
        self.text = text
        self.arguments = arguments
    }

    init(stringLiteral text: String) {
        self.init(text)
    }

    /// Interpolated values become SQL text, not arguments: only the engine's own names and numbers go there.
    init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    static func + (lhs: SQLFragment, rhs: SQLFragment) -> SQLFragment {
        SQLFragment(lhs.text + rhs.text, lhs.arguments + rhs.arguments)
    }

    static func + (lhs: String, rhs: SQLFragment) -> SQLFragment {
        SQLFragment(lhs) + rhs
    }

    static func + (lhs: SQLFragment, rhs: String) -> SQLFragment {
        lhs + SQLFragment(rhs)
    }

    static func += (lhs: inout SQLFragment, rhs: SQLFragment) {
        lhs = lhs + rhs
    }

    /// The fragments joined by `separator`.
    static func joined(_ parts: [SQLFragment], separator: String) -> SQLFragment {
        parts.dropFirst().reduce(parts.first ?? "") { $0 + SQLFragment(separator) + $1 }
    }

    /// `?` bound to a text.
    static func text(_ value: String) -> SQLFragment {
        SQLFragment("?", [.text(value)])
    }
}
