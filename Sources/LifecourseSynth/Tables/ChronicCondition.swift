import LifecourseCore

/// The chronic conditions the population develops, with prevalence by age and sex from published Japanese
/// surveys. The generator assigns them at the start in proportion to these curves and lets persons develop
/// them as they age, so that prevalence follows the curve year after year.
///
/// Sources (prevalence as a share of the age group):
/// - hypertension: 厚生労働省「令和元年国民健康・栄養調査」 (収縮期 ≥140 or 拡張期 ≥90 mmHg or treated);
/// - diabetes: same survey, 「糖尿病が強く疑われる者」;
/// - dyslipidaemia: same survey (LDL ≥160 mg/dL or treated), rounded;
/// - CKD: 日本腎臓学会「CKD診療ガイド2012」 (eGFR <60, about 13% of adults);
/// - dementia: 朝田隆ほか 2013, 厚生労働科学研究「都市部における認知症有病率と認知症の生活機能障害への対応」;
/// - osteoporosis: ROAD study (Yoshimura et al. 2009), lumbar spine;
/// - asthma: 厚生労働省「アレルギー疾患の現状等」 (children about 6%, adults about 3.5%);
/// - cancers: 国立がん研究センター がん情報サービス, persons under care (5-year prevalence) by site.
public enum ChronicCondition: Int, Sendable, Hashable, CaseIterable, Codable {
    case hypertension, diabetes, dyslipidaemia, ckd, dementia, osteoporosis, asthma
    case stomachCancer, colorectalCancer, lungCancer, breastCancer, prostateCancer

    var diagnosis: ClinicalCodes.Diagnosis {
        switch self {
        case .hypertension: ClinicalCodes.hypertension
        case .diabetes: ClinicalCodes.diabetes
        case .dyslipidaemia: ClinicalCodes.dyslipidaemia
        case .ckd: ClinicalCodes.ckd
        case .dementia: ClinicalCodes.dementia
        case .osteoporosis: ClinicalCodes.osteoporosis
        case .asthma: ClinicalCodes.asthma
        case .stomachCancer: ClinicalCodes.stomachCancer
        case .colorectalCancer: ClinicalCodes.colorectalCancer
        case .lungCancer: ClinicalCodes.lungCancer
        case .breastCancer: ClinicalCodes.breastCancer
        case .prostateCancer: ClinicalCodes.prostateCancer
        }
    }

    /// (age, men, women) prevalence points; linear between them, flat beyond.
    var prevalence: [(Double, Double, Double)] {
        switch self {
        case .hypertension:
            [(19, 0, 0), (25, 0.04, 0.01), (35, 0.10, 0.03), (45, 0.25, 0.10), (55, 0.45, 0.28), (65, 0.60, 0.45),
             (75, 0.70, 0.65), (85, 0.74, 0.72)]
        case .diabetes:
            [(19, 0, 0), (25, 0.005, 0.003), (35, 0.02, 0.01), (45, 0.077, 0.029), (55, 0.147, 0.062),
             (65, 0.217, 0.108), (75, 0.264, 0.193)]
        case .dyslipidaemia:
            [(19, 0, 0), (25, 0.05, 0.03), (35, 0.12, 0.05), (45, 0.20, 0.10), (55, 0.30, 0.25), (65, 0.35, 0.40),
             (75, 0.33, 0.45), (85, 0.30, 0.40)]
        case .ckd:
            [(29, 0, 0), (40, 0.03, 0.03), (50, 0.06, 0.05), (60, 0.12, 0.10), (70, 0.25, 0.22), (80, 0.40, 0.40)]
        case .dementia:
            [(59, 0, 0), (67, 0.015, 0.015), (72, 0.036, 0.036), (77, 0.10, 0.11), (82, 0.20, 0.25),
             (87, 0.35, 0.47), (92, 0.50, 0.65), (97, 0.60, 0.75)]
        case .osteoporosis:
            [(44, 0, 0), (55, 0.01, 0.05), (65, 0.02, 0.15), (75, 0.05, 0.30), (85, 0.10, 0.45), (95, 0.12, 0.55)]
        case .asthma:
            [(0, 0.04, 0.03), (8, 0.07, 0.05), (15, 0.05, 0.04), (25, 0.035, 0.035), (85, 0.04, 0.04)]
        case .stomachCancer:
            [(39, 0, 0), (50, 0.003, 0.0015), (60, 0.008, 0.004), (70, 0.015, 0.007), (80, 0.018, 0.009)]
        case .colorectalCancer:
            [(39, 0, 0), (50, 0.003, 0.002), (60, 0.008, 0.005), (70, 0.014, 0.009), (80, 0.018, 0.012)]
        case .lungCancer:
            [(44, 0, 0), (60, 0.003, 0.0015), (70, 0.007, 0.003), (80, 0.009, 0.004)]
        case .breastCancer:
            [(29, 0, 0), (40, 0, 0.004), (50, 0, 0.009), (60, 0, 0.011), (70, 0, 0.010), (80, 0, 0.008)]
        case .prostateCancer:
            [(49, 0, 0), (60, 0.004, 0), (70, 0.014, 0), (80, 0.022, 0)]
        }
    }

