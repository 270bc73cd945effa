public import LifecourseCore

/// RE (レセプト共通レコード): the start of one claim — the patient, the month and the kind of claim.
public struct ClaimHeaderRecord: Sendable, Hashable {
    /// レセプト番号: the claim's number within the file.
    public let claimNumber: Int
    public let claimType: ClaimType
    /// 診療年月: the month of care the claim covers.
    public let serviceMonth: YearMonth
    /// 氏名 as written (kanji, kana or Latin).
    public let name: String
    public let sex: Sex
    public let birthDate: CalendarDate
    /// 給付割合 (e.g. 70), when written.
    public let benefitRate: Int?
    /// 入院年月日, for inpatient claims.
    public let admissionDate: CalendarDate?
    /// 特記事項: two-digit codes written one after another.
    public let specialNotes: [String]
    /// 病床数 (bed count), written by hospitals for some claims.
    public let bedCount: Int?
    /// カルテ番号等: the institution's own patient number.
    public let chartNumber: String?
    /// 検索番号: the payer's reference for the claim.
    public let searchNumber: String?
    /// カタカナ氏名 (present in claims since 2021).
    public let kanaName: String?
    /// 患者の状態 codes.
    public let patientState: String?
    /// 調剤 claims: the institution whose prescriptions were dispensed (処方医療機関), when written.
    public let prescriber: Prescriber?
    /// 歯科 outpatient claims: 診療開始日 and 転帰区分 of the course of treatment (医科 writes them per diagnosis).
    public let treatmentStart: CalendarDate?
    public let treatmentOutcome: DiagnosisOutcome?

    /// The prescribing institution of a 調剤 claim.
    public struct Prescriber: Sendable, Hashable {
        public let institution: InstitutionCode
        public let name: String?
    }

    /// Reads an RE record of a file of `kind`: 医科, 歯科 and 調剤 share the first seven fields and differ after them.
    public init(_ fields: ClaimsFields, kind: ClaimsFileKind = .medical, dialect: ClaimsDialect) throws(SourceError) {
        guard let number = try fields.integer(1, "レセプト番号") else {
            throw fields.error(1, "レセプト番号", "the field is empty but required")
        }
        claimNumber = number
        claimType = try fields.requiredValue(2, "レセプト種別") { text throws(ValueError) in try ClaimType(text) }
        serviceMonth = try fields.requiredValue(3, "診療年月") { text throws(ValueError) in
            try DateCode.month(text, policy: dialect.eraPolicy)
        }
        name = try fields.required(4, "氏名")
        sex = try fields.requiredValue(5, "男女区分") { text throws(ValueError) in try Sex(claimsCode: text) }
        birthDate = try fields.requiredValue(6, "生年月日") { text throws(ValueError) in
            try DateCode.date(text, policy: dialect.eraPolicy)
        }
        benefitRate = try fields.integer(7, "給付割合")
        treatmentStart = kind == .dental ? try fields.date(9, "診療開始日", policy: dialect.eraPolicy) : nil
        treatmentOutcome = kind == .dental ? try fields.outcome(10) : nil
        if kind == .dental {
            prescriber = nil
            admissionDate = try fields.date(8, "入院年月日", policy: dialect.eraPolicy)
            specialNotes = Self.notes(fields[13])
            bedCount = nil
            chartNumber = fields.optional(15)
            searchNumber = fields.optional(19)
            kanaName = fields.optional(25)
            patientState = fields.optional(26)
            return
        }
        if kind == .pharmacy {
            admissionDate = nil
            specialNotes = Self.notes(fields[8])
            bedCount = nil
            chartNumber = fields.optional(35)
            searchNumber = fields.optional(37)
            kanaName = fields.optional(41)
            patientState = nil
            let code = [fields[9], fields[10], fields[11]].joined()
            if code.isEmpty {
                prescriber = nil
            } else {
                do {
                    prescriber = Prescriber(institution: try InstitutionCode(code), name: fields.optional(12))
                } catch {
                    throw fields.error(9, "医療機関都道府県・点数表・医療機関コード", error.description)
                }
            }
            return
        }
        prescriber = nil
        admissionDate = try fields.date(8, "入院年月日", policy: dialect.eraPolicy)
        specialNotes = Self.notes(fields[11])
        bedCount = try fields.integer(12, "病床数")
        chartNumber = fields.optional(13)
        searchNumber = fields.optional(18)
        kanaName = fields.optional(36)
        patientState = fields.optional(37)
    }

    /// 特記事項: two-digit codes written one after another.
    private static func notes(_ notes: String) -> [String] {
        stride(from: 0, to: notes.count, by: 2).map { start in
            let from = notes.index(notes.startIndex, offsetBy: start)
            let to = notes.index(from, offsetBy: 2, limitedBy: notes.endIndex) ?? notes.endIndex
            return String(notes[from..<to])
        }
    }
}
