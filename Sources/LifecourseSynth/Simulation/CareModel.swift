import LifecourseCore
import LifecourseFormats

/// What care a person receives in a month, as claims: regular visits for treated chronic conditions at their
/// clinic (cancers at their hospital), acute respiratory infections, and admissions for hip fractures.
///
/// Rates: 急性上気道炎 visits about 1.4 a year for children, 0.5 for adults (患者調査); hip fracture about 1%
/// a year over 80, more with osteoporosis (日本整形外科学会 大腿骨頚部骨折ガイドライン).
struct CareModel {
    let config: SynthConfig
    let institutions: [SynthInstitution]
    /// Pharmacies and dental clinics by municipality, by index of `institutions`.
    let pharmacies: [Int: [Int]]
    let dentists: [Int: [Int]]

    init(config: SynthConfig, institutions: [SynthInstitution]) {
        self.config = config
        self.institutions = institutions
        pharmacies = Dictionary(grouping: institutions.filter { $0.kind == .pharmacy }.map(\.index)) {
            institutions[$0].municipality
        }
        dentists = Dictionary(grouping: institutions.filter { $0.kind == .dentalClinic }.map(\.index)) {
            institutions[$0].municipality
        }
    }

    /// One person's visits in a month, by institution.
    struct Visits {
        var days: Set<Int> = []
        var conditions: [ChronicCondition] = []
        var acute: [(ClinicalCodes.Diagnosis, CalendarDate, DiagnosisOutcome)] = []
        var drugs: [(String, Int)] = []
        var admission: CalendarDate?
        var radiography = false
        var firstVisit = false
        /// What brings the person to a dental clinic.
        var dental: DentalCondition?
    }

    /// The visits of `person` in `month`, by institution index, in a stable order.
    func visits(of person: inout SynthPerson, month: YearMonth, random: inout SynthRandom) -> [(Int, Visits)] {
        var byInstitution = [Int: Visits]()
        let age = person.age(on: month.firstDay)
        let lastDay = person.deathDate.map { $0.yearMonth == month ? $0.day : month.dayCount } ?? month.dayCount
        func day() -> Int { random.int(1...max(1, min(28, lastDay))) }
        for condition in ChronicCondition.allCases {
            guard person.conditions.isTreated(condition), let onset = person.conditions.onset(condition),
                  onset <= month.index else {
                continue
            }
            let drug = person.conditions.drug(condition)
            guard random.chance(0.9) else { continue }
            let institution = condition.isCancer || person.followedAtHospital ? person.hospital : person.clinic
            var visits = byInstitution[institution] ?? Visits()
            visits.days.insert(day())
            visits.conditions.append(condition)
            if let drug {
                visits.drugs.append((drug, 28))
                if let second = Self.secondDrug(condition, person: person), second != drug {
                    visits.drugs.append((second, 28))
                }
            }
            byInstitution[institution] = visits
        }
        let infectionRate = age < 15 ? 0.12 : age < 65 ? 0.04 : 0.03
        if random.chance(infectionRate) {
            var visits = byInstitution[person.clinic] ?? Visits()
            let date = try! month.day(day())
            visits.days.insert(date.day)
            visits.acute.append((ClinicalCodes.upperRespiratoryInfection, date, .cured))
            if age >= 6 {
                visits.drugs.append((random.element(Self.feverDrugs), 5))
                if random.chance(0.6) { visits.drugs.append((random.element(Self.expectorants), 5)) }
            }
            byInstitution[person.clinic] = visits
        }
        let fractureRate = (age >= 80 ? 0.0008 : age >= 65 ? 0.0003 : 0) * (person.conditions.has(.osteoporosis) ? 2 : 1)
        if random.chance(fractureRate) {
            var visits = byInstitution[person.hospital] ?? Visits()
            let date = try! month.day(day())
            visits.admission = date
            visits.radiography = true
            visits.days.formUnion(date.day...min(lastDay, date.day + random.int(7...20)))
            visits.acute.append((ClinicalCodes.femoralNeckFracture, date, .continuing))
            visits.drugs += [("loxoprofen60", 14), ("famotidine20", 14)]
            byInstitution[person.hospital] = visits
        }
        addDentalVisits(of: person, lastDay: lastDay, random: &random, to: &byInstitution)
        return byInstitution.keys.sorted().map { ($0, byInstitution[$0]!) }
    }

    /// Drugs for an acute respiratory infection: an antipyretic analgesic and often an expectorant.
    static let feverDrugs = ["acetaminophen300", "loxoprofen60", "loxoprofenSawai60", "loxoprofenTowa60"]
    static let expectorants = ["carbocisteine250", "carbocisteineSawai250", "carbocisteineTowa250", "bromhexine4"]

    /// The second drug a person takes for a treated condition, if any: stable for the person.
    static func secondDrug(_ condition: ChronicCondition, person: SynthPerson) -> String? {
        let keys = condition.secondDrugKeys
        guard !keys.isEmpty else { return nil }
        var hash = UInt64(person.id) &* 0xA24B_AED4_963E_E407 ^ UInt64(condition.rawValue) &* 0x9FB2_1C65_1E98_DF25
        hash ^= hash >> 32
        guard Double(hash % 1000) < condition.secondDrugShare * 1000 else { return nil }
        return keys[Int((hash >> 12) % UInt64(keys.count))]
    }

