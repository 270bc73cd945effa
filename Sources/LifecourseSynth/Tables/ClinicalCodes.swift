/// Codes the generator writes, each checked against a published master before it was added.
///
/// Only verified codes are written as codes. A diagnosis whose 7-digit 傷病名コード has not been checked is
/// written as the claims system writes an uncoded diagnosis: 0000999 with its name, and its ICD-10 goes to the
/// ground truth. Sources:
/// - `hot9`: MEDIS-DC 医薬品HOTコードマスター (2026-09-30 release; HOT9, YJ and the 9-digit claims code on one row).
/// - `ssk`: 社会保険診療報酬支払基金 基本マスター rows kept in `../shared/fixtures/masters` and the claims fixture.
/// - `jahis`: JAHIS prescription (院外処方箋 2次元シンボル) examples in public code; for ノルバスク錠５ｍｇ an FHIR
///   example agrees on the HOT9 code. To be replaced by a master check (the claims-family issue imports masters).
enum ClinicalCodes {
    struct Diagnosis: Sendable {
        let name: String
        /// The 7-digit 傷病名コード, or nil while not verified (written as 0000999 with the name).
        let claimsCode: String?
        let icd10: String
    }

    struct Drug: Sendable {
        let name: String
        let claimsCode: String
        let yj: String?
        let hot9: String?
        /// 診療識別: 21 内服, 22 屯服, 23 外用 (every drug of the table is 内服 so far).
        let category: String
        /// Units per day (tablets, grams).
        let dailyQuantity: Double
        /// The unit the quantity counts (錠, g, カプセル).
        let unit: String
        let source: String

        /// Points of one day's dose, an approximation: the generator has no 薬価 table.
        var dailyPoints: Int { max(1, Int(dailyQuantity * 2)) }

        /// 用法コード of the 調剤 claims: 006 once a day after breakfast, 018 twice after breakfast and supper,
        /// 003 three times after meals.
        var usageCode: String {
            switch dailyQuantity {
            case ...1: "006"
            case ...2: "018"
            default: "003"
            }
        }

        /// The MERIT-9 unit code and name that SS-MIX2 and JP Core write the quantity in.
        var merit9Unit: (code: String, name: String) {
            switch unit {
            case "錠": ("TAB", "錠")
            case "カプセル": ("CAP", "カプセル")
            default: ("G", "g")
            }
        }
    }

    struct Procedure: Sendable {
        let name: String
        let code: String
        let points: Int
    }

    static let hypertension = Diagnosis(name: "高血圧症", claimsCode: "8833421", icd10: "I10")
    static let diabetes = Diagnosis(name: "糖尿病", claimsCode: "2500013", icd10: "E14")
    static let dyslipidaemia = Diagnosis(name: "脂質異常症", claimsCode: nil, icd10: "E785")
    static let ckd = Diagnosis(name: "慢性腎臓病", claimsCode: nil, icd10: "N189")
    static let dementia = Diagnosis(name: "アルツハイマー型認知症", claimsCode: nil, icd10: "G309")
    static let osteoporosis = Diagnosis(name: "骨粗鬆症", claimsCode: nil, icd10: "M8199")
    static let asthma = Diagnosis(name: "気管支喘息", claimsCode: nil, icd10: "J459")
    static let stomachCancer = Diagnosis(name: "胃癌", claimsCode: nil, icd10: "C169")
    static let colorectalCancer = Diagnosis(name: "大腸癌", claimsCode: nil, icd10: "C189")
    static let lungCancer = Diagnosis(name: "肺癌", claimsCode: nil, icd10: "C349")
    static let breastCancer = Diagnosis(name: "乳癌", claimsCode: nil, icd10: "C509")
    static let prostateCancer = Diagnosis(name: "前立腺癌", claimsCode: nil, icd10: "C61")
    static let upperRespiratoryInfection = Diagnosis(name: "急性上気道炎", claimsCode: "4659007", icd10: "J069")
    static let femoralNeckFracture = Diagnosis(name: "大腿骨頚部骨折", claimsCode: nil, icd10: "S720")
    static let injury = Diagnosis(name: "外傷", claimsCode: "9599001", icd10: "T149")

    static let firstVisit = Procedure(name: "初診料", code: "111000110", points: 288)
    static let revisit = Procedure(name: "再診料", code: "112007410", points: 73)
    static let prescription = Procedure(name: "処方箋料（リフィル以外・その他）", code: "120002910", points: 68)
    static let plainRadiographyReading = Procedure(name: "単純撮影（イ）の写真診断", code: "170000410", points: 85)

    /// 調剤行為 codes a pharmacy bills, with their points of the 2024 (令和6年) revision. The codes agree in two
    /// independent open-source pharmacy claims projects but have not been checked against the 調剤行為マスター;
    /// the masters import of the claims-family issue will check them.
    enum Dispensing {
        static let basicFee1 = Procedure(name: "調剤基本料１", code: "410004110", points: 45)
        static let oralPreparation = Procedure(name: "薬剤調製料（内服薬）", code: "420001810", points: 24)
        static let guidance1 = Procedure(name: "服薬管理指導料１", code: "440012010", points: 45)

        /// 調剤管理料 for an oral 剤, by days supplied (7 or fewer 4, 8–14 28, 15–28 50, 29 or more 60 points).
        static func management(days: Int) -> Procedure {
            let points = switch days {
            case ...7: 4
            case 8...14: 28
            case 15...28: 50
            default: 60
            }
            return Procedure(name: "調剤管理料（内服薬）", code: "440011810", points: points)
        }
    }
}
