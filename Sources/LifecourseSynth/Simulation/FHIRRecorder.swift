import Foundation
import LifecourseCore
import LifecourseFormats

/// Writes the FHIR JP Core bundles that clinics with FHIR-capable systems send: one `collection` Bundle per
/// patient and month of visits, at `fhir/INSTITUTION/YYYYMM/PATIENT.json`.
final class FHIRRecorder {
    private let output: URL
    private let truth: OutputFile
    private var known = Set<Int>()
    private(set) var files = 0

    init(output: URL, truth: OutputFile) {
        self.output = output
        self.truth = truth
    }

    func record(person: SynthPerson, clinic: SynthInstitution, month: YearMonth, visits: CareModel.Visits,
                config: SynthConfig) throws {
        let patientID = CareModel.chartNumber(person, clinic)
        if known.insert(person.id << 16 | clinic.index).inserted {
            try truth.write("\(clinic.code.code),\(patientID),\(person.id)\n")
        }
        let written = WrittenIdentity(person: person, institution: clinic, month: month, config: config)
        let patient = JPCoreBundle.Patient(
            id: patientID, familyName: person.surname.kanji, givenName: person.givenName.kanji,
            familyKana: person.surname.kana, givenKana: person.givenName.kana, sex: person.sex,
            birthDate: written.birthDate, postalCode: person.postalCode, address: person.address)
        let card = JPCoreBundle.Card(insurerNumber: person.coverage.insurerNumber, symbol: written.symbol,
                                     number: written.number, branch: written.branch)
        var conditions = visits.conditions.map { condition in
            JPCoreBundle.Condition(name: condition.diagnosis.name, claimsCode: condition.diagnosis.claimsCode,
                                   icd10: condition.diagnosis.icd10,
                                   onset: YearMonth(index: person.conditions.onset(condition)!).firstDay, resolved: false)
        }
        conditions += visits.acute.map {
            JPCoreBundle.Condition(name: $0.0.name, claimsCode: $0.0.claimsCode, icd10: $0.0.icd10, onset: $0.1,
                                   resolved: $0.2 == .cured)
        }
        let prescriptions = visits.drugs.compactMap { key, days -> JPCoreBundle.Prescription? in
            guard let drug = ClinicalCodes.drugs[key], let hot9 = drug.hot9 else { return nil }
            let unit = drug.merit9Unit
            return JPCoreBundle.Prescription(hot9: hot9, yj: drug.yj, name: drug.name, dailyAmount: drug.dailyQuantity,
                                             unitCode: unit.0, unitName: unit.1, days: days)
        }
        let days = visits.days.sorted().map { try! month.day($0) }
        let bundle = JPCoreBundle(institution: clinic.code.code, patient: patient, card: card, visitDays: days,
                                  conditions: conditions, prescriptions: prescriptions)
        let folder = month.compact
        let data = try bundle.json(id: "\(clinic.code.code)-\(folder)-\(patientID)",
                                   timestamp: (days.last ?? month.lastDay).description + "T18:00:00+09:00")
        try OutputFile.write([UInt8](data),
                             to: output.appendingPathComponent("fhir/\(clinic.code.code)/\(folder)/\(patientID).json"))
        files += 1
    }
}
