/// A person's sex as source systems record it.
///
/// Claims write 男女区分 1 男 / 2 女; HL7 v2 (PID-8) writes M, F, O, U, A, N; JIS X 0303 adds 0 and 9.
public enum Sex: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case male
    case female
    case other
    case unknown

    /// Reads the claims code (1 男, 2 女) and the JIS X 0303 codes (0 unknown, 9 not applicable).
    public init(claimsCode text: some StringProtocol) throws(ValueError) {
        switch text {
        case "1": self = .male
        case "2": self = .female
        case "0": self = .unknown
        case "9": self = .other
        default: throw .malformed(String(text), expected: "男女区分 1 (男) or 2 (女)")
        }
    }

    /// Reads HL7 v2 table 0001 (PID-8).
    public init(hl7Code text: some StringProtocol) throws(ValueError) {
        switch text.uppercased() {
        case "M": self = .male
        case "F": self = .female
        case "O", "A", "N": self = .other
        case "U", "": self = .unknown
        default: throw .malformed(String(text), expected: "an HL7 sex code M, F, O, U, A or N (table 0001)")
        }
    }

    /// The claims / JIS X 0303 digit.
    public var claimsCode: String {
        switch self {
        case .male: "1"
        case .female: "2"
        case .other: "9"
        case .unknown: "0"
        }
    }

    /// The OMOP gender concept (8507 MALE, 8532 FEMALE, 0 when not known).
    public var omopConceptID: Int {
        switch self {
        case .male: 8507
        case .female: 8532
        case .other, .unknown: 0
        }
    }

    /// 男, 女, その他, 不明.
    public var japaneseName: String {
        switch self {
        case .male: "男"
        case .female: "女"
        case .other: "その他"
        case .unknown: "不明"
        }
    }

    /// male, female, other, unknown.
    public var englishName: String {
        switch self {
        case .male: "male"
        case .female: "female"
        case .other: "other"
        case .unknown: "unknown"
        }
    }

    public var description: String { rawValue }
}