    /// The claim an institution writes for a person's visits in a month.
    func claim(number: Int, person: SynthPerson, institution: SynthInstitution, month: YearMonth, visits: Visits,
               firstVisit: Bool) -> WrittenClaim {
        if institution.kind == .dentalClinic {
            return dentalClaim(number: number, person: person, clinic: institution, month: month, visits: visits,
                               firstVisit: firstVisit)
        }
        let inpatient = visits.admission != nil
        let days = visits.days.sorted()
        var items = [WrittenClaim.Item]()
        var points = 0
        func add(_ item: WrittenClaim.Item) {
            items.append(item)
            points += (item.points ?? 0) * item.dayCounts.reduce(0) { $0 + $1.1 }
        }
        if !inpatient, let first = days.first {
            let consultation = firstVisit ? ClinicalCodes.firstVisit : ClinicalCodes.revisit
            add(.init(recordType: "SI", category: firstVisit ? "11" : "12", code: consultation.code, quantity: nil,
                      points: consultation.points, times: firstVisit ? 1 : days.count,
                      dayCounts: firstVisit ? [(first, 1)] : days.map { ($0, 1) }))
            if firstVisit, days.count > 1 {
                add(.init(recordType: "SI", category: "12", code: ClinicalCodes.revisit.code, quantity: nil,
                          points: ClinicalCodes.revisit.points, times: days.count - 1,
                          dayCounts: days.dropFirst().map { ($0, 1) }))
            }
        }
        if visits.radiography, let admission = visits.admission {
            add(.init(recordType: "SI", category: "70", code: ClinicalCodes.plainRadiographyReading.code, quantity: nil,
                      points: ClinicalCodes.plainRadiographyReading.points, times: 1, dayCounts: [(admission.day, 1)]))
        }
        if !visits.drugs.isEmpty, let first = days.first {
            if institution.dispensesInHouse || inpatient {
                for (key, supply) in visits.drugs {
                    let drug = ClinicalCodes.drugs[key]!
                    add(.init(recordType: "IY", category: drug.category, code: drug.claimsCode, quantity: drug.dailyQuantity,
                              points: drug.dailyPoints, times: supply, dayCounts: [(first, supply)]))
                }
            } else {
                add(.init(recordType: "SI", category: "80", code: ClinicalCodes.prescription.code, quantity: nil,
                          points: ClinicalCodes.prescription.points, times: days.count, dayCounts: days.map { ($0, 1) }))
            }
        }
        var diagnoses = visits.conditions.map { condition -> WrittenClaim.Diagnosis in
            let onset = YearMonth(index: person.conditions.onset(condition)!)
            let start = try! onset.day(1 + (person.id &* 31 &+ condition.rawValue &* 7) % min(28, onset.dayCount))
            return Self.diagnosis(condition.diagnosis, start: start, outcome: .continuing)
        }
        diagnoses += visits.acute.map { Self.diagnosis($0.0, start: $0.1, outcome: $0.2) }
        if let death = person.deathDate, death.yearMonth == month, !diagnoses.isEmpty {
            diagnoses[0].outcome = .died
        }
        if !diagnoses.isEmpty { diagnoses[0].isMain = true }
        let patient = writtenPatient(number, person: person, institution: institution, month: month,
                                     admission: visits.admission, bedCount: inpatient ? institution.beds : nil)
        if inpatient, institution.participatesInDPC,
           let dpc = dpcStay(person: person, hospital: institution, month: month, visits: visits) {
            return WrittenClaim(
                header: patient.header, insurance: patient.card, qualification: patient.qualification, diagnoses: [],
                items: [], actualDays: days.count, points: dpc.bundledPoints, dpc: dpc)
        }
        return WrittenClaim(
            header: patient.header, insurance: patient.card, qualification: patient.qualification,
            diagnoses: diagnoses, items: items, actualDays: days.count, points: points)
    }

