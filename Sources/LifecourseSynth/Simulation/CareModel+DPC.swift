import LifecourseCore
import LifecourseFormats

/// Stays at DPC hospitals are billed by diagnosis group: the claim carries the group (BU), the diagnoses with
/// their ICD-10 and role (SB), the operation (SK), the bundled days by length-of-stay band (GA, HH, GT) and every
/// item given, day by day (CD), instead of the itemised SY, SI and IY records.
extension CareModel {
    /// The DPC part of a hip-fracture stay and the points it bills.
    func dpcStay(person: SynthPerson, hospital: SynthInstitution, month: YearMonth, visits: Visits) -> WrittenDPC? {
        guard let admission = visits.admission else { return nil }
        let days = visits.days.sorted().filter { $0 >= admission.day }
        guard let last = days.last else { return nil }
        let discharge = try! month.day(last)
        let operation = try! month.day(min(last, admission.day + 1))
        let codes = ClinicalCodes.HipFractureDPC.self
        let fracture = ClinicalCodes.femoralNeckFracture
        var diagnoses = ["01", "11", "21"].map {
            WrittenDPC.Diagnosis(code: fracture.claimsCode ?? "0000999",
                                 name: fracture.claimsCode == nil ? fracture.name : nil, icd10: codes.fractureICD10,
                                 role: $0)
        }
        if person.conditions.has(.osteoporosis) {
            let osteoporosis = ClinicalCodes.osteoporosis
            diagnoses.append(.init(code: osteoporosis.claimsCode ?? "0000999", name: osteoporosis.name,
                                   icd10: osteoporosis.icd10, role: "41"))
        }
        var bundles = [WrittenDPC.Bundle]()
        var previousEnd = 0
        for (index, band) in codes.bands.enumerated() {
            let inBand = days.count >= band.0 ? band.0 - previousEnd : max(0, days.count - previousEnd)
            if inBand > 0 { bundles.append(.init(period: String(index + 1), pointsPerDay: band.1, days: inBand)) }
            previousEnd = band.0
        }
        var coding = [WrittenDPC.Coding]()
        var sequence = 0
        func code(_ date: CalendarDate, _ category: String, _ items: [(String, Double?)]) {
            sequence += 1
            for (detail, item) in items.enumerated() {
                coding.append(.init(date: date, category: category, sequence: sequence, detail: detail + 1, code: item.0,
                                    quantity: item.1, times: 1))
            }
        }
        code(admission, "70", [(ClinicalCodes.plainRadiographyReading.code, nil)])
        code(operation, "50", codes.devices.map { ($0, 1) })
        let drugs = visits.drugs.compactMap { ClinicalCodes.drugs[$0.0] }
        for day in days where day > operation.day && !drugs.isEmpty {
            code(try! month.day(day), "21", drugs.map { ($0.claimsCode, $0.dailyQuantity) })
        }
        let died = person.deathDate.map { $0.yearMonth == month } ?? false
        return WrittenDPC(
            groupCode: codes.groupCode, admissionDate: admission, dischargeDate: discharge, outcome: died ? 7 : 1,
            admissionKind: "2", ageAtAdmission: person.age(on: admission), diagnoses: diagnoses,
            procedures: [.init(code: nil, section: codes.operationSection, date: operation, name: codes.operationName)],
            coefficient: hospital.dpcCoefficient, bundles: bundles, coding: coding)
    }
}
