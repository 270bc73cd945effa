import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// Every valid file of the fixture patient 9999013, as the source records an ingest stores: for each data type
/// the values the file says.
@Suite struct SSMIX2RecordTests {
    static let hospital = try! InstitutionCode("2210000011")

    /// The record of a fixture file of patient 9999013, read through its place in the storage.
    static func record(_ relative: String) throws -> SourceRecord {
        let path = Fixtures.ssmix2Root.appendingPathComponent("999/901/9999013/" + relative).path
        let storage = try #require(try SSMIX2Storage.locate(path: path))
        var records = [SourceRecord]()
        try SSMIX2FileReader(path: path, institution: hospital, storage: storage).forEachEvent(progress: { _ in }) { event in
            switch event {
            case .record(let record): records.append(record)
            case .quarantined(let row): Issue.record("\(row.problem)")
            case .warning: break
            }
        }
        return try #require(records.first)
    }

    @Test func theBasicInformationGivesTheIdentityBodyMeasurementsAndADrugAllergy() throws {
        let record = try Self.record("-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1")
        #expect(record.format == .ssmix2 && record.unitRecordType == "ADT-00" && record.encounter == nil)
        #expect(record.sender == .institution(Self.hospital))
        #expect(record.identity.name == "患者\u{3000}太郎" && record.identity.kanaName == "カンジャ\u{3000}タロウ")
        #expect(record.identity.birthDate?.description == "1948-04-05" && record.identity.sex == .male)
        #expect(record.identity.patientNumber == "9999013")
        #expect(record.identity.insuranceCards.isEmpty, "IN1 gives the insurer but no card number")
        let measurements = record.events.compactMap { if case .measurement(let value) = $0 { value } else { nil } }
        #expect(measurements.map(\.code) == ["9N001000000000001", "9N006000000000001", "5H010000009199911"])
        #expect(measurements[0].system == .jlac10 && measurements[0].number == 167.8 && measurements[0].unit == "cm")
        #expect(measurements[0].date.description == "2011-12-20", "the day the event was recorded (EVN-2)")
        #expect(measurements[2].number == nil && measurements[2].text == "A", "blood group is a coded value")
        let allergies = record.events.compactMap { if case .observation(let value) = $0 { value } else { nil } }
        #expect(allergies.count == 1 && allergies[0].category == "allergy:DA" && allergies[0].name == "ペニシリン")
    }

    @Test func visitsAdmissionsAndDischargesBecomeEncounters() throws {
        let admission = try Self.record("20111120/ADT-22/9999013_20111120_ADT-22_999999999999999_20111220224447339_01_1")
        #expect(admission.encounter?.setting == .inpatient)
        #expect(admission.encounter?.startDate == admission.encounter?.endDate)
        let discharge = try Self.record("20111220/ADT-52/9999013_20111220_ADT-52_999999999999999_20111220224447339_08_1")
        let stay = try #require(discharge.encounter)
        #expect(stay.setting == .inpatient && stay.endDate.description == "2011-12-20")
        #expect(stay.admissionDate == nil, "PV1-44 is empty: the writer ends the stay that began before")
        #expect(admission.encounter?.admissionDate?.description == "2011-11-20")
    }

