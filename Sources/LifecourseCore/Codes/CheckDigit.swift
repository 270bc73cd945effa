/// The check digit of Japanese insurer numbers (保険者番号), public-expense payer numbers (公費負担者番号)
/// and institution codes (医療機関コード): the Luhn scheme as the 保険者番号設定要領 states it — weights 2 and 1
/// from the last digit leftwards, digits of two-digit products added, the check digit completes the sum to a
/// multiple of 10.
public enum CheckDigit {
    /// The check digit for `digits` (ASCII digits only; the check digit itself not included).
    public static func luhn(for digits: some StringProtocol) -> Int? {
        var sum = 0
        var weight = 2
        for character in digits.reversed() {
            guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
            let product = digit * weight
            sum += product / 10 + product % 10
            weight = 3 - weight
        }
        return (10 - sum % 10) % 10
    }

    /// Whether the last digit of `number` is the Luhn check digit of the digits before it.
    public static func isValidLuhn(_ number: some StringProtocol) -> Bool {
        guard let last = number.last?.wholeNumberValue, number.count >= 2 else { return false }
        return luhn(for: number.dropLast()) == last
    }
}
