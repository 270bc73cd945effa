/// CSV fields as RFC 4180 writes them: quoted when they hold the delimiter, a quote or a line break, quotes doubled.
public enum CSVField {
    public static func quote(_ field: String) -> String { quote(field, delimiter: ",") }

    public static func quote(_ field: String, delimiter: Character) -> String {
        needsQuotes(field, delimiter: delimiter) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// One record, ended by a line feed.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        var line = ""
        line.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(delimiter) }
            line += needsQuotes(field, delimiter: delimiter) ? quote(field, delimiter: delimiter) : field
        }
        line += "\n"
        return line
    }

    /// Whether a field holds the delimiter, a quote or a line break — looked for in its UTF-8 bytes when the
    /// delimiter is ASCII (as every delimiter CSV uses is): comparing characters costs a grapheme break each.
    private static func needsQuotes(_ field: String, delimiter: Character) -> Bool {
        guard let byte = delimiter.asciiValue else {
            return field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" })
        }
        return field.utf8.contains { $0 == byte || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    }
}
