import Foundation
import LifecourseCore

/// The population's shape and its movements, from published Japanese figures.
///
/// - Age pyramid: 総務省統計局「令和2年国勢調査」, population by 5-year age group and sex (thousands).
/// - Mortality: 厚生労働省「令和2年簡易生命表」, death probabilities q(x) at selected ages, interpolated
///   log-linearly between them (Gompertz-like).
/// - Births: total fertility rate 1.33 (人口動態統計 2020), spread over ages 20–44; twins 1.0% of births.
enum Demography {
    /// (lower age of the band, men, women) in thousands.
    static let pyramid: [(Int, Double, Double)] = [
        (0, 2560, 2440), (5, 2740, 2610), (10, 2770, 2640), (15, 2890, 2740), (20, 3160, 3010), (25, 3220, 3070),
        (30, 3500, 3370), (35, 3940, 3810), (40, 4450, 4330), (45, 4990, 4870), (50, 4430, 4360), (55, 3920, 3920),
        (60, 3660, 3740), (65, 4030, 4280), (70, 4120, 4600), (75, 3050, 3690), (80, 2230, 3080), (85, 1230, 2240),
        (90, 420, 1120), (95, 70, 370), (100, 10, 70),
    ]

    /// Age and sex drawn from the pyramid.
    static let ageSexTable: WeightedTable<(Int, Sex)> = WeightedTable(pyramid.flatMap { band in
        [((band.0, Sex.male), band.1), ((band.0, Sex.female), band.2)]
    })

    /// Yearly death probability at selected ages, (age, men, women).
    static let deathProbability: [(Double, Double, Double)] = [
        (0, 0.0018, 0.0016), (1, 0.0003, 0.0002), (10, 0.0001, 0.0001), (20, 0.0004, 0.0002), (30, 0.0005, 0.0003),
        (40, 0.0010, 0.0006), (50, 0.0025, 0.0014), (60, 0.0065, 0.0030), (65, 0.0100, 0.0045),
        (70, 0.0155, 0.0070), (75, 0.0250, 0.0120), (80, 0.0430, 0.0230), (85, 0.0770, 0.0440),
        (90, 0.1400, 0.0900), (95, 0.2400, 0.1800), (100, 0.3700, 0.3000), (110, 0.6, 0.55),
    ]

    /// The monthly death hazard at an age.
    static func monthlyDeathHazard(age: Double, sex: Sex) -> Double {
        let yearly = exp(interpolate(logDeathProbability, at: age, female: sex == .female))
        return 1 - pow(1 - min(yearly, 0.99), 1.0 / 12)
    }

    static let logDeathProbability = deathProbability.map { ($0.0, log($0.1), log($0.2)) }

    /// Births per woman per month by age: TFR 1.33 with a peak at 30–34.
    static func monthlyBirthRate(age: Int) -> Double {
        let perYear: Double = switch age {
        case 20..<25: 0.025
        case 25..<30: 0.075
        case 30..<35: 0.095
        case 35..<40: 0.058
        case 40..<45: 0.012
        default: 0
        }
        return perYear / 12
    }

    static let twinShare = 0.010

    /// Interpolates linearly over sorted (x, men, women) points without allocating; flat beyond the ends.
    static func interpolate(_ points: [(Double, Double, Double)], at x: Double, female: Bool) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if x <= first.0 { return female ? first.2 : first.1 }
        if x >= last.0 { return female ? last.2 : last.1 }
        var upper = 1
        while points[upper].0 < x { upper += 1 }
        let lower = points[upper - 1]
        let higher = points[upper]
        let y0 = female ? lower.2 : lower.1
        let y1 = female ? higher.2 : higher.1
        return y0 + (x - lower.0) / (higher.0 - lower.0) * (y1 - y0)
    }
}
