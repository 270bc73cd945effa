import Foundation
import LifecourseCore
import LifecourseFormats

/// Laboratory values that follow disease and treatment: HbA1c and fasting glucose with diabetes (lower when
/// treated), LDL cholesterol with dyslipidaemia (statins lower it by about 30%), creatinine and eGFR with CKD
/// and age. Values are drawn around person-specific levels so that one person's results are consistent over
/// time. Reference intervals: 日本臨床検査標準協議会 (JCCLS) 共用基準範囲; eGFR by the Japanese equation
/// (日本腎臓学会: 194 × Cr^−1.094 × age^−0.287, × 0.739 for women).
enum LabModel {
    /// One day's values of a person.
    struct Levels {
        var hba1c: Double
        var glucose: Double
        var ldl: Double
        var creatinine: Double
        var egfr: Double
    }

    static func levels(for person: SynthPerson, on day: CalendarDate, seed: UInt64) -> Levels {
        var level = SynthRandom.stream(seed, 8, UInt64(person.id))  // the person's own levels
        var noise = SynthRandom.stream(seed, 9, UInt64(person.id) << 24 | UInt64(day.daysSinceEpoch))
        let conditions = person.conditions
        let month = day.yearMonth.index
        func active(_ condition: ChronicCondition) -> Bool { (conditions.onset(condition) ?? .max) <= month }

        var hba1c = level.normal(mean: 5.5, sd: 0.3)
        if active(.diabetes) {
            hba1c = conditions.isTreated(.diabetes) ? level.normal(mean: 7.0, sd: 0.7) : level.normal(mean: 8.0, sd: 1.1)
        }
        hba1c = max(4.3, hba1c + noise.normal(mean: 0, sd: 0.15))
        // ADAG: estimated average glucose = 28.7 × HbA1c − 46.7; fasting a little lower.
        let glucose = max(65, 28.7 * hba1c - 46.7 - 10 + noise.normal(mean: 0, sd: 12))
        var ldl = level.normal(mean: 115, sd: 25)
        if active(.dyslipidaemia) {
            ldl = level.normal(mean: 170, sd: 20) * (conditions.isTreated(.dyslipidaemia) ? 0.7 : 1)
        }
        ldl = max(40, ldl + noise.normal(mean: 0, sd: 8))
        let age = Double(person.age(on: day))
        let female = person.sex == .female
        var creatinine = level.normal(mean: female ? 0.65 : 0.85, sd: 0.1) * (1 + max(0, age - 50) * 0.004)
        if active(.ckd) { creatinine *= level.normal(mean: 1.7, sd: 0.3) }
        creatinine = max(0.3, creatinine + noise.normal(mean: 0, sd: 0.04))
        let egfr = 194 * pow(creatinine, -1.094) * pow(max(age, 18), -0.287) * (female ? 0.739 : 1)
        return Levels(hba1c: hba1c, glucose: glucose, ldl: ldl, creatinine: creatinine, egfr: egfr)
    }

    static func results(for person: SynthPerson, on day: CalendarDate, seed: UInt64) -> [SSMIX2Observation] {
        let levels = levels(for: person, on: day, seed: seed)
        let female = person.sex == .female
        func observation(_ code: String, _ name: String, _ value: Double, decimals: Int, unit: String, low: Double,
                         high: Double) -> SSMIX2Observation {
            let text = String(format: "%.\(decimals)f", value)
            let range = String(format: "%.\(decimals)f-%.\(decimals)f", low, high)
            return SSMIX2Observation(jlac10: code, name: name, value: text, unit: unit, referenceRange: range,
                                     flag: value > high ? "H" : value < low ? "L" : "")
        }
        return [
            observation("3D046000001906202", "HbA1c", levels.hba1c, decimals: 1, unit: "%", low: 4.9, high: 6.0),
            observation("3D010000001926101", "空腹時血糖", levels.glucose, decimals: 0, unit: "mg/dL", low: 73, high: 109),
            observation("3F077000002327101", "LDLコレステロール", levels.ldl, decimals: 0, unit: "mg/dL", low: 65, high: 139),
            observation("3C015000002327101", "クレアチニン", levels.creatinine, decimals: 2, unit: "mg/dL",
                        low: female ? 0.46 : 0.65, high: female ? 0.79 : 1.07),
            observation("8A065000002391901", "eGFR", levels.egfr, decimals: 1, unit: "mL/min/1.73m2", low: 60, high: 200),
        ]
    }
}