    @Test func theDiseaseListGivesDiagnosesWithICD10OutcomeAndTheMainOne() throws {
        let record = try Self.record("-/PPR-01/9999013_-_PPR-01_999999999999999_20111209163030000_01_1")
        guard case .diagnosis(let gastritis) = try #require(record.events.first) else {
            Issue.record("no diagnosis")
            return
        }
        #expect(gastritis.system == .medisDisease && gastritis.code == "20054174" && gastritis.name == "胃炎")
        #expect(gastritis.icd10 == "K297" && gastritis.isMain)
        #expect(gastritis.startDate.description == "2011-08-31" && gastritis.endDate?.description == "2011-09-15")
        #expect(gastritis.outcome == .stopped, "N 回復せず with an end date")
    }

    @Test func prescriptionsGiveDrugsWithHOTCodesDoseDaysAndRoute() throws {
        let record = try Self.record("20110701/OMP-01/9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1")
        let drugs = record.events.compactMap { if case .drug(let value) = $0 { value } else { nil } }
        #expect(drugs.count >= 2)
        #expect(drugs[0].system == .hot9 && drugs[0].code == "108665201" && drugs[0].name == "ダーゼン錠（５mg)")
        #expect(drugs[0].quantity == 3 && drugs[0].unitCode == "TAB" && drugs[0].daysSupply == 5 && drugs[0].route == "PO")
        #expect(drugs[0].startDate.description == "2011-07-01" && drugs[0].endDate.description == "2011-07-05")
        #expect(drugs[0].category == "OMP-01")
        let injections = try Self.record("20110701/OMP-02/9999013_20110701_OMP-02_123456789012345_20110701224603984_01_1")
        #expect(injections.events.allSatisfy { if case .drug(let drug) = $0 { drug.route == "IV" } else { false } })
    }

    @Test func labResultsGiveMeasurementsWithJLAC10UnitsAndRanges() throws {
        let record = try Self.record("20111220/OML-11/9999013_20111220_OML-11_000000011000354_20111220103059000_01_1")
        let results = record.events.compactMap { if case .measurement(let value) = $0 { value } else { nil } }
        #expect(results.count >= 3)
        #expect(results[0].code == "3A016000002327102" && results[0].system == .jlac10 && results[0].name == "A/G比")
        #expect(results[0].number == 1.7 && results[0].rangeLow == 1.2 && results[0].rangeHigh == 2.0)
        #expect(results[1].name == "総蛋白" && results[1].number == 7.2 && results[1].unit == "g/dl")
        #expect(results.allSatisfy { $0.date.description == "2011-12-19" })
    }

    @Test func allergiesAreObservationsAndTheirReactionsStayFreeText() throws {
        let record = try Self.record("-/ADT-61/9999013_-_ADT-61_999999999999999_20111014232213000_-_1")
        let allergies = record.events.compactMap { if case .observation(let value) = $0 { value } else { nil } }
        #expect(allergies.map(\.category) == ["allergy:LA", "allergy:FA", "allergy:EA", "allergy:DA"])
        #expect(allergies[0].code == "5A1002216023023" && allergies[0].name == "スギ" && allergies[0].qualifier == "MI")
        #expect(allergies[0].date.description == "1996-01-01", "onset 199601: its first day")
        #expect(allergies[1].date.description == "2011-10-13", "an onset in words: the message's day")
        #expect(allergies[3].system == .hot9 && allergies[3].date.description == "2007-07-10")
        #expect(record.freeText.map(\.recordType).filter { $0 == "allergy-reaction" }.count == 4)
        #expect(record.freeText.contains { $0.recordType == "allergy-onset" && $0.text == "小学校低学年の頃" })
    }

    @Test func dataTypesWithoutAMappingAreKeptWhole() throws {
        let record = try Self.record("20111220/OMG-01/9999013_20111220_OMG-01_000201101200100_20111220224447339_-_1")
        #expect(record.events.isEmpty && record.unitRecordType == "OMG-01")
        #expect(record.unknownRecords.count == 1 && record.unknownRecords[0].text.hasPrefix("MSH|^~\\&|"))
    }

    @Test func everyValidFileOfThePatientIsRead() throws {
        let files = SSMIX2Storage.walk(root: Fixtures.ssmix2Root).files.filter { $0.patientID == "9999013" }
        #expect(files.count == 19)
        for file in files {
            let relative = file.path.components(separatedBy: "/9999013/").last!
            let record = try Self.record(relative)
            #expect(record.identity.patientNumber == "9999013", "\(relative)")
        }
    }

    @Test func measurementRangesReadLowAndHigh() {
        #expect(ClinicalEvent.Measurement.bounds(of: "1.2-2.0") == (1.2, 2.0))
        #expect(ClinicalEvent.Measurement.bounds(of: "－0.5～１.５") == (-0.5, 1.5))
        #expect(ClinicalEvent.Measurement.bounds(of: "-10") == (nil, nil), "a negative number, not a range")
        #expect(ClinicalEvent.Measurement.bounds(of: "陰性") == (nil, nil))
    }
}
