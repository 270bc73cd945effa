import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// FHIR JP Core read into source records: Bundles of any type, single resources and NDJSON; one unit per Patient
/// and per Encounter; broken JSON, resources without their Patient and Patients without an institution refused
/// with their place.
@Suite struct FHIRFileReaderTests {
    static let clinic = try! InstitutionCode("1310000011")

    static func events(_ text: String, name: String = "bundle.json", institution: InstitutionCode? = nil) throws
        -> (records: [SourceRecord], quarantined: [QuarantinedRow]) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file(name)
        try Data(text.utf8).write(to: file)
        var records = [SourceRecord](), quarantined = [QuarantinedRow]()
        try FHIRFileReader(path: file.path, institution: institution).forEachEvent(progress: { _ in }) { event in
            switch event {
            case .record(let record): records.append(record)
            case .quarantined(let row): quarantined.append(row)
            case .warning(let warning): Issue.record("\(warning)")
            }
        }
        return (records, quarantined)
    }

    static func generated() throws -> String {
        let bundle = JPCoreBundle(
            institution: clinic.code,
            patient: .init(id: "0042", familyName: "山田", givenName: "花子", familyKana: "ヤマダ", givenKana: "ハナコ",
                           sex: .female, birthDate: try CalendarDate(iso: "1950-03-04"), postalCode: "100-0001",
                           address: "東京都千代田区千代田1"),
            card: .init(insurerNumber: "39131015", symbol: "", number: "12345678", branch: "01"),
            visitDays: [try CalendarDate(iso: "2024-05-10"), try CalendarDate(iso: "2024-05-24")],
            conditions: [.init(name: "高血圧症", claimsCode: "8833421", icd10: "I10", onset: try CalendarDate(iso: "2016-06-01"),
                               resolved: false),
                         .init(name: "急性上気道炎", claimsCode: "4659007", icd10: "J069",
                               onset: try CalendarDate(iso: "2024-05-10"), resolved: true)],
            prescriptions: [.init(hot9: "103022801", yj: "2149044F1020", name: "アムロジピン錠５ｍｇ", dailyAmount: 1,
                                  unitCode: "TAB", unitName: "錠", days: 28)])
        return String(decoding: try bundle.json(id: "b1", timestamp: "2024-05-24T18:00:00+09:00"), as: UTF8.self)
    }

    @Test func readsTheGeneratorsBundleIntoThePatientAndItsEncounters() throws {
        let (records, quarantined) = try Self.events(try Self.generated())
        #expect(quarantined.isEmpty)
        #expect(records.map(\.unitRecordType) == ["Patient", "Encounter", "Encounter"])
        let patient = records[0]
        #expect(patient.format == .fhir && patient.sender == .institution(Self.clinic))
        #expect(patient.identity.name == "山田　花子" && patient.identity.kanaName == "ヤマダ　ハナコ")
        #expect(patient.identity.birthDate?.description == "1950-03-04" && patient.identity.sex == .female)
        #expect(patient.identity.patientNumber == "0042" && patient.identity.address == "100-0001 東京都千代田区千代田1")
        #expect(patient.identity.insuranceCards == [InsuranceCard(insurerNumber: "39131015", symbol: "", number: "12345678",
                                                                  branch: "01")])
        let diagnoses = patient.events.compactMap { if case .diagnosis(let value) = $0 { value } else { nil } }
        #expect(diagnoses.map(\.code) == ["8833421", "4659007"] && diagnoses.map(\.icd10) == ["I10", "J069"])
        #expect(diagnoses.map(\.system) == [.claimsDisease, .claimsDisease])
        #expect(diagnoses.map(\.outcome) == [.continuing, .cured])
        let drugs = patient.events.compactMap { if case .drug(let value) = $0 { value } else { nil } }
        #expect(drugs.count == 1 && drugs[0].system == .hot9 && drugs[0].code == "103022801")
        #expect(drugs[0].quantity == 1 && drugs[0].unitCode == "TAB" && drugs[0].daysSupply == 28 && drugs[0].route == "PO")
        #expect(drugs[0].startDate.description == "2024-05-10" && drugs[0].endDate.description == "2024-06-06")
        #expect(records[1].encounter?.startDate.description == "2024-05-10" && records[1].encounter?.setting == .outpatient)
        #expect(records.allSatisfy { $0.identity == patient.identity })
    }

    static let transaction = """
        {"resourceType": "Bundle", "type": "transaction", "entry": [
          {"fullUrl": "https://ehr.example.jp/fhir/Patient/p1", "resource": {"resourceType": "Patient", "id": "p1",
            "identifier": [{"system": "urn:oid:1.2.392.100495.20.3.51.11310000011", "value": "777"},
                           {"system": "http://jpfhir.jp/fhir/core/mhlw/IdSystem/JP_Insurance_memberID", "value": "06139463:ＡＢ:１２３:02"}],
            "name": [{"text": "佐藤 一郎"}], "gender": "male", "birthDate": "1961-07-08"}},
          {"resource": {"resourceType": "Observation", "id": "o1", "status": "final",
            "category": [{"coding": [{"code": "laboratory"}]}],
            "code": {"coding": [{"system": "http://medis.or.jp/CodeSystem/master-JLAC10-17digits", "code": "3D046000001906202", "display": "HbA1c"}]},
            "subject": {"reference": "https://ehr.example.jp/fhir/Patient/p1"}, "effectiveDateTime": "2024-06-03T09:30:00+09:00",
            "valueQuantity": {"value": 7.2, "unit": "%"}, "referenceRange": [{"low": {"value": 4.9}, "high": {"value": 6.0}}],
            "interpretation": [{"coding": [{"code": "H"}]}]}},
          {"resource": {"resourceType": "Observation", "id": "o2", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "8480-6", "display": "Systolic blood pressure"}]},
            "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-06-03", "valueQuantity": {"value": 142, "code": "mm[Hg]"}}},
          {"resource": {"resourceType": "AllergyIntolerance", "id": "a1", "category": ["medication"],
            "code": {"coding": [{"system": "http://medis.or.jp/CodeSystem/master-HOT9", "code": "106824501", "display": "アリナミン"}]},
            "patient": {"reference": "Patient/p1"}, "recordedDate": "2020-04-01", "reaction": [{"severity": "moderate"}]}},
          {"resource": {"resourceType": "Procedure", "id": "s1", "status": "completed",
            "code": {"coding": [{"system": "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/masterS-procedure", "code": "150000110", "display": "創傷処理"}]},
            "subject": {"reference": "Patient/p1"}, "performedPeriod": {"start": "2024-06-03", "end": "2024-06-04"}}},
          {"resource": {"resourceType": "MedicationStatement", "id": "m1", "status": "active",
            "medicationCodeableConcept": {"coding": [{"system": "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code", "code": "3969007F1026"}]},
            "subject": {"reference": "Patient/p1"}, "effectivePeriod": {"start": "2024-05-01", "end": "2024-05-31"},
            "dosage": [{"doseAndRate": [{"doseQuantity": {"value": 2, "unit": "錠"}}]}]}},
          {"resource": {"resourceType": "Immunization", "id": "i1", "status": "completed", "patient": {"reference": "Patient/p1"},
            "vaccineCode": {"text": "インフルエンザ"}, "occurrenceDateTime": "2023-11-01"}},
          {"resource": {"resourceType": "Encounter", "id": "e1", "status": "finished", "class": {"code": "IMP"},
            "subject": {"reference": "Patient/p1"}, "period": {"start": "2024-06-03", "end": "2024-06-10"}}}
        ]}
        """

    @Test func readsLabsVitalSignsAllergiesProceduresStatementsAndStays() throws {
        let (records, quarantined) = try Self.events(Self.transaction)
        #expect(quarantined.isEmpty, "\(quarantined.map(\.problem))")
        let patient = try #require(records.first)
        #expect(patient.sender == .institution(Self.clinic) && patient.identity.patientNumber == "777")
        #expect(patient.identity.insuranceCards == [InsuranceCard(insurerNumber: "06139463", symbol: "ＡＢ", number: "１２３",
                                                                  branch: "02")], "JP Core's insured-person identifier")
        let measurements = patient.events.compactMap { if case .measurement(let value) = $0 { value } else { nil } }
        #expect(measurements.count == 2)
        #expect(measurements[0].system == .jlac10 && measurements[0].number == 7.2 && measurements[0].unit == "%")
        #expect(measurements[0].rangeLow == 4.9 && measurements[0].rangeHigh == 6.0 && measurements[0].abnormalFlag == "H")
        #expect(measurements[0].date.description == "2024-06-03")
        #expect(measurements[1].system == .loinc && measurements[1].number == 142 && measurements[1].unit == "mm[Hg]")
        guard let allergy = patient.events.lazy.compactMap({ if case .observation(let value) = $0 { value } else { nil } }).first,
              let procedure = patient.events.lazy.compactMap({ if case .procedure(let value) = $0 { value } else { nil } }).first,
              let statement = patient.events.lazy.compactMap({ if case .drug(let value) = $0 { value } else { nil } }).first else {
            Issue.record("\(patient.events)")
            return
        }
        #expect(allergy.category == "allergy:medication" && allergy.system == .hot9 && allergy.qualifier == "moderate")
        #expect(procedure.system == .claimsProcedure && procedure.endDate.description == "2024-06-04")
        #expect(statement.system == .yj && statement.quantity == 2 && statement.endDate.description == "2024-05-31")
        #expect(records[1].encounter?.setting == .inpatient && records[1].encounter?.endDate.description == "2024-06-10")
        #expect(patient.unknownRecords.map(\.recordType) == ["Immunization"], "a type not mapped is kept, not dropped")
        #expect(patient.unknownRecords.first?.text.contains("インフルエンザ") == true)
    }

    @Test func readsNDJSONLineByLineAndQuarantinesABrokenLineAlone() throws {
        let lines = [
            #"{"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1970-01-02", "name": [{"text": "ヤマダ ハナコ"}]}"#,
            #"{"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}, "code": {"text": "腰痛症"}, "onsetDateTime": "2024-04-01"}"#,
            #"{"resourceType": "Condition", "id": "c2", "subject": {"reference": "Patient/p1"}, "code": "#,
            #"{"resourceType": "Condition", "id": "c3", "subject": {"reference": "Patient/p9"}, "code": {"text": "不明"}, "onsetDateTime": "2024-04-01"}"#,
        ]
        let (records, quarantined) = try Self.events(lines.joined(separator: "\n") + "\n", name: "export.ndjson",
                                                     institution: Self.clinic)
        #expect(records.count == 2 && records[0].events.count == 1 && records[0].position.line == 1)
        #expect(records[0].identity.sourceReference == "Patient/p1")
        #expect(quarantined.map(\.firstLine) == [3])
        #expect(quarantined[0].problem.problem.contains("FHIR JSON cannot be read") && quarantined[0].problem.position.line == 3)
        // A resource whose Patient came in another file: a unit whose identity is the bare reference.
        #expect(records[1].identity == PersonIdentity(sourceReference: "Patient/p9") && records[1].position.line == 4)
        #expect(records[1].unitRecordType == "Patient-reference" && records[1].events.count == 1)
        let unnamed = try Self.events(lines[3], name: "conditions.ndjson")
        #expect(unnamed.records.isEmpty && unnamed.quarantined.first?.problem.fix.contains("--institution") == true)
    }

    @Test func quarantinesAFileThatIsNotJSONWholeWithItsLine() throws {
        let text = "{\n  \"resourceType\": \"Bundle\",\n  \"entry\": [\n    {\"resource\": }\n  ]\n}\n"
        let (records, quarantined) = try Self.events(text)
        #expect(records.isEmpty && quarantined.count == 1)
        #expect(quarantined[0].problem.position.line == 4, "\(quarantined[0].problem)")
        #expect(quarantined[0].rawBytes == Array(text.utf8))
    }

    @Test func needsTheInstitutionWhenThePatientDoesNotNameIt() throws {
        let text = #"{"resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1970-01-02"}"#
        let (records, quarantined) = try Self.events(text)
        #expect(records.isEmpty && quarantined.first?.problem.fix.contains("--institution") == true)
        #expect(try Self.events(text, institution: Self.clinic).records.count == 1)
        let notFHIR = try Self.events(#"{"name": "x"}"#)
        #expect(notFHIR.quarantined.first?.problem.problem.contains("no resourceType") == true)
    }
}