    /// The share of persons with the condition who are diagnosed and under regular care.
    var treatedShare: Double {
        switch self {
        case .hypertension: 0.55
        case .diabetes: 0.70
        case .dyslipidaemia: 0.45
        case .ckd: 0.15
        case .dementia: 0.70
        case .osteoporosis: 0.30
        case .asthma: 0.60
        case .stomachCancer, .colorectalCancer, .lungCancer, .breastCancer, .prostateCancer: 1
        }
    }

    var isCancer: Bool { rawValue >= ChronicCondition.stomachCancer.rawValue }

    /// How much the condition multiplies the risk of dying (rounded from Japanese cohort studies; cancers from
    /// 5-year relative survival). The life table already counts these deaths, so the generator divides by the
    /// average multiplier at each age: the population's death rate stays that of the life table.
    var relativeRisk: Double {
        switch self {
        case .lungCancer: 8
        case .stomachCancer, .colorectalCancer: 3
        case .breastCancer, .prostateCancer: 1.5
        case .dementia: 2.5
        case .ckd: 1.5
        case .diabetes: 1.3
        case .hypertension: 1.1
        default: 1
        }
    }

    /// The average death-risk multiplier of persons of an age and sex, from the prevalence of every condition.
    static func averageRelativeRisk(age: Double, sex: Sex) -> Double {
        allCases.reduce(1) { $0 + $1.prevalence(age: age, sex: sex) * ($1.relativeRisk - 1) }
    }

    /// Drugs a treating clinic prescribes, by key of ``ClinicalCodes/drugs`` (one is chosen per person).
    var drugKeys: [String] {
        switch self {
        case .hypertension:
            ["amlodipine5", "amlodipine25", "nifedipineCR20", "nifedipineCR40", "benidipine4", "cilnidipine10",
             "candesartan8", "candesartan4", "losartan50", "carvedilol10", "nicardipine20", "nicardipine10", "doxazosin2"]
        case .diabetes:
            ["metformin250", "glibenclamide25", "glibenclamideSawai25", "gliclazide40", "gliclazideSawai40", "voglibose02",
             "voglibose03", "acarbose100", "nateglinide90", "pioglitazone15", "pioglitazone30"]
        case .dyslipidaemia:
            ["pravastatin10", "pravastatin5", "simvastatin5", "bezafibrate100", "bezafibrate200", "bezafibrateSawai200",
             "probucol250", "colestimide500", "epa300"]
        case .ckd: ["potassiumAspartate", "ferrousCitrate50", "citrateUralyt"]
        case .stomachCancer, .colorectalCancer: ["tegafur200"]
        case .dementia: ["nitrazepam5", "estazolam2", "zopiclone75", "rilmazafone1"]
        case .osteoporosis: ["ipriflavone200", "etidronate200"]
        default: []
        }
    }

    /// A second drug of another class that some treated persons take as well (two antihypertensives or two
    /// antidiabetics are common), by key of ``ClinicalCodes/drugs``; the share of persons is ``secondDrugShare``.
    var secondDrugKeys: [String] {
        switch self {
        case .hypertension: ["candesartan8", "losartan50", "amlodipine5", "nifedipineCR20"]
        case .diabetes: ["voglibose03", "glibenclamide125", "pioglitazone15"]
        default: []
        }
    }

    var secondDrugShare: Double { self == .hypertension ? 0.4 : self == .diabetes ? 0.3 : 0 }

    /// Prevalence at an age for a sex.
    func prevalence(age: Double, sex: Sex) -> Double {
        Demography.interpolate(ChronicCondition.curves[rawValue], at: age, female: sex == .female)
    }

    /// The prevalence points of every condition, built once.
    private static let curves = allCases.map(\.prevalence)

    /// The monthly probability of developing the condition at an age, from the slope of the prevalence curve.
    func monthlyIncidence(age: Double, sex: Sex) -> Double {
        let now = prevalence(age: age, sex: sex)
        let next = prevalence(age: age + 1.0 / 12, sex: sex)
        guard next > now, now < 1 else { return 0 }
        return (next - now) / (1 - now)
    }
}
