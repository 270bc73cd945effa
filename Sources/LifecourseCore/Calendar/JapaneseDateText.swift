/// Reads dates as people write them: `平成31年4月30日`, `令和元年5月1日`, `R1.5.1`, `H31/04/30`, `S56年5月`,
/// and western `2019年5月1日`, `2019-05-01`, `2019/5/1`. Full-width digits and letters are accepted.
public enum JapaneseDateText {
    static let expected = "a date such as 令和元年5月1日, R1.5.1, 2019年5月1日 or 2019-05-01"

    /// A day written in text.
    public static func date(_ text: String, policy: EraBoundaryPolicy = .strict) throws(ValueError) -> CalendarDate {
        let parts = try split(text)
        guard let day = parts.day else {
            throw .malformed(text, expected: expected, reason: "it names a month, not a day")
        }
        if let era = parts.era {
            return try JapaneseDate(era: era, eraYear: parts.year, month: parts.month, day: day).calendarDate(policy: policy)
        }
        do {
            return try CalendarDate(year: parts.year, month: parts.month, day: day)
        } catch {
            throw .outOfRange(text, expected: expected, reason: error.reason ?? "the day does not exist")
        }
    }

    /// A month written in text (a day, if present, is ignored).
    public static func month(_ text: String, policy: EraBoundaryPolicy = .strict) throws(ValueError) -> YearMonth {
        let parts = try split(text)
        if let era = parts.era {
            return try JapaneseDate(era: era, eraYear: parts.year, month: parts.month, day: nil).yearMonth(policy: policy)
        }
        do {
            return try YearMonth(year: parts.year, month: parts.month)
        } catch {
            throw .outOfRange(text, expected: expected, reason: error.reason ?? "the month does not exist")
        }
    }

    private struct Parts {
        var era: JapaneseEra?
        var year: Int
        var month: Int
        var day: Int?
    }

    private static func split(_ text: String) throws(ValueError) -> Parts {
        let folded = String(text.unicodeScalars.map(foldWidth).map(Character.init))
            .trimmingWhitespace()
        var rest = Substring(folded)
        var era: JapaneseEra?
        if let found = JapaneseEra.allCases.first(where: { rest.hasPrefix($0.name) }) {
            era = found
            rest = rest.dropFirst(found.name.count)
        } else if let first = rest.first, first.isLetter, let found = JapaneseEra(symbol: String(first)) {
            era = found
            rest = rest.dropFirst()
        }
        rest = rest.drop(while: { $0 == " " })
        if era != nil, rest.hasPrefix("元") {
            rest = "1" + rest.dropFirst()
        }
        var numbers = [Int]()
        var current: Int?
        var separators = 0
        for character in rest {
            if let digit = character.wholeNumberValue, character.isASCII {
                current = (current ?? 0) * 10 + digit
            } else if "年月日.-/ ".contains(character) {
                if let value = current { numbers.append(value); current = nil }
                separators += 1
            } else {
                throw .malformed(text, expected: expected, reason: "unexpected '\(character)'")
            }
        }
        if let value = current { numbers.append(value) }
        guard numbers.count == 2 || numbers.count == 3, separators >= numbers.count - 1 else {
            throw .malformed(text, expected: expected)
        }
        if era == nil, numbers[0] < 1000 {
            throw .malformed(text, expected: expected, reason: "a year without an era must have four digits")
        }
        return Parts(era: era, year: numbers[0], month: numbers[1], day: numbers.count == 3 ? numbers[2] : nil)
    }

    /// Full-width ASCII (Ａ, １, ／) to ASCII, and the ideographic space to a space.
    private static func foldWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: " "
        default: scalar
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}
