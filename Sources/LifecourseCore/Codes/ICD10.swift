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

    /// The chapters of ICD-10 (I–XXII), each with its first and last 3-character category.
    public static let chapters: [(first: String, last: String, chapter: String)] = [
        ("A00", "B99", "I"), ("C00", "D48", "II"), ("D50", "D89", "III"), ("E00", "E90", "IV"), ("F00", "F99", "V"),
        ("G00", "G99", "VI"), ("H00", "H59", "VII"), ("H60", "H95", "VIII"), ("I00", "I99", "IX"),
        ("J00", "J99", "X"), ("K00", "K93", "XI"), ("L00", "L99", "XII"), ("M00", "M99", "XIII"),
        ("N00", "N99", "XIV"), ("O00", "O99", "XV"), ("P00", "P96", "XVI"), ("Q00", "Q99", "XVII"),
        ("R00", "R99", "XVIII"), ("S00", "T98", "XIX"), ("V01", "Y98", "XX"), ("Z00", "Z99", "XXI"),
        ("U00", "U99", "XXII"),
    ]

    /// The chapter (`IV`) of a 3-character category (`E11`), nil outside every chapter.
    public static func chapter(ofCategory category: some StringProtocol) -> String? {
        chapters.first { $0.first <= category && category <= $0.last }?.chapter
    }
}
