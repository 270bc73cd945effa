import LifecourseCore
import LifecourseFormats

/// Long-term care insurance (介護保険) from 65: persons are certified (要介護認定) at the rates of
/// 厚生労働省「介護保険事業状況報告」 2021 (認定率 65–69 2.9%, 70–74 5.8%, 75–79 12.7%, 80–84 26.4%, 85–89 48%,
/// 90+ 73%), dementia making certification about three times as likely; levels at first certification follow the
/// national mix (要支援1 14%, 要支援2 14%, 要介護1 21%, 要介護2 17%, 要介護3 13%, 要介護4 12%, 要介護5 9%), and are
/// reviewed every 12 months, a third of the time one level higher. Certified persons use services each month:
/// day care, home help, equipment and care management at home, or a nursing home (介護老人福祉施設) for a share of
/// 要介護4–5.
enum LongTermCare {
    static let certifiedShare: [(Double, Double, Double)] = [
        (64, 0, 0), (67, 0.029, 0.029), (72, 0.058, 0.058), (77, 0.127, 0.127), (82, 0.264, 0.264), (87, 0.48, 0.48),
        (93, 0.73, 0.73),
    ]

    static let firstLevels = WeightedTable<CareLevel>([
        (.support1, 14), (.support2, 14), (.care1, 21), (.care2, 17), (.care3, 13), (.care4, 12), (.care5, 9),
    ])

    /// Certification and review in a month.
    static func step(_ person: inout SynthPerson, month: YearMonth, age: Double, random: inout SynthRandom) {
        if let level = person.careLevel {
            if month.index - person.careCertifiedMonth >= 12 {
                person.careCertifiedMonth = month.index
                if random.chance(0.33), let next = CareLevel.allCases.firstIndex(of: level).map({ $0 + 1 }),
                   next < CareLevel.allCases.count {
                    person.careLevel = CareLevel.allCases[next]
                }
            }
            return
        }
        guard age >= 65 else { return }
        let now = Demography.interpolate(certifiedShare, at: age, female: false)
        let next = Demography.interpolate(certifiedShare, at: age + 1.0 / 12, female: false)
        guard next > now else { return }
        let dementia = person.conditions.has(.dementia)
        // The average multiplier over persons of this age is 1 + 2 × P(dementia); divide it out.
        let multiplier = (dementia ? 3.0 : 1.0)
            / (1 + 2 * ChronicCondition.dementia.prevalence(age: age, sex: person.sex))
        if random.chance((next - now) / (1 - now) * multiplier) {
            var level = random.pick(firstLevels)
            if dementia, [.support1, .support2, .care1].contains(level), random.chance(0.5) { level = .care2 }
            person.careLevel = level
            person.careCertifiedMonth = month.index
        }
    }

    /// The services a certified person uses in a month, by kind.
    static func services(level: CareLevel, days: Int, random: inout SynthRandom) -> [CareService] {
        var services = [CareService]()
        if level == .care4 || level == .care5, random.chance(0.45) {
            return [.init(kind: "51", units: 750 * days, days: days)]
        }
        switch level {
        case .notApplicable:
            return []
        case .support1, .support2:
            let dayCare = random.int(4...8)
            services.append(.init(kind: "15", units: 650 * dayCare, days: dayCare))
        default:
            let help = random.int(8...20)
            let dayCare = random.int(4...12)
            services.append(.init(kind: "11", units: 250 * help, days: help))
            services.append(.init(kind: "15", units: 700 * dayCare, days: dayCare))
        }
        if level != .support1, random.chance(0.6) {
            services.append(.init(kind: "17", units: 1000, days: 1))
        }
        let total = services.reduce(0) { $0 + $1.units }
        if total > level.monthlyUnitLimit, let first = services.first {
            services[0].units = max(0, first.units - (total - level.monthlyUnitLimit))
        }
        services.append(.init(kind: "43", units: level.rawValue.hasPrefix("1") ? 438 : 1076, days: 1))
        return services
    }

    /// The person's 介護保険 被保険者番号 at their municipality (10 digits, stable).
    static func insuredNumber(_ person: SynthPerson) -> String {
        var hash = UInt64(person.id) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(person.municipality) &* 0x85EB_CA6B
        hash ^= hash >> 31
        return (Int(hash % 9_000_000_000) + 1_000_000_000).zeroPadded(to: 10)
    }

    /// The 事業所番号 of the care provider serving a municipality (10 digits).
    static func providerNumber(municipality: Int, facility: Bool) -> String {
        let place = Geography.municipalities[municipality]
        return place.prefectureCode.zeroPadded(to: 2) + "7" + (municipality % 1000).zeroPadded(to: 3) + (facility ? "5" : "1") + "001"
    }
}
