import LifecourseCore
import LifecourseFormats

/// Dental care: about one person in ten sees a dentist in a month (a low estimate: 歯科 claims are about 0.3
/// per person-month nationally, 医療給付実態調査; kept low so that generated volumes stay dominated by 医科),
/// at a dental clinic of their municipality, for caries or periodontitis: a first or repeat visit fee on each day,
/// a management fee once.
extension CareModel {
    static let dentalVisitRate = 0.1

    /// The dental clinic a person goes to: stable for the person while they live in the municipality.
    func dentist(of person: SynthPerson) -> Int? {
        guard let nearby = dentists[person.municipality], !nearby.isEmpty else { return nil }
        var hash = UInt64(person.id) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        return nearby[Int(hash % UInt64(nearby.count))]
    }

    /// Adds this month's dental visits, if any, to `byInstitution`.
    func addDentalVisits(of person: SynthPerson, lastDay: Int, random: inout SynthRandom,
                         to byInstitution: inout [Int: Visits]) {
        guard random.chance(Self.dentalVisitRate), let dentist = dentist(of: person) else { return }
        var visits = byInstitution[dentist] ?? Visits()
        let count = random.int(1...3)
        for _ in 0..<count { visits.days.insert(random.int(1...max(1, min(28, lastDay)))) }
        visits.dental = random.chance(0.6) ? .caries(tooth: Self.teeth[random.int(0...(Self.teeth.count - 1))])
            : .periodontitis
        byInstitution[dentist] = visits
    }

    /// Permanent teeth by FDI number (quadrant and position), molars and premolars first: where caries is.
    static let teeth = [16, 17, 26, 27, 36, 37, 46, 47, 14, 15, 24, 25, 34, 35, 44, 45]

    /// The 歯科 claim a dental clinic writes for a person's visits in a month.
    func dentalClaim(number: Int, person: SynthPerson, clinic: SynthInstitution, month: YearMonth, visits: Visits,
                     firstVisit: Bool) -> WrittenClaim {
        let days = visits.days.sorted()
        let first = days.first ?? 1
        var items = [WrittenClaim.Item]()
        var points = 0
        func add(_ procedure: ClinicalCodes.Procedure, category: String, days: [Int]) {
            guard !days.isEmpty else { return }
            items.append(.init(recordType: "SS", category: category, code: procedure.code, quantity: nil,
                               points: procedure.points, times: days.count, dayCounts: days.map { ($0, 1) }))
            points += procedure.points * days.count
        }
        if firstVisit {
            add(ClinicalCodes.Dental.firstVisit, category: "11", days: [first])
            add(ClinicalCodes.Dental.revisit, category: "12", days: Array(days.dropFirst()))
        } else {
            add(ClinicalCodes.Dental.revisit, category: "12", days: days)
        }
        add(ClinicalCodes.Dental.management, category: "13", days: [first])
        let start = try! month.day(first)
        let patient = writtenPatient(number, person: person, institution: clinic, month: month)
        var header = patient.header
        header.treatmentStart = firstVisit ? start : month.firstDay
        let diagnosis: WrittenClaim.Diagnosis = switch visits.dental {
        case .caries(let tooth):
            .init(code: "0000999", name: ClinicalCodes.Dental.caries.name, startDate: header.treatmentStart!,
                  outcome: .continuing, isMain: true, teeth: [ClinicalCodes.Dental.tooth(tooth)])
        default:
            .init(code: "0000999", name: ClinicalCodes.Dental.periodontitis.name, startDate: header.treatmentStart!,
                  outcome: .continuing, isMain: true, teeth: ["100000"])
        }
        return WrittenClaim(
            header: header, insurance: patient.card, qualification: patient.qualification, diagnoses: [diagnosis],
            items: items, actualDays: days.count, points: points)
    }
}

/// What a dental visit is for.
enum DentalCondition: Sendable, Hashable {
    /// う蝕 of one tooth (FDI number).
    case caries(tooth: Int)
    /// 慢性歯周炎 of the whole mouth.
    case periodontitis
}
