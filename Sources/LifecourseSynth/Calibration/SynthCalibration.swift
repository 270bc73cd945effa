import LifecourseCore

/// One published figure and what the generator produced for it.
public struct CalibrationRow: Sendable, Hashable, Codable {
    public var measure: String
    public var group: String
    public var published: Double
    public var simulated: Double
    /// The largest acceptable absolute difference.
    public var tolerance: Double

    public var isWithinTolerance: Bool { abs(simulated - published) <= tolerance }
}

/// Compares a simulated population with the published figures it is based on: the census age pyramid,
/// crude birth and death rates (人口動態統計 2020: 6.8 births and 11.1 deaths per 1,000), the share certified for
/// long-term care (介護保険事業状況報告), and the prevalence of each chronic condition by sex and age band after a
/// year of simulation.
public enum SynthCalibration {
    public static func run(persons: Int, seed: UInt64, year: Int, months: Int = 12) -> [CalibrationRow] {
        let config = SynthConfig(persons: persons, seed: seed, firstYear: year, lastYear: year)
        var (population, institutions) = PopulationBuilder(config: config).build()
        let events = LifeEvents(config: config, institutions: institutions)
        let initial = population.count
        var branches = [String: Int]()
        let simulated = Array(config.months.prefix(months))
        for month in simulated { events.step(&population, month: month, branches: &branches) }
        let end = simulated.last!.lastDay
        let alive = population.filter { $0.isAlive }
        let years = Double(simulated.count) / 12
        let averagePopulation = Double(initial + alive.count) / 2
        var rows = [CalibrationRow]()
        rows.append(CalibrationRow(
            measure: "births per 1,000 a year", group: "all", published: 6.8,
            simulated: Double(population.count - initial) / averagePopulation / years * 1000, tolerance: 1.5))
        rows.append(CalibrationRow(
            measure: "deaths per 1,000 a year", group: "all", published: 11.1,
            simulated: Double(population.count - alive.count) / averagePopulation / years * 1000, tolerance: 2.0))
        // Age pyramid in 10-year bands, as shares of the population.
        let census = Demography.pyramid
        let censusTotal = census.reduce(0) { $0 + $1.1 + $1.2 }
        for band in stride(from: 0, through: 90, by: 10) {
            let published = census.filter { band == 90 ? $0.0 >= 90 : ($0.0 / 10) * 10 == band }
                .reduce(0) { $0 + $1.1 + $1.2 } / censusTotal
            let count = alive.filter { person in
                let age = person.age(on: end)
                return band == 90 ? age >= 90 : age / 10 * 10 == band
            }.count
            rows.append(CalibrationRow(measure: "share of population", group: band == 90 ? "90+" : "\(band)–\(band + 9)",
                                       published: published * 100, simulated: Double(count) / Double(alive.count) * 100,
                                       tolerance: 1.2))
        }
        // 要介護認定率 by age band.
        for band in [(65, 74), (75, 84), (85, 99)] {
            let group = alive.filter { (band.0...band.1).contains($0.age(on: end)) }
            guard group.count >= 500 else { continue }
            let expected = group.reduce(0) {
                $0 + Demography.interpolate(LongTermCare.certifiedShare, at: Double($1.age(on: end)), female: false)
            } / Double(group.count)
            let observed = Double(group.filter { $0.careLevel != nil }.count) / Double(group.count)
            rows.append(CalibrationRow(measure: "要介護認定 %", group: "\(band.0)–\(band.1)", published: expected * 100,
                                       simulated: observed * 100, tolerance: max(2.0, expected * 100 * 0.15)))
        }
        // Prevalence by sex and age band, against the curve averaged over the band's persons.
        for condition in ChronicCondition.allCases where !condition.isCancer {
            for sex in [Sex.male, .female] {
                for band in [(20, 39), (40, 59), (60, 74), (75, 89)] {
                    let group = alive.filter { $0.sex == sex && (band.0...band.1).contains($0.age(on: end)) }
                    guard group.count >= 500 else { continue }
                    let expected = group.reduce(0) { $0 + condition.prevalence(age: Double($1.age(on: end)), sex: sex) }
                        / Double(group.count)
                    guard expected >= 0.01 else { continue }
                    let observed = Double(group.filter { $0.conditions.has(condition) }.count) / Double(group.count)
                    rows.append(CalibrationRow(
                        measure: "\(condition.diagnosis.name) prevalence %", group: "\(sex.japaneseName) \(band.0)–\(band.1)",
                        published: expected * 100, simulated: observed * 100,
                        tolerance: max(2.0, expected * 100 * 0.15)))
                }
            }
        }
        rows += checkupRows(alive, year: year, end: end, seed: seed)
        return rows
    }

    /// 特定健診 attendance in the fiscal year starting in `year` (厚生労働省「2021年度 特定健康診査・特定保健指導の実施
    /// 状況」: 56.5% of those eligible), and the checkup model's BMI and smoking for everyone 20 and over
    /// (令和元年国民健康・栄養調査: BMI ≥25 in 33.0% of men and 22.3% of women; smokers 27.1% and 7.6%).
    static func checkupRows(_ alive: [SynthPerson], year: Int, end: CalendarDate, seed: UInt64) -> [CalibrationRow] {
        let model = CheckupModel(seed: seed)
        let fiscalYearEnd = try! CalendarDate(year: year + 1, month: 3, day: 31)
        let eligible = alive.filter { $0.coverage.kind != .kouki && (40...74).contains($0.age(on: fiscalYearEnd)) }
        let examined = eligible.filter { person in
            let month = model.examMonth(person)
            return model.isExamined(person, in: try! YearMonth(year: month >= 4 ? year : year + 1, month: month))
        }
        var rows = [CalibrationRow(measure: "特定健診 実施率 %", group: "40–74", published: 56.5,
                                   simulated: Double(examined.count) / Double(max(1, eligible.count)) * 100,
                                   tolerance: 4)]
        for (sex, obese, smokers) in [(Sex.male, 33.0, 27.1), (.female, 22.3, 7.6)] {
            let adults = alive.filter { $0.sex == sex && $0.age(on: end) >= 20 }
            let share = { (count: Int) in Double(count) / Double(max(1, adults.count)) * 100 }
            rows.append(CalibrationRow(measure: "BMI ≥25 %", group: "\(sex.japaneseName) 20+", published: obese,
                                       simulated: share(adults.filter { model.body($0, on: end).bmi >= 25 }.count),
                                       tolerance: 3))
            rows.append(CalibrationRow(measure: "喫煙 %", group: "\(sex.japaneseName) 20+", published: smokers,
                                       simulated: share(adults.filter { model.smokes($0, age: $0.age(on: end)) }.count),
                                       tolerance: 2.5))
        }
        return rows
    }

    /// The rows as an aligned text table.
    public static func table(_ rows: [CalibrationRow]) -> String {
        func format(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return String(rounded)
        }
        var lines = ["measure | group | published | simulated | tolerance | ok"]
        for row in rows {
            lines.append("\(row.measure) | \(row.group) | \(format(row.published)) | \(format(row.simulated)) | "
                         + "±\(format(row.tolerance)) | \(row.isWithinTolerance ? "yes" : "NO")")
        }
        return lines.joined(separator: "\n")
    }
}
