/// CSV fields as RFC 4180 writes them: quoted when they hold the delimiter, a quote or a line break, quotes doubled.
public enum CSVField {
    public static func quote(_ field: String) -> String { quote(field, delimiter: ",") }

    public static func quote(_ field: String, delimiter: Character) -> String {
        field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// One record, ended by a line feed.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { quote($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\n"
    }
}
