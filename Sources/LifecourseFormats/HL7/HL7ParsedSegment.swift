public import LifecourseCore

/// One segment of a received message, split by its message's separators. Fields are numbered as HL7 numbers them:
/// in MSH, field 1 is the field separator itself and field 2 the encoding characters.
public struct HL7ParsedSegment: Sendable, Hashable {
    public let name: String
    /// The segment's number in its message (1 for MSH), used as the line in errors.
    public let number: Int
    public let delimiters: HL7Delimiters
    /// The fields after the name, as received (still escaped).
    private let fields: [Substring]
    public let position: SourcePosition

    init(text: Substring, number: Int, delimiters: HL7Delimiters, position: SourcePosition) throws(SourceError) {
        let parts = text.split(separator: delimiters.field, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard name.count == 3, name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            throw SourceError(at: position.field(0), problem: "segment \(number): '\(name.prefix(20))' is not a segment name (three capitals or digits such as PID)",
                              fix: "check that the file is an HL7 v2 message with one segment per CR")
        }
        self.name = name
        self.number = number
        self.delimiters = delimiters
        self.position = position
        // MSH-1 is the field separator, which the split consumed: the encoding characters are MSH-2.
        fields = name == "MSH" ? [Substring(String(delimiters.field))] + parts.dropFirst() : Array(parts.dropFirst())
        for (index, field) in fields.enumerated() where !(name == "MSH" && index < 2) {
            do throws(HL7ProblemText) {
                _ = try Self.unescapeChecked(field, delimiters, field: index + 1)
            } catch {
                throw SourceError(at: position.field(error.field),
                                  problem: "\(name)-\(error.field)\(error.component.map { ".\($0)" } ?? ""): \(error.text)",
                                  fix: "ask the sender to escape separators inside values (\\F\\, \\S\\, \\T\\, \\R\\, \\E\\)")
            }
        }
    }

    /// The segment as received (decoded, still escaped).
    public var text: String {
        let rest = name == "MSH" ? fields.dropFirst() : fields[...]
        return ([Substring(name)] + rest).joined(separator: String(delimiters.field))
    }

    /// How many fields the segment has.
    public var fieldCount: Int { fields.count }

    /// Field `field` as received (escaped), or "" when the segment is shorter.
    public func raw(_ field: Int) -> Substring {
        field >= 1 && field <= fields.count ? fields[field - 1] : ""
    }

    /// A value, unescaped: field `field`, its repetition `repetition`, component and subcomponent (all 1-based).
    /// Nil when empty or absent.
    public func value(_ field: Int, repetition: Int = 1, component: Int = 1, subcomponent: Int = 1) -> String? {
        if name == "MSH" && field <= 2 { return String(raw(field)) }
        let repetitions = raw(field).split(separator: delimiters.repetition, omittingEmptySubsequences: false)
        guard repetition <= repetitions.count else { return nil }
        let components = repetitions[repetition - 1].split(separator: delimiters.component, omittingEmptySubsequences: false)
        guard component <= components.count else { return nil }
        let subcomponents = components[component - 1].split(separator: delimiters.subcomponent, omittingEmptySubsequences: false)
        guard subcomponent <= subcomponents.count else { return nil }
        let text = (try? Self.unescapeChecked(subcomponents[subcomponent - 1], delimiters, field: field)) ?? ""
        return text.isEmpty ? nil : text
    }

    /// The repetitions of a field, each as its unescaped components.
    public func repetitions(_ field: Int) -> [[String]] {
        guard !raw(field).isEmpty else { return [] }
        return raw(field).split(separator: delimiters.repetition, omittingEmptySubsequences: false).map { repetition in
            repetition.split(separator: delimiters.component, omittingEmptySubsequences: false).map { component in
                (try? Self.unescapeChecked(component, delimiters, field: field)) ?? ""
            }
        }
    }

    /// Replaces the escape sequences of a value: \F\ \S\ \T\ \R\ \E\ by the separators, \Xhh…\ by the bytes (as
    /// UTF-8 when valid), \.br\ by a line break; other formatting sequences (\H\, \N\, \.sp\ …) are dropped.
    static func unescapeChecked(_ text: Substring, _ delimiters: HL7Delimiters, field: Int) throws(HL7ProblemText) -> String {
        guard text.contains(delimiters.escape) else { return String(text) }
        var output = ""
        var rest = text[...]
        while let start = rest.firstIndex(of: delimiters.escape) {
            output += rest[..<start]
            let afterStart = rest.index(after: start)
            guard let end = rest[afterStart...].firstIndex(of: delimiters.escape) else {
                let component = text[..<start].filter { $0 == delimiters.component }.count + 1
                throw HL7ProblemText(field: field, component: component,
                                     "an escape sequence starting '\(rest[start...].prefix(8))' is not closed by \(delimiters.escape)")
            }
            let code = rest[afterStart..<end]
            switch code {
            case "F": output.append(delimiters.field)
            case "S": output.append(delimiters.component)
            case "T": output.append(delimiters.subcomponent)
            case "R": output.append(delimiters.repetition)
            case "E": output.append(delimiters.escape)
            case ".br": output.append("\n")
            default:
                if code.first == "X", code.count > 1, code.count % 2 == 1 {
                    let hex = Array(code.dropFirst())
                    let bytes = stride(from: 0, to: hex.count, by: 2).compactMap { UInt8(String(hex[$0...$0 + 1]), radix: 16) }
                    if bytes.count == hex.count / 2 { output += String(decoding: bytes, as: UTF8.self) }
                }
            }
            rest = rest[rest.index(after: end)...]
        }
        return output + rest
    }
}
