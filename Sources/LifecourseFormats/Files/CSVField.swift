/// CSV fields as RFC 4180 writes them: quoted when they hold a comma, a quote or a line break.
public enum CSVField {
    public static func quote(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
