public import LifecourseCore

/// BU (診断群分類レコード): the diagnosis group (診断群分類, DPC code) a DPC claim is billed under, and the
/// stay it belongs to. Its presence makes a 医科 claim a DPC claim.
public struct DPCGroupRecord: Sendable, Hashable {
    /// 診断群分類番号: 14 characters (6-digit MDC and disease, then operation, treatments, comorbidity, severity).
    public let groupCode: String
    /// 今回入院年月日.
    public let admissionDate: CalendarDate
    /// 今回退院年月日: empty before discharge.
    public let dischargeDate: CalendarDate?
    /// DPC転帰区分 (別表21): 1 治癒・軽快, 3 寛解, 4 不変, 5 増悪, 6 医療資源を最も投入した傷病による死亡,
    /// 7 それ以外の死亡, 8 外来転帰 … written at discharge.
    public let outcome: Int?
    /// 死因: the cause written on the death certificate, when the outcome is a death.
    public let causeOfDeath: String?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        let code = try fields.required(1, "診断群分類番号")
        guard code.utf8.count == 14, code.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x20 }) else {
            throw fields.error(1, "診断群分類番号", "'\(code)' is not a 14-character diagnosis group code")
        }
        groupCode = code
        guard let admission = try fields.date(2, "今回入院年月日", policy: dialect.eraPolicy) else {
            throw fields.error(2, "今回入院年月日", "the field is empty but required")
        }
        admissionDate = admission
        dischargeDate = try fields.date(3, "今回退院年月日", policy: dialect.eraPolicy)
        if let discharge = dischargeDate, discharge < admission {
            throw fields.error(3, "今回退院年月日", "\(discharge) is before the admission on \(admission)")
        }
        outcome = try fields.integer(4, "DPC転帰区分")
        causeOfDeath = fields.optional(5)
    }
}

/// SB (傷病レコード): a diagnosis of a DPC stay, with its ICD-10 code and its role (傷病名区分).
public struct DPCDiagnosisRecord: Sendable, Hashable {
    /// 傷病名コード (7 digits; 0000999 uncoded, with the name in ``name``).
    public let code: String
    public let modifiers: [String]
    public let name: String?
    /// ICD10コード as written (no dot, up to 5 characters).
    public let icd10: String
    /// 傷病名区分 (別表22): the role of the diagnosis in the stay (see ``roleName(_:)``).
    public let role: String
    /// 死因: this diagnosis caused the death.
    public let isCauseOfDeath: Bool
    public let comment: String?

    /// 主傷病名 (別表22 code 11).
    public var isMain: Bool { role == "11" }

    /// The role's name in 別表22: 01 医療資源を最も投入した傷病名, 02 副傷病名, 11 主傷病名, 21 入院の契機となった
    /// 傷病名, 31 医療資源を2番目に投入した傷病名, 41–44 入院時併存傷病名, 51–54 入院後発症傷病名.
    public static func roleName(_ role: String) -> String? {
        switch role {
        case "01": "医療資源を最も投入した傷病名"
        case "02": "副傷病名"
        case "11": "主傷病名"
        case "21": "入院の契機となった傷病名"
        case "31": "医療資源を2番目に投入した傷病名"
        case "41", "42", "43", "44": "入院時併存傷病名"
        case "51", "52", "53", "54": "入院後発症傷病名"
        default: nil
        }
    }

    public init(_ fields: ClaimsFields) throws(SourceError) {
        guard let code = try fields.digits(1, "傷病名コード", count: 7) else {
            throw fields.error(1, "傷病名コード", "the field is empty but required")
        }
        self.code = code
        modifiers = try fields.modifierCodes(2)
        name = fields.optional(3)
        let icd = try fields.required(4, "ICD10コード").trimmingSpaces()
        guard (3...5).contains(icd.utf8.count), icd.first?.isASCII == true, icd.first?.isLetter == true,
              icd.utf8.allSatisfy({ $0 < 0x80 }) else {
            throw fields.error(4, "ICD10コード", "'\(icd)' is not an ICD-10 code such as S7200 or I10")
        }
        icd10 = icd
        guard let role = try fields.digits(5, "傷病名区分", count: 2) else {
            throw fields.error(5, "傷病名区分", "the field is empty but required")
        }
        guard Self.roleName(role) != nil else {
            throw fields.error(5, "傷病名区分", "'\(role)' is not a code of 別表22 (01, 02, 11, 21, 31, 41–44, 51–54)")
        }
        self.role = role
        isCauseOfDeath = fields[6] == "1"
        comment = fields.optional(7)
        try fields.requireName(3, ofUncoded: code)
    }
}

/// KK (患者基礎レコード): facts about the patient that the diagnosis group depends on.
public struct DPCPatientRecord: Sendable, Hashable {
    /// 予定・緊急入院区分 (別表25): planned or emergency admission.
    public let admissionKind: String
    /// 前回退院年月日: the last discharge from the same hospital.
    public let previousDischarge: CalendarDate?
    /// 前回同一傷病での入院の有無.
    public let readmittedForSameDisease: Bool
    /// 入院時年齢, 入院時月齢 (under one year), 出生時体重 (grams).
    public let ageAtAdmission: Int?
    public let monthsAtAdmission: Int?
    public let birthWeight: Int?
    /// JCS (Japan Coma Scale), Burn Index and 重症度等 where the group requires them.
    public let jcs: Int?
    public let burnIndex: String?
    public let severity: String?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        admissionKind = try fields.required(3, "予定・緊急入院区分")
        previousDischarge = try fields.date(4, "前回退院年月日", policy: dialect.eraPolicy)
        readmittedForSameDisease = fields[5] == "1"
        ageAtAdmission = try fields.integer(6, "入院時年齢")
        birthWeight = try fields.integer(7, "出生時体重")
        jcs = try fields.integer(8, "JCS")
        burnIndex = fields.optional(10)
        severity = fields.optional(11)
        monthsAtAdmission = try fields.integer(13, "入院時月齢")
    }
}

/// SK (診療関連レコード): an operation or treatment that decided the diagnosis group.
public struct DPCProcedureRecord: Sendable, Hashable {
    /// 診療行為コード (9 digits), when written instead of a name.
    public let code: String?
    /// 区分番号 (e.g. K0461) or 診療区分コード, whichever the record gives.
    public let section: String?
    /// 実施(予定)年月日.
    public let date: CalendarDate?
    /// 診療名称.
    public let name: String?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        code = try fields.digits(1, "診療行為コード", count: 9)
        section = fields.optional(2) ?? fields.optional(5)
        date = try fields.date(3, "実施(予定)年月日", policy: dialect.eraPolicy)
        name = fields.optional(6)
        if code == nil, section == nil, name == nil {
            throw fields.error(1, "診療行為コード・区分番号・診療区分コード",
                               "none is written, so the record names no procedure")
        }
    }
}
