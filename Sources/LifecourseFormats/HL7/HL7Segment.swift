/// An HL7 v2 segment being written: fields of components, escaped as the standard requires.
///
/// ```swift
/// var pid = HL7Segment("PID")
/// pid[3] = "123^^^^PI"          // already structured: written as is
/// pid[5] = HL7Segment.join(components: ["山田", "太郎", "", "", "", "", "L", "I"])
/// ```
public struct HL7Segment: Sendable, Hashable {
    public let name: String
    private var fields: [String] = []

    public init(_ name: String) {
        self.name = name
    }

    /// Field `index` (1-based, as HL7 counts), already encoded with its separators.
    public subscript(index: Int) -> String {
        get { index - 1 < fields.count ? fields[index - 1] : "" }
        set {
            while fields.count < index { fields.append("") }
            fields[index - 1] = newValue
        }
    }

    /// The segment's text without its CR.
    public var text: String {
        var trimmed = fields
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        return ([name] + trimmed).joined(separator: "|")
    }

    /// Escapes a value for use inside a field or component (\F\, \S\, \T\, \R\, \E\).
    public static func escape(_ value: String) -> String {
        guard value.contains(where: { "|^~\\&".contains($0) }) else { return value }
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\E\\"
            case "|": result += "\\F\\"
            case "^": result += "\\S\\"
            case "&": result += "\\T\\"
            case "~": result += "\\R\\"
            default: result.append(character)
            }
        }
        return result
    }

    /// Components, escaped, joined with `^`.
    public static func join(components: [String]) -> String {
        var parts = components.map(escape)
        while parts.last?.isEmpty == true { parts.removeLast() }
        return parts.joined(separator: "^")
    }
}

/// An HL7 v2.5 message: an MSH header and segments, written with CR after each segment.
public struct HL7Message: Sendable {
    public var segments: [HL7Segment]

    /// A message with the MSH of SS-MIX2 (ISO-2022-JP, JIS X 0208).
    public init(type: String, controlID: String, timestamp: String, sendingApplication: String, sendingFacility: String) {
        var msh = HL7Segment("MSH")
        msh[1] = "^~\\&"
        msh[2] = sendingApplication
        msh[3] = sendingFacility
        msh[4] = "GW"
        msh[5] = "RCV"
        msh[6] = timestamp
        msh[8] = type
        msh[9] = controlID
        msh[10] = "P"
        msh[11] = "2.5"
        msh[17] = "~ISO IR87"
        msh[19] = "ISO2022-1994"
        msh[20] = "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO"
        segments = [msh]
    }

    public mutating func append(_ segment: HL7Segment) {
        segments.append(segment)
    }

    /// The message text, each segment ended by CR. (MSH-1 is the `|` after the name, so the index of an MSH
    /// field here is one less than its HL7 number: `msh[1]` holds MSH-2, the encoding characters.)
    public var text: String {
        segments.map(\.text).joined(separator: "\r") + "\r"
    }
}
