import Foundation
import LifecourseCore
import LifecourseFormats

/// Annual 特定健診 for insured persons who are 40–74 at the end of the fiscal year: who attends, when, and what
/// is measured.
///
/// Attendance follows the 実施率 by insurer (厚生労働省「2021年度 特定健康診査・特定保健指導の実施状況」: 健保組合
/// 80.5%, 共済組合 80.8%, 協会けんぽ 55.9%, 市町村国保 36.4%; all insurers 56.5%), with habits: most persons
/// either attend every year or rarely. 国保 members are examined at their clinic from June to November;
/// employees and their families at a checkup centre in any month.
///
/// Values follow the person's conditions and treatment (HbA1c, glucose, LDL, creatinine and eGFR from
/// ``LabModel``) and the national distributions they are calibrated against (厚生労働省「令和元年国民健康・栄養
/// 調査」, 20 and over: BMI ≥25 in 33.0% of men and 22.3% of women; habitual smokers 27.1% of men and 7.6% of
/// women). Blood pressure is ≥140/90 mmHg for untreated hypertension and mostly below it otherwise.
struct CheckupModel {
    let seed: UInt64

    /// The published 実施率 for an insurer kind, as a share.
    static func participation(_ kind: InsuranceKind) -> Double {
        switch kind {
        case .kumiai: 0.805
        case .kyosai: 0.808
        case .kyokai: 0.559
        case .kokuho: 0.364
        case .kouki: 0
        }
    }

    /// Whether the person is examined in `month`: eligible by age at the fiscal year's end, in the person's
    /// usual month, and attending that year.
    func isExamined(_ person: SynthPerson, in month: YearMonth) -> Bool {
        guard person.coverage.kind != .kouki, examMonth(person) == month.month else { return false }
        let fiscalYear = month.month >= 4 ? month.year : month.year - 1
        let age = person.age(on: try! CalendarDate(year: fiscalYear + 1, month: 3, day: 31))
        guard (40...74).contains(age) else { return false }
        // A regular attender comes 95% of years, anyone else 10%; the share of regulars gives the published rate.
        let rate = Self.participation(person.coverage.kind)
        var habit = SynthRandom.stream(seed, 11, UInt64(person.id))
        let regular = habit.chance(max(0, (rate - 0.10) / 0.85))
        var year = SynthRandom.stream(seed, 12, UInt64(person.id) << 16 | UInt64(fiscalYear))
        return year.chance(regular ? 0.95 : 0.10)
    }

    /// The calendar month of the person's checkup.
    func examMonth(_ person: SynthPerson) -> Int {
        let hash = Int(truncatingIfNeeded: (UInt64(person.id) &* 0x9E37_79B9_7F4A_7C15) >> 33)
        return person.coverage.kind == .kokuho ? 6 + hash % 6 : 1 + hash % 12
    }

    /// Whether the person smokes (stable over time); shares by sex and age band from the same survey.
    func smokes(_ person: SynthPerson, age: Int) -> Bool {
        var random = SynthRandom.stream(seed, 13, UInt64(person.id))
        let male = [0.25, 0.32, 0.34, 0.32, 0.27, 0.15]
        let female = [0.07, 0.09, 0.11, 0.10, 0.06, 0.03]
        let band = min(5, max(0, age / 10 - 2))
        return random.chance(person.sex == .male ? male[band] : female[band])
    }

    /// Body measurements of the person at an age, stable for the person; conditions shift BMI up (diabetes
    /// +1.5, hypertension +0.8) around the same population mean.
    func body(_ person: SynthPerson, on day: CalendarDate) -> (height: Double, weight: Double, bmi: Double, waist: Double) {
        var own = SynthRandom.stream(seed, 14, UInt64(person.id))
        var noise = SynthRandom.stream(seed, 15, UInt64(person.id) << 24 | UInt64(day.daysSinceEpoch))
        let age = Double(person.age(on: day))
        let male = person.sex == .male
        let height = (male ? 171.5 : 158.5) - max(0, age - 45) * 0.2 + own.normal(mean: 0, sd: male ? 5.8 : 5.4)
        let means: [(Double, Double, Double)] = [(20, 22.5, 20.8), (35, 23.5, 21.3), (45, 24.0, 22.0), (55, 23.9, 22.6),
                                                 (65, 23.5, 23.0), (75, 22.9, 23.1)]
        var bmi = Demography.interpolate(means, at: age, female: !male) + own.normal(mean: 0, sd: male ? 3.3 : 3.4)
        let month = day.yearMonth.index
        for (condition, shift) in [(ChronicCondition.diabetes, 1.5), (.hypertension, 0.8)] {
            let has = (person.conditions.onset(condition) ?? .max) <= month
            bmi += shift * ((has ? 1 : 0) - condition.prevalence(age: age, sex: person.sex))
        }
        bmi = max(15, bmi + noise.normal(mean: 0, sd: 0.4))
        let weight = bmi * height * height / 10_000
        let waist = (male ? 2.6 * bmi + 24 : 2.4 * bmi + 26) + own.normal(mean: 0, sd: 3.5)
        return (height, weight, bmi, waist)
    }

