/// Where in a source file something was found: the file, the line, the field and the byte offset.
///
/// Every error about input carries one, so that an operator can open the file at the right place.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name as given to the command (not necessarily an absolute path).
    public var file: String
    /// 1-based line number, when the format has lines.
    public var line: Int?
    /// 1-based column of the field inside the record (the record type is column 1), when known.
    public var field: Int?
    /// 0-based byte offset from the start of the file, when known.
    public var byteOffset: Int?

    public init(file: String, line: Int? = nil, field: Int? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.byteOffset = byteOffset
    }

    /// The same position narrowed to one field of the record.
    public func field(_ field: Int) -> SourcePosition {
        var copy = self
        copy.field = field
        return copy
    }

    public var description: String {
        var parts = [file]
        if let line { parts.append("line \(line)") }
        if let field { parts.append("column \(field)") }
        if let byteOffset { parts.append("byte \(byteOffset)") }
        return parts.joined(separator: ", ")
    }
}
