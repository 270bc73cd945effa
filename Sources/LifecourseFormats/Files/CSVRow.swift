import Foundation
import LifecourseCore

/// The fields of one CSV row with the names of their columns, read by rules that turn every bad value into a
/// ``SourceError`` naming the file, line, column and column name.
struct CSVRow {
    let fields: [String]
    let position: SourcePosition
    /// The column names, in order, for messages.
    let names: [String]
    /// What the operator should do about a bad value.
    var fix = "correct the value in the sending system and send the row again"

    func error(_ index: Int, _ problem: String, fix: String? = nil) -> SourceError {
        SourceError(at: position.field(index + 1), problem: "\(name(index)): \(problem)", fix: fix ?? self.fix)
    }

    private func name(_ index: Int) -> String {
        index < names.count ? names[index] : "column \(index + 1)"
    }

    func trimmed(_ index: Int) -> String {
        fields[index].trimmingCharacters(in: .whitespaces)
    }

    func isEmpty(_ start: Int, count: Int) -> Bool {
        (start..<start + count).allSatisfy { trimmed($0).isEmpty }
    }

    func required(_ index: Int) throws(SourceError) -> String {
        let text = trimmed(index)
        guard !text.isEmpty else { throw error(index, "the value is empty") }
        return text
    }

    /// A value read by a Core reader; its ``ValueError`` becomes the row's error.
    func value<T>(_ index: Int, _ read: (String) throws(ValueError) -> T) throws(SourceError) -> T {
        do {
            return try read(trimmed(index))
        } catch {
            throw self.error(index, error.description)
        }
    }

    func date(_ index: Int, iso: Bool = false) throws(SourceError) -> CalendarDate {
        try value(index) { text throws(ValueError) in iso ? try CalendarDate(iso: text) : try DateCode.date(text) }
    }

    func digits(_ index: Int, count: Int, _ what: String) throws(SourceError) -> String {
        let text = trimmed(index)
        guard text.count == count, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw error(index, "'\(text)' is not \(what); expected \(count) digits")
        }
        return text
    }

    func integer(_ index: Int, in range: ClosedRange<Int>) throws(SourceError) -> Int {
        guard let value = Int(trimmed(index)), range.contains(value) else {
            throw error(index, "'\(fields[index])' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func enumeration<E: RawRepresentable>(_ index: Int, _: E.Type, _ expected: String,
                                          parse: (String) -> E.RawValue?) throws(SourceError) -> E {
        guard let value = parse(trimmed(index)).flatMap(E.init(rawValue:)) else {
            throw error(index, "'\(fields[index])' is not a code; expected \(expected)")
        }
        return value
    }

    func institution(_ index: Int) throws(SourceError) -> InstitutionCode? {
        guard !trimmed(index).isEmpty else { return nil }
        return try value(index) { text throws(ValueError) in try InstitutionCode(text) }
    }
}
