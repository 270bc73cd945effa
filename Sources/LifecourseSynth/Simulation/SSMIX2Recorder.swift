import Foundation
import LifecourseCore
import LifecourseFormats

/// Writes what a hospital's record system stores in SS-MIX2 standardized storage for its patients' visits:
/// the patient (ADT-00) when first seen and when their name or address changes, each outpatient day (ADT-12),
/// admissions and discharges (ADT-22, ADT-52), the disease list when it changes (PPR-01), prescriptions with
/// HOT9 codes (OMP-01) and, every third month of follow-up, laboratory results with JLAC10 codes (OML-11).
///
/// ISO-2022-JP has no room for variant kanji: names are written in their common form, and any character still
/// outside JIS X 0208 as 〓, as hospital systems do.
final class SSMIX2Recorder {
    private let config: SynthConfig
    private let output: URL
    private let truth: OutputFile
    private let encoder = ISO2022JPEncoder()
    /// Per patient and hospital: what the last ADT-00 said, and how many diseases the last PPR-01 listed.
    private var registered = [Int: (surname: String, municipality: Int)]()
    private var diseaseLists = [Int: Int]()
    private(set) var files = 0

    init(config: SynthConfig, output: URL, truth: OutputFile) {
        self.config = config
        self.output = output
        self.truth = truth
    }

    func record(person: SynthPerson, hospital: SynthInstitution, month: YearMonth, visits: CareModel.Visits) throws {
        let patientID = CareModel.chartNumber(person, hospital)
        let key = person.id << 16 | hospital.index
        let messages = SSMIX2Messages(facility: hospital.code.code)
        let patient = self.patient(person, id: patientID,
                                   written: WrittenIdentity(person: person, institution: hospital, month: month, config: config))
        let days = visits.days.sorted()
        guard let firstDay = days.first.map({ try! month.day($0) }) else { return }
        var sequence = 0
        func stamp(_ day: CalendarDate) -> String {
            sequence += 1
            return day.compact + (9 + sequence % 9).zeroPadded(to: 2) + (sequence % 60).zeroPadded(to: 2) + "00" + sequence.zeroPadded(to: 3)
        }
        func order(_ day: CalendarDate) -> String {
            day.compact + (person.id % 10_000_000).zeroPadded(to: 7)
        }
        func write(_ message: HL7Message, _ type: SSMIX2Path.DataType, day: CalendarDate, timestamp: String) throws {
            let path = SSMIX2Path(patientID: patientID, day: day, type: type, orderNumber: order(day), timestamp: timestamp,
                                  department: "01")
            let relative = "ssmix2/\(hospital.code.code)/" + path.relativePath
            try OutputFile.write(try encoder.encode(message.text), to: output.appendingPathComponent(relative))
            files += 1
        }
        if registered[key] == nil {
            try truth.write("\(hospital.code.code),\(patientID),\(person.id)\n")
        }
        if registered[key].map({ $0.surname != person.surname.kanji || $0.municipality != person.municipality }) ?? true {
            let time = stamp(firstDay)
            try write(messages.patient(patient, control: time, timestamp: time), .patient, day: firstDay, timestamp: time)
            registered[key] = (person.surname.kanji, person.municipality)
        }
        if let admitted = visits.admission {
            let time = stamp(admitted)
            try write(messages.stay(patient, admitted: admitted, discharged: nil, control: time, timestamp: time),
                      .admission, day: admitted, timestamp: time)
            let discharged = try! month.day(days.last!)
            let out = stamp(discharged)
            try write(messages.stay(patient, admitted: admitted, discharged: discharged, control: out, timestamp: out),
                      .discharge, day: discharged, timestamp: out)
        } else {
            for day in days {
                let date = try! month.day(day)
                let time = stamp(date)
                try write(messages.outpatientVisit(patient, day: date, control: time, timestamp: time), .outpatientVisit,
                          day: date, timestamp: time)
            }
        }
        let diseases = self.diseases(person, visits: visits, month: month)
        if diseases.count != diseaseLists[key] {
            let time = stamp(firstDay)
            try write(messages.diseases(patient, diseases, control: time, timestamp: time), .diseases, day: firstDay,
                      timestamp: time)
            diseaseLists[key] = diseases.count
        }
        let drugs = visits.drugs.compactMap { key, days -> SSMIX2DrugOrder? in
            guard let drug = ClinicalCodes.drugs[key], let hot9 = drug.hot9 else { return nil }
            let unit = drug.merit9Unit
            let times = Self.dosages[Int(drug.dailyQuantity)] == nil ? 1 : Int(drug.dailyQuantity)
            let dosage = Self.dosages[times]!
            return SSMIX2DrugOrder(hot9: hot9, name: drug.name, dailyAmount: drug.dailyQuantity, unitCode: unit.0,
                                   unitName: unit.1, days: days, dosageCode: dosage.code, dosageText: dosage.text,
                                   timesPerDay: times)
        }
        if !drugs.isEmpty {
            let time = stamp(firstDay)
            try write(messages.prescription(patient, order: order(firstDay), day: firstDay, drugs: drugs, control: time,
                                            timestamp: time), .prescriptionOrder, day: firstDay, timestamp: time)
        }
        let followed = visits.conditions.contains { [.diabetes, .dyslipidaemia, .ckd, .hypertension].contains($0) }
        if followed, (month.index + person.id) % 3 == 0 {
            let time = stamp(firstDay)
            let results = LabModel.results(for: person, on: firstDay, seed: config.seed)
            try write(messages.labResults(patient, order: order(firstDay), collected: firstDay, observations: results,
                                          control: time, timestamp: time), .labResults, day: firstDay, timestamp: time)
        }
    }

