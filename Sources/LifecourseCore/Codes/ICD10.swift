/// ICD-10 codes as Japanese sources write them: a capital letter, two digits, then up to two more characters
/// (the fourth-level digit and, in Japan's 2013 version, a fifth), with or without the dot: `I21`, `I219`,
/// `I21.9`, `U071`.
public enum ICD10 {
    /// Whether `text` has the shape of an ICD-10 code.
    public static func isCode(_ text: some StringProtocol) -> Bool {
        let characters = Array(text.filter { $0 != "." })
        guard (3...5).contains(characters.count), text.filter({ $0 == "." }).count <= 1,
              let first = characters.first, first.isASCII, first.isUppercase else { return false }
        let rest = characters.dropFirst()
        guard rest.prefix(2).allSatisfy({ $0.isASCII && $0.isNumber }),
              rest.dropFirst(2).allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        if let dot = text.firstIndex(of: ".") { return text.distance(from: text.startIndex, to: dot) == 3 && characters.count > 3 }
        return true
    }

}
