public import LifecourseCore

/// A long-term care certification (要介護認定) as a municipality records it.
public struct CareCertification: Sendable, Hashable {
    /// 保険者番号 of the 介護保険 insurer (the municipality), 6 digits.
    public var insurerNumber: String
    /// 被保険者番号 (10 digits).
    public var insuredNumber: String
    public var name: String
    public var kanaName: String
    public var birthDate: CalendarDate
    public var sex: Sex
    public var level: CareLevel
    /// 認定年月日 and 認定有効期間.
    public var certifiedOn: CalendarDate
    public var validFrom: CalendarDate
    public var validUntil: CalendarDate

    public init(insurerNumber: String, insuredNumber: String, name: String, kanaName: String, birthDate: CalendarDate,
                sex: Sex, level: CareLevel, certifiedOn: CalendarDate, validFrom: CalendarDate, validUntil: CalendarDate) {
        self.insurerNumber = insurerNumber
        self.insuredNumber = insuredNumber
        self.name = name
        self.kanaName = kanaName
        self.birthDate = birthDate
        self.sex = sex
        self.level = level
        self.certifiedOn = certifiedOn
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// One month of one provider's services to one insured person (介護給付費明細書), reduced to what research needs.
public struct CareClaim: Sendable, Hashable {
    public var serviceMonth: YearMonth
    /// 事業所番号 (10 digits).
    public var providerNumber: String
    public var insurerNumber: String
    public var insuredNumber: String
    public var birthDate: CalendarDate
    public var sex: Sex
    public var level: CareLevel
    public var services: [CareService]
    /// 摘要: free-text remarks on the claim (kept encrypted in the vault, never in the research store).
    public var remarks: [Located<String>]

    public init(serviceMonth: YearMonth, providerNumber: String, insurerNumber: String, insuredNumber: String,
                birthDate: CalendarDate, sex: Sex, level: CareLevel, services: [CareService],
                remarks: [Located<String>] = []) {
        self.remarks = remarks
        self.serviceMonth = serviceMonth
        self.providerNumber = providerNumber
        self.insurerNumber = insurerNumber
        self.insuredNumber = insuredNumber
        self.birthDate = birthDate
        self.sex = sex
        self.level = level
        self.services = services
    }
}

/// The long-term care files Lifecourse accepts from municipalities, in a documented layout (the 国保連's own
/// interchange format is not public): CSV, UTF-8, CRLF, no header, the record kind in the first field.
///
/// Certifications (`care/INSURER/YYYYMM/NINTEI.csv`), one record per certification:
/// `NT, 保険者番号, 被保険者番号, 氏名, 氏名カナ, 性別, 生年月日, 要介護状態区分, 認定年月日, 有効期間開始, 有効期間終了`.
///
/// Claims (`care/INSURER/YYYYMM/KYUFU.csv`), per claim a basic record, one detail record per service kind and
/// a total record: `01, サービス提供年月, 事業所番号, 保険者番号, 被保険者番号, 生年月日, 性別, 要介護状態区分` ·
/// `02, サービス種類コード, 単位数, 日数` · `16, 摘要` (free text, any number, between 01 and 10) ·
/// `10, 合計単位数, 明細件数`.
/// Dates are `YYYYMMDD`, months `YYYYMM`.
public enum CareFileWriter {
    public static func certifications(_ records: [CareCertification]) -> String {
        lines(records.map { record in
            ["NT", record.insurerNumber, record.insuredNumber, record.name, record.kanaName, record.sex.claimsCode,
             record.birthDate.compact, record.level.rawValue, record.certifiedOn.compact, record.validFrom.compact,
             record.validUntil.compact]
        })
    }

    public static func claims(_ records: [CareClaim]) -> String {
        lines(records.flatMap { claim -> [[String]] in
            var rows = [["01", claim.serviceMonth.compact, claim.providerNumber, claim.insurerNumber, claim.insuredNumber,
                         claim.birthDate.compact, claim.sex.claimsCode, claim.level.rawValue]]
            rows += claim.services.map { ["02", $0.kind, String($0.units), String($0.days)] }
            rows += claim.remarks.map { ["16", $0.value] }
            rows.append(["10", String(claim.services.reduce(0) { $0 + $1.units }), String(claim.services.count)])
            return rows
        })
    }

    private static func lines(_ rows: [[String]]) -> String {
        rows.map { $0.map(CSVField.quote).joined(separator: ",") + "\r\n" }.joined()
    }

}