    /// JAMI dosage codes (JAMI 処方・注射オーダ標準用法規格) as the SS-MIX2 sample writes them; once a day is written
    /// as text without a code until its code is checked.
    static let dosages: [Int: (code: String, text: String)] = [
        1: ("", "内服・経口・１日１回朝食後"),
        2: ("1012040400000000", "内服・経口・１日２回朝夕食後"),
        3: ("1013044400000000", "内服・経口・１日３回朝昼夕食後"),
    ]

    /// The patient as the hospital's system holds them: the birth date and card its claims carry too (one
    /// system writes both), the name in its JIS form.
    private func patient(_ person: SynthPerson, id: String, written: WrittenIdentity) -> SSMIX2Patient {
        SSMIX2Patient(
            id: id, familyName: jis(NamePool.commonForm(person.surname.kanji)),
            givenName: jis(NamePool.commonForm(person.givenName.kanji)), familyKana: person.surname.kana,
            givenKana: person.givenName.kana, birthDate: written.birthDate, sex: person.sex,
            postalCode: person.postalCode, address: person.address,
            card: InsuranceCard(insurerNumber: person.coverage.insurerNumber, symbol: written.symbol,
                                number: written.number, branch: nil))
    }

    /// Text with every character outside JIS X 0208 replaced by 〓.
    private func jis(_ text: String) -> String {
        String(text.map { encoder.canEncode(String($0)) ? $0 : "〓" })
    }

    private func diseases(_ person: SynthPerson, visits: CareModel.Visits, month: YearMonth) -> [SSMIX2Disease] {
        var list = visits.conditions.map { condition -> SSMIX2Disease in
            let onset = YearMonth(index: person.conditions.onset(condition)!).firstDay
            let diagnosis = condition.diagnosis
            return SSMIX2Disease(name: diagnosis.name, claimsCode: diagnosis.claimsCode, icd10: diagnosis.icd10,
                                 onset: onset, isMain: false)
        }
        list += visits.acute.map { acute in
            SSMIX2Disease(name: acute.0.name, claimsCode: acute.0.claimsCode, icd10: acute.0.icd10, onset: acute.1,
                          isMain: false)
        }
        if !list.isEmpty { list[0].isMain = true }
        return list
    }
}
