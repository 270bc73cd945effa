public import LifecourseCore

/// One 特定健診 (specific health checkup) result as the CDA R2 document of the 電子的な標準様式 carries it: who was
/// examined (identified by the insurance card), where and when, and every item by its 17-character 特定健診項目コード
/// (JLAC10-based).
public struct CheckupDocument: Sendable {
    /// The examinee as the card and the checkup centre's register give them.
    public struct Examinee: Sendable {
        /// 保険者番号: 8 digits (国保's 6 digits are written with two leading zeros).
        public var insurerNumber: String
        public var symbol: String
        public var number: String
        /// 枝番, when the card has one.
        public var branch: String?
        public var kanaName: String
        public var sex: Sex
        public var birthDate: CalendarDate
        public var postalCode: String?
        public var address: String?

        public init(insurerNumber: String, symbol: String, number: String, branch: String?, kanaName: String, sex: Sex,
                    birthDate: CalendarDate, postalCode: String?, address: String?) {
            self.insurerNumber = insurerNumber
            self.symbol = symbol
            self.number = number
            self.branch = branch
            self.kanaName = kanaName
            self.sex = sex
            self.birthDate = birthDate
            self.postalCode = postalCode
            self.address = address
        }
    }

    /// The checkup centre (健診機関) by its 10-digit number.
    public struct Centre: Sendable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// An item's result: a measured quantity with its unit, a coded answer, or text.
    public enum Value: Sendable, Hashable {
        /// The number as written (its decimals are part of the value) and its unit (UCUM, e.g. `mm[Hg]`).
        case quantity(String, unit: String)
        /// A coded result; `system` is the OID of the result code table when known.
        case code(String, system: String?, display: String)
        case text(String)
    }

    public struct Observation: Sendable, Hashable {
        /// The 17-character 特定健診項目コード.
        public var itemCode: String
        public var name: String
        public var value: Value
        /// The line the observation starts on, when it was read from a document.
        public var line: Int?

        public init(itemCode: String, name: String, value: Value) {
            self.itemCode = itemCode
            self.name = name
            self.value = value
        }
    }

    public var examinee: Examinee
    public var centre: Centre
    public var examDate: CalendarDate
    /// The day the file was made (ファイル作成日).
    public var createdOn: CalendarDate
    /// 報告区分: 10 特定健診.
    public var reportKind: String
    /// 健診プログラムサービスコード: 010 特定健診.
    public var program: String
    public var observations: [Observation]

    public init(examinee: Examinee, centre: Centre, examDate: CalendarDate, createdOn: CalendarDate,
                reportKind: String = "10", program: String = "010", observations: [Observation]) {
        self.examinee = examinee
        self.centre = centre
        self.examDate = examDate
        self.createdOn = createdOn
        self.reportKind = reportKind
        self.program = program
        self.observations = observations
    }
}

/// The OIDs of the 特定健診 standard format that Lifecourse writes and reads.
public enum CheckupOID {
    public static let reportKind = "1.2.392.200119.6.1001"
    public static let program = "1.2.392.200119.6.1002"
    public static let item = "1.2.392.200119.6.1005"
    public static let section = "1.2.392.200119.6.1010"
    public static let insurer = "1.2.392.200119.6.101"
    public static let centre = "1.2.392.200119.6.102"
    public static let symbol = "1.2.392.200119.6.204"
    public static let number = "1.2.392.200119.6.205"
    public static let branch = "1.2.392.200119.6.211"
    public static let sex = "1.2.392.200119.6.1104"
}
