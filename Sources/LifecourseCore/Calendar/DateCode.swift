/// Reads the compact date codes of Japanese health files: western `YYYYMMDD` / `YYYYMM`, and era
/// `GYYMMDD` / `GYYMM` with G the era digit (1 明治 … 5 令和). The length tells which is which.
///
/// ```swift
/// try DateCode.date("4310501", policy: .strict)   // throws: 平成 ended on 2019-04-30
/// try DateCode.date("5010501")                      // 2019-05-01 (令和元年5月1日)
/// try DateCode.month("43011")                       // 2018-11 (平成30年11月)
/// ```
public enum DateCode {
    static let expectedDate = "a date as YYYYMMDD or GYYMMDD (G: 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和)"
    static let expectedMonth = "a month as YYYYMM or GYYMM (G: 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和)"

    /// A day from an 8-digit western or 7-digit era code.
    public static func date(_ text: some StringProtocol, policy: EraBoundaryPolicy = .strict) throws(ValueError) -> CalendarDate {
        let input = String(text)
        guard let digits = asciiDigits(input) else { throw .malformed(input, expected: expectedDate) }
        switch digits.count {
        case 8:
            do {
                return try CalendarDate(year: number(digits[0..<4]), month: number(digits[4..<6]), day: number(digits[6..<8]))
            } catch {
                throw .outOfRange(input, expected: expectedDate, reason: error.reason ?? "the day does not exist")
            }
        case 7:
            guard let era = JapaneseEra(rawValue: digits[0]) else {
                throw .malformed(input, expected: expectedDate, reason: "era digit \(digits[0]) is not 1–5")
            }
            let date = JapaneseDate(era: era, eraYear: number(digits[1..<3]), month: number(digits[3..<5]),
                                    day: number(digits[5..<7]))
            do {
                return try date.calendarDate(policy: policy)
            } catch {
                throw .outOfRange(input, expected: expectedDate, reason: "\(date): " + (error.reason ?? "not a day"))
            }
        default:
            throw .malformed(input, expected: expectedDate, reason: "it has \(digits.count) digits, not 8 or 7")
        }
    }

    /// A month from a 6-digit western or 5-digit era code.
    public static func month(_ text: some StringProtocol, policy: EraBoundaryPolicy = .strict) throws(ValueError) -> YearMonth {
        let input = String(text)
        guard let digits = asciiDigits(input) else { throw .malformed(input, expected: expectedMonth) }
        switch digits.count {
        case 6:
            do {
                return try YearMonth(year: number(digits[0..<4]), month: number(digits[4..<6]))
            } catch {
                throw .outOfRange(input, expected: expectedMonth, reason: error.reason ?? "the month does not exist")
            }
        case 5:
            guard let era = JapaneseEra(rawValue: digits[0]) else {
                throw .malformed(input, expected: expectedMonth, reason: "era digit \(digits[0]) is not 1–5")
            }
            let date = JapaneseDate(era: era, eraYear: number(digits[1..<3]), month: number(digits[3..<5]), day: nil)
            do {
                return try date.yearMonth(policy: policy)
            } catch {
                throw .outOfRange(input, expected: expectedMonth, reason: "\(date): " + (error.reason ?? "not a month"))
            }
        default:
            throw .malformed(input, expected: expectedMonth, reason: "it has \(digits.count) digits, not 6 or 5")
        }
    }

    private static func asciiDigits(_ text: String) -> [Int]? {
        var digits = [Int]()
        for byte in text.utf8 {
            guard (0x30...0x39).contains(byte) else { return nil }
            digits.append(Int(byte - 0x30))
        }
        return digits.isEmpty ? nil : digits
    }

    private static func number(_ digits: ArraySlice<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }
}
