/// The 10-digit code of a medical institution, pharmacy or nursing station (医療機関コード as printed on
/// prescriptions): 都道府県 (2) + 点数表 (1) + the 7-digit code assigned in the prefecture, whose last digit is
/// a Luhn check digit computed over all nine digits before it.
///
/// Test files often carry codes such as `0000000` whose check digit is wrong; the code is still accepted and
/// ``hasValidCheckDigit`` says so, because refusing a whole claims file for it would lose data.
public struct InstitutionCode: Sendable, Hashable, Comparable, TextCode, CustomStringConvertible {
    public let prefecture: Prefecture
    public let feeSchedule: FeeSchedule
    /// The 7-digit code within the prefecture (郡市区番号 2 + 医療機関番号 4 + 検証番号 1).
    public let localCode: String
    /// The 10 digits (kept, as every stored row of the institution writes them).
    public let code: String

    /// - Throws: ``ValueError`` when a part is not of its shape.
    public init(prefecture: Prefecture, feeSchedule: FeeSchedule, localCode: some StringProtocol) throws(ValueError) {
        guard localCode.utf8.count == 7, localCode.utf8.allSatisfy(Self.isDigit) else {
            throw .malformed(String(localCode), expected: "a 7-digit institution code (医療機関コード)")
        }
        self.prefecture = prefecture
        self.feeSchedule = feeSchedule
        self.localCode = String(localCode)
        code = prefecture.codeText + String(feeSchedule.rawValue) + self.localCode
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// Reads the 10-digit form, e.g. `1310000010`.
    public init(_ text: some StringProtocol) throws(ValueError) {
        let expected = "a 10-digit institution code: 都道府県 2 + 点数表 1 + 医療機関コード 7"
        let digits = Array(text.utf8)
        guard digits.count == 10, digits.allSatisfy(Self.isDigit) else {
            throw .malformed(String(text), expected: expected)
        }
        let prefecture = try Prefecture(code: Int(digits[0] - 0x30) * 10 + Int(digits[1] - 0x30))
        let scheduleDigit = Int(digits[2] - 0x30)
        guard let schedule = FeeSchedule(rawValue: scheduleDigit) else {
            throw .outOfRange(String(text), expected: expected,
                              reason: "点数表 \(scheduleDigit) is not 1 医科, 3 歯科, 4 調剤 or 6 訪問看護")
        }
        self.prefecture = prefecture
        feeSchedule = schedule
        localCode = String(decoding: digits[3...], as: UTF8.self)
        code = String(decoding: digits, as: UTF8.self)
    }

    /// Whether the last digit is the Luhn check digit of the nine before it.
    public var hasValidCheckDigit: Bool { CheckDigit.isValidLuhn(code) }

    public static func < (lhs: InstitutionCode, rhs: InstitutionCode) -> Bool { lhs.code < rhs.code }

    public var description: String { code }
}