    /// The items of one checkup.
    func observations(for person: SynthPerson, on day: CalendarDate) -> [CheckupDocument.Observation] {
        var own = SynthRandom.stream(seed, 16, UInt64(person.id))
        var noise = SynthRandom.stream(seed, 17, UInt64(person.id) << 24 | UInt64(day.daysSinceEpoch))
        let age = person.age(on: day)
        let male = person.sex == .male
        let month = day.yearMonth.index
        let conditions = person.conditions
        func active(_ condition: ChronicCondition) -> Bool { (conditions.onset(condition) ?? .max) <= month }
        func medicated(_ condition: ChronicCondition) -> Bool { active(condition) && conditions.drug(condition) != nil }
        let body = body(person, on: day)
        let labs = LabModel.levels(for: person, on: day, seed: seed)

        var systolic: Double
        if active(.hypertension) {
            systolic = medicated(.hypertension) ? own.normal(mean: 134, sd: 11) : max(140, own.normal(mean: 150, sd: 9))
        } else {
            systolic = min(139, own.normal(mean: 106 + 0.4 * Double(age - 20) + (male ? 6 : 0), sd: 10))
        }
        systolic = (systolic + noise.normal(mean: 0, sd: 4)).rounded()
        var diastolic = 0.55 * systolic + 10 + own.normal(mean: 0, sd: 6)
        if !active(.hypertension) { diastolic = min(89, diastolic) }
        diastolic = diastolic.rounded()
        let hdl = max(25, own.normal(mean: male ? 55 : 66, sd: 13) - 0.8 * (body.bmi - 22) + noise.normal(mean: 0, sd: 3))
        let triglycerides = exp(own.normal(mean: log(male ? 115 : 85) + 0.04 * (body.bmi - 22), sd: 0.45)
                                + noise.normal(mean: 0, sd: 0.15)) * (active(.diabetes) ? 1.2 : 1)
        let ast = exp(own.normal(mean: log(22), sd: 0.25) + noise.normal(mean: 0, sd: 0.1))
        let alt = exp(own.normal(mean: log(male ? 22 : 16) + 0.06 * (body.bmi - 22), sd: 0.4) + noise.normal(mean: 0, sd: 0.1))
        let gtp = exp(own.normal(mean: log(male ? 32 : 19), sd: 0.55) + noise.normal(mean: 0, sd: 0.1))
        let urineGlucose = active(.diabetes) && labs.hba1c >= 8 ? "3" : "1"
        let urineProtein = active(.ckd) && own.chance(0.3) ? "3" : own.chance(0.05) ? "2" : "1"

        // メタボリックシンドローム判定 (日本内科学会 2005): waist ≥85 cm (men) / ≥90 cm (women) and two or more of
        // blood pressure ≥130/85 or treated, glucose ≥110 mg/dL or treated, triglycerides ≥150 or HDL <40 or treated.
        var risks = 0
        if systolic >= 130 || diastolic >= 85 || medicated(.hypertension) { risks += 1 }
        if labs.glucose >= 110 || medicated(.diabetes) { risks += 1 }
        if triglycerides >= 150 || hdl < 40 || medicated(.dyslipidaemia) { risks += 1 }
        let abdominal = body.waist >= (male ? 85 : 90)
        let metabolic = abdominal && risks >= 2 ? ("1", "基準該当") : abdominal && risks == 1 ? ("2", "予備群該当")
            : ("3", "非該当")
        // 保健指導レベル: none for persons on drugs; 積極的支援 for abdominal obesity (or BMI ≥25) with two or more
        // risks under 65, 動機付け支援 with fewer.
        let onDrugs = medicated(.hypertension) || medicated(.diabetes) || medicated(.dyslipidaemia)
        let obese = abdominal || body.bmi >= 25
        let guidance = onDrugs || !obese || risks == 0 ? ("3", "なし")
            : risks >= 2 && age < 65 ? ("1", "積極的支援") : ("2", "動機付け支援")
        let judgement = risks == 0 && !obese ? "異常なし" : onDrugs ? "治療継続" : "要経過観察"

        func quantity(_ code: String, _ name: String, _ value: Double, decimals: Int, _ unit: String)
            -> CheckupDocument.Observation {
            .init(itemCode: code, name: name, value: .quantity(String(format: "%.\(decimals)f", value), unit: unit))
        }
        func answer(_ code: String, _ name: String, _ yes: Bool, _ labels: (String, String))
            -> CheckupDocument.Observation {
            .init(itemCode: code, name: name, value: .code(yes ? "1" : "2", system: nil, display: yes ? labels.0 : labels.1))
        }
        let urine = ["1": "－", "2": "±", "3": "＋"]
        return [
            quantity("9N001000000000001", "身長", body.height, decimals: 1, "cm"),
            quantity("9N006000000000001", "体重", body.weight, decimals: 1, "kg"),
            quantity("9N011000000000001", "BMI", body.bmi, decimals: 1, "kg/m2"),
            quantity("9N016160100000001", "腹囲（実測）", body.waist, decimals: 1, "cm"),
            quantity("9A751000000000001", "収縮期血圧（1回目）", systolic, decimals: 0, "mm[Hg]"),
            quantity("9A761000000000001", "拡張期血圧（1回目）", diastolic, decimals: 0, "mm[Hg]"),
            quantity("3F015000002327101", "中性脂肪（空腹時）", triglycerides, decimals: 0, "mg/dL"),
            quantity("3F070000002327101", "HDLコレステロール", hdl, decimals: 0, "mg/dL"),
            quantity("3F077000002327101", "LDLコレステロール", labs.ldl, decimals: 0, "mg/dL"),
            quantity("3B035000002327201", "AST（GOT）", ast, decimals: 0, "U/L"),
            quantity("3B045000002327201", "ALT（GPT）", alt, decimals: 0, "U/L"),
            quantity("3B090000002327101", "γ-GT（γ-GTP）", gtp, decimals: 0, "U/L"),
            quantity("3D010000001926101", "空腹時血糖", labs.glucose, decimals: 0, "mg/dL"),
            quantity("3D046000001906202", "HbA1c（NGSP）", labs.hba1c, decimals: 1, "%"),
            quantity("3C015000002327101", "血清クレアチニン", labs.creatinine, decimals: 2, "mg/dL"),
            quantity("8A065000002391901", "eGFR", labs.egfr, decimals: 1, "mL/min/1.73m2"),
            .init(itemCode: "1A020000000191111", name: "尿糖", value: .code(urineGlucose, system: nil,
                                                                              display: urine[urineGlucose]!)),
            .init(itemCode: "1A010000000191111", name: "尿蛋白", value: .code(urineProtein, system: nil,
                                                                               display: urine[urineProtein]!)),
            answer("9N701000000000011", "服薬1（血圧）", medicated(.hypertension), ("服薬あり", "服薬なし")),
            answer("9N706000000000011", "服薬2（血糖）", medicated(.diabetes), ("服薬あり", "服薬なし")),
            answer("9N711000000000011", "服薬3（脂質）", medicated(.dyslipidaemia), ("服薬あり", "服薬なし")),
            answer("9N736000000000011", "喫煙", smokes(person, age: age), ("はい", "いいえ")),
            .init(itemCode: "9N501000000000011", name: "メタボリックシンドローム判定",
                  value: .code(metabolic.0, system: nil, display: metabolic.1)),
            .init(itemCode: "9N506000000000011", name: "保健指導レベル",
                  value: .code(guidance.0, system: nil, display: guidance.1)),
            .init(itemCode: "9N511000000000049", name: "医師の診断（判定）", value: .text(judgement)),
        ]
    }
}
