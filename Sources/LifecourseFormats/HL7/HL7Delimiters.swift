/// The separators a message declares in MSH-1 and MSH-2 (usually `|` and `^~\&`).
public struct HL7Delimiters: Sendable, Hashable {
    public var field: Character
    public var component: Character
    public var repetition: Character
    public var escape: Character
    public var subcomponent: Character

    public static let standard = HL7Delimiters(field: "|", component: "^", repetition: "~", escape: "\\", subcomponent: "&")

    public init(field: Character, component: Character, repetition: Character, escape: Character, subcomponent: Character) {
        self.field = field
        self.component = component
        self.repetition = repetition
        self.escape = escape
        self.subcomponent = subcomponent
    }

    /// The delimiters of an MSH segment's text (`MSH|^~\&|…`).
    /// - Throws: a message for the reader when the segment is too short or repeats a separator.
    init(msh text: Substring) throws(HL7ProblemText) {
        let characters = Array(text.prefix(8))
        guard characters.count >= 8, String(characters[0..<3]) == "MSH" else {
            throw HL7ProblemText(field: 1, "the message does not start with an MSH segment declaring its separators (MSH|^~\\&)")
        }
        let separators = Array(characters[3..<8])
        guard Set(separators).count == 5, separators.allSatisfy({ !$0.isLetter && !$0.isNumber && $0 != "\r" }) else {
            throw HL7ProblemText(field: 2, "MSH-1 and MSH-2 must be five different separators such as |^~\\&, not '\(String(separators))'")
        }
        self.init(field: separators[0], component: separators[1], repetition: separators[2], escape: separators[3],
                  subcomponent: separators[4])
    }
}

/// A problem found inside a segment, with the field (and component) it is in; the reader adds file and segment.
struct HL7ProblemText: Error {
    var field: Int
    var component: Int?
    var text: String

    init(field: Int, component: Int? = nil, _ text: String) {
        self.field = field
        self.component = component
        self.text = text
    }
}