    /// The prescription slip (処方箋) an outpatient takes from an institution that does not dispense in house, as
    /// a pharmacy near the institution receives it: which pharmacy, and the reception it bills. Persons keep to
    /// one pharmacy per prescriber; one slip in ten is filled the next day.
    func prescriptionSlip(person: SynthPerson, institution: SynthInstitution, month: YearMonth,
                          visits: Visits) -> (pharmacy: Int, reception: WrittenDispensingClaim.Reception)? {
        guard !institution.dispensesInHouse, visits.admission == nil, !visits.drugs.isEmpty,
              let day = visits.days.min(), let nearby = pharmacies[institution.municipality] else {
            return nil
        }
        var hash = UInt64(person.id) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(institution.index) &* 0xD6E8_FEB8_6659_FD93
        hash ^= hash >> 31
        let pharmacy = nearby[Int(hash % UInt64(nearby.count))]
        let prescribed = try! month.day(day)
        let lastDay = person.deathDate.map { $0.yearMonth == month ? $0.day : month.dayCount } ?? month.dayCount
        let dispensed = (hash >> 8) % 10 == 0 && day < lastDay ? try! month.day(day + 1) : prescribed
        // Drugs taken the same way for the same days make one 剤; 薬剤調製料 and 調剤管理料 count up to three 剤.
        var groups = [String: (days: Int, usage: String, drugs: [ClinicalCodes.Drug])]()
        var order = [String]()
        for (key, days) in visits.drugs {
            let drug = ClinicalCodes.drugs[key]!
            let group = "\(drug.usageCode)|\(days)"
            if groups[group] == nil { order.append(group) }
            groups[group, default: (days, drug.usageCode, [])].drugs.append(drug)
        }
        let prescriptions = order.enumerated().map { index, key in
            let group = groups[key]!
            let fees = index < 3
            return WrittenDispensingClaim.Prescription(
                form: "1", usage: group.usage, days: group.days,
                unitDrugPoints: group.drugs.reduce(0) { $0 + $1.dailyPoints },
                preparation: fees ? Self.fee(ClinicalCodes.Dispensing.oralPreparation) : nil,
                management: fees ? Self.fee(ClinicalCodes.Dispensing.management(days: group.days)) : nil,
                drugs: group.drugs.map { .init(code: $0.claimsCode, dailyQuantity: $0.dailyQuantity) })
        }
        let reception = WrittenDispensingClaim.Reception(
            prescriptionDate: prescribed, dispensingDate: dispensed,
            basicFee: Self.fee(ClinicalCodes.Dispensing.basicFee1),
            guidanceFees: [Self.fee(ClinicalCodes.Dispensing.guidance1)], prescriptions: prescriptions)
        return (pharmacy, reception)
    }

    /// The 調剤 claim a pharmacy writes for a person's receptions of one prescriber's slips in a month.
    func dispensingClaim(number: Int, person: SynthPerson, pharmacy: SynthInstitution, prescriber: SynthInstitution,
                         month: YearMonth, receptions: [WrittenDispensingClaim.Reception]) -> WrittenDispensingClaim {
        let patient = writtenPatient(number, person: person, institution: pharmacy, month: month)
        return WrittenDispensingClaim(
            header: patient.header, prescriber: .init(code: prescriber.code, name: prescriber.name),
            insurance: patient.card, qualification: patient.qualification, receptions: receptions)
    }

    /// How `institution`'s claims write `person` in `month`: the RE record, whose レセプト種別 starts with the
    /// institution's 点数表 (1 医科, 3 歯科, 4 調剤); the health-insurance card; its 枝番 in the SN record.
    func writtenPatient(_ number: Int, person: SynthPerson, institution: SynthInstitution, month: YearMonth,
                        admission: CalendarDate? = nil, bedCount: Int? = nil)
        -> (header: WrittenClaim.Header, card: WrittenClaim.Card, qualification: WrittenClaim.Qualification?) {
        let written = WrittenIdentity(person: person, institution: institution, month: month, config: config)
        let type = Self.claimType(person: person, month: month, inpatient: admission != nil)
        let header = WrittenClaim.Header(
            claimNumber: number, claimType: String(institution.code.feeSchedule.rawValue) + type.dropFirst(),
            serviceMonth: month, name: written.name, kanaName: written.kana, sex: person.sex,
            birthDate: written.birthDate, benefitRate: nil, admissionDate: admission, bedCount: bedCount,
            chartNumber: Self.chartNumber(person, institution))
        return (header, WrittenClaim.Card(insurerNumber: person.coverage.insurerNumber, symbol: written.symbol,
                                          number: written.number),
                written.branch.map { .init(confirmation: "01", branch: $0) })
    }

    private static func fee(_ procedure: ClinicalCodes.Procedure) -> WrittenDispensingClaim.Fee {
        .init(code: procedure.code, points: procedure.points)
    }

    private static func diagnosis(_ code: ClinicalCodes.Diagnosis, start: CalendarDate,
                                  outcome: DiagnosisOutcome) -> WrittenClaim.Diagnosis {
        WrittenClaim.Diagnosis(code: code.claimsCode ?? "0000999", name: code.claimsCode == nil ? code.name : nil,
                               startDate: start, outcome: outcome, isMain: false)
    }

    /// レセプト種別: 医科, the payer (1 医保, 3 後期高齢者医療), single payer, then person kind and setting.
    static func claimType(person: SynthPerson, month: YearMonth, inpatient: Bool) -> String {
        let age = person.age(on: month.firstDay)
        if person.coverage.kind == .kouki { return inpatient ? "1317" : "1318" }
        let kind: Int = if age < 6 { 3 } else if age >= 70 { 7 } else if person.coverage.isDependant { 5 } else { 1 }
        return "111" + String(inpatient ? kind : kind + 1)
    }

    /// The institution's own patient number for a person (カルテ番号), stable across months.
    static func chartNumber(_ person: SynthPerson, _ institution: SynthInstitution) -> String {
        var hash = UInt64(person.id) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(institution.index) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 29
        return (Int(hash % 9_000_000) + 1_000_000).zeroPadded(to: 7)
    }
}
