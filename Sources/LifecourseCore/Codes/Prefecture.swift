/// One of the 47 prefectures (都道府県) by its JIS X 0401 code, 01 北海道 … 47 沖縄県.
public struct Prefecture: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The JIS X 0401 code, 1–47.
    public let code: Int

    /// - Throws: ``ValueError`` unless `code` is 1–47.
    public init(code: Int) throws(ValueError) {
        guard (1...47).contains(code) else {
            throw .outOfRange(String(code), expected: "a prefecture code 01–47 (JIS X 0401)",
                              reason: "there is no prefecture \(code)")
        }
        self.code = code
    }

    /// Reads a two-digit code such as `13`.
    public init(_ text: some StringProtocol) throws(ValueError) {
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isNumber }), let code = Int(text) else {
            throw .malformed(String(text), expected: "a prefecture code 01–47 (JIS X 0401)")
        }
        try self.init(code: code)
    }

    /// The prefecture's name, e.g. `東京都`.
    public var name: String { Prefecture.names[code - 1] }

    /// The prefecture's name in English (Hepburn, without the suffix 都, 道, 府, 県), e.g. `Tokyo`.
    public var englishName: String { Prefecture.englishNames[code - 1] }

    /// The region block (地方) the prefecture belongs to: 北海道, 東北, 関東, 中部, 近畿, 中国, 四国, 九州・沖縄.
    public var regionBlock: String {
        switch code {
        case 1: "北海道"
        case 2...7: "東北"
        case 8...14: "関東"
        case 15...23: "中部"
        case 24...30: "近畿"
        case 31...35: "中国"
        case 36...39: "四国"
        default: "九州・沖縄"
        }
    }

    /// The region blocks, north to south.
    public static let regionBlocks = ["北海道", "東北", "関東", "中部", "近畿", "中国", "四国", "九州・沖縄"]

    /// The region blocks' names in English, in the order of `regionBlocks`.
    public static let regionBlocksInEnglish = ["Hokkaido", "Tohoku", "Kanto", "Chubu", "Kinki", "Chugoku", "Shikoku",
                                               "Kyushu-Okinawa"]

    /// Two digits, e.g. `01`.
    public var codeText: String { code < 10 ? "0\(code)" : String(code) }

    public static var all: [Prefecture] { (1...47).map { try! Prefecture(code: $0) } }

    public static func < (lhs: Prefecture, rhs: Prefecture) -> Bool { lhs.code < rhs.code }

    public var description: String { "\(codeText) \(name)" }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(codeText)
    }

    static let englishNames = [
        "Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima", "Ibaraki", "Tochigi", "Gunma",
        "Saitama", "Chiba", "Tokyo", "Kanagawa", "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano", "Gifu",
        "Shizuoka", "Aichi", "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo", "Nara", "Wakayama", "Tottori", "Shimane",
        "Okayama", "Hiroshima", "Yamaguchi", "Tokushima", "Kagawa", "Ehime", "Kochi", "Fukuoka", "Saga", "Nagasaki",
        "Kumamoto", "Oita", "Miyazaki", "Kagoshima", "Okinawa",
    ]

    static let names = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]
}
