import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseIngest

/// DPC and 歯科 claims land in the research store: the stay with its diagnosis group and bundled bands, diagnoses
/// with the ICD-10 code the claim writes and the teeth of dental ones, items on their days.
@Suite struct DPCAndDentalClaimsIngestTests {
    static let hospital = try! InstitutionCode("1311010010")
    static let dentist = try! InstitutionCode("1331010012")
    static let card = WrittenClaim.Card(insurerNumber: "39131015", symbol: "", number: "12345678")

    static func header(_ type: String, admission: CalendarDate?) throws -> WrittenClaim.Header {
        WrittenClaim.Header(claimNumber: 1, claimType: type, serviceMonth: try YearMonth(year: 2024, month: 5),
                            name: "佐藤　花子", kanaName: "サトウ　ハナコ", sex: .female,
                            birthDate: try CalendarDate(year: 1938, month: 2, day: 3), benefitRate: nil,
                            admissionDate: admission, bedCount: admission == nil ? nil : 320, chartNumber: "0042")
    }

    static func write(in directory: TemporaryDirectory) throws -> (dpc: String, dental: String) {
        let admitted = try CalendarDate(year: 2024, month: 5, day: 10)
        let operated = try CalendarDate(year: 2024, month: 5, day: 11)
        let dpc = WrittenDPC(
            groupCode: "160800xx01xxxx", admissionDate: admitted, dischargeDate: nil, outcome: nil, admissionKind: "2",
            ageAtAdmission: 86, diagnoses: [.init(code: "8830109", name: nil, icd10: "S7200", role: "01"),
                                            .init(code: "8830109", name: nil, icd10: "S7200", role: "11")],
            procedures: [], coefficient: 1.5,
            bundles: [.init(period: "1", pointsPerDay: 3_000, days: 8), .init(period: "2", pointsPerDay: 2_000, days: 14)],
            coding: [.init(date: operated, category: "50", sequence: 1, detail: 1, code: "150052310", quantity: nil,
                           times: 1),
                     .init(date: operated, category: "33", sequence: 2, detail: 1, code: "620000033", quantity: 2,
                           times: 1)])
        var medical = ClaimsFileWriter(dateStyle: .era)
        medical.institution(hospital, payer: 1, name: "千代田病院", billingMonth: try YearMonth(year: 2024, month: 6))
        medical.claim(WrittenClaim(
            header: try header("1317", admission: admitted), insurance: card, qualification: nil, diagnoses: [],
            items: [], actualDays: 22, points: dpc.bundledPoints, dpc: dpc))
        var dental = ClaimsFileWriter()
        dental.institution(dentist, payer: 1, name: "千代田歯科", billingMonth: try YearMonth(year: 2024, month: 6))
        var dentalHeader = try header("3318", admission: nil)
        dentalHeader.treatmentStart = try CalendarDate(year: 2024, month: 4, day: 2)
        dental.claim(WrittenClaim(
            header: dentalHeader, insurance: card, qualification: nil,
            diagnoses: [.init(code: "5210005", name: nil, startDate: dentalHeader.treatmentStart!, outcome: .continuing,
                              isMain: true, teeth: ["101160"])],
            items: [.init(recordType: "SS", category: "12", code: "301001610", quantity: nil, points: 58, times: 1,
                          dayCounts: [(20, 1)])], actualDays: 1, points: 58))
        let paths = (directory.file("dpc/RECEIPTC.UKE").path, directory.file("dental/RECEIPTC.UKE").path)
        for (path, bytes) in [(paths.0, try medical.finish()), (paths.1, try dental.finish())] {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        return paths
    }

    @Test func storesTheStayTheDiagnosesWithICD10AndTheTeethOnOnePerson() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let (dpc, dental) = try Self.write(in: directory)
        let ingestor = Ingestor(store: test.store)
        for path in [dpc, dental] {
            let report = ingestor.ingest(file: path)
            #expect(report.status == .ingested, "\(report.message ?? "")")
            #expect(report.receipt?.unitsAccepted == 1 && report.receipt?.unitsQuarantined == 0)
            #expect(report.receipt?.warnings.isEmpty == true, "\(report.receipt?.warnings ?? [])")
        }
        let person = try #require(try test.store.read { try $0.person(ofClaim: 1, institution: Self.hospital) })
        #expect(try test.store.read { try $0.person(ofClaim: 1, institution: Self.dentist) } == person)
        let stays = try test.store.read { try $0.dpcStays(of: person) }
        #expect(stays.count == 1)
        let stay = try #require(stays.first)
        #expect(stay.groupCode == "160800xx01xxxx" && stay.admissionDate == "2024-05-10" && stay.dischargeDate == nil)
        #expect(stay.coefficient == 1.5 && stay.bundledPoints == 78_000 && stay.monthPoints == 78_000)
        #expect(stay.bundles == [[1, 3_000, 8, 24_000], [2, 2_000, 14, 28_000]])
        let summary = try test.store.read { try $0.summary(of: person) }
        let fracture = summary.diagnoses.filter { $0.code == "8830109" }
        #expect(fracture.map(\.icd10) == [["S7200"]])
        #expect(fracture.first?.isMain == true)
        #expect(summary.diagnoses.first { $0.code == "5210005" }?.bodySite == "101160")
        let may = try #require(summary.months.first { $0.month.description == "2024-05" })
        #expect(may.drugs.map(\.code) == ["620000033"] && may.drugs.first?.date.description == "2024-05-11")
        #expect(Set(may.procedures.map(\.code)) == ["150052310", "301001610"])
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }

    @Test func aDPCFileIngestedAgainAfterAnInterruptedRunLeavesNoStayTwice() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let (dpc, _) = try Self.write(in: directory)
        let digest = try FileDigest.read(path: dpc).sha256
        let ingestor = Ingestor(store: test.store)
        #expect(ingestor.ingest(file: dpc).status == .ingested)
        let person = try #require(try test.store.read { try $0.person(ofClaim: 1, institution: Self.hospital) })
        let removed = try test.store.write { try $0.deleteRows(fromFile: digest) }
        #expect(removed == 1)
        #expect(try test.store.read { try $0.dpcStays(of: person) }.isEmpty)
    }

    /// 症状詳記 (SJ) is free text: kept encrypted in the vault with the person, not in the research store.
    @Test func keepsSymptomNotesInTheVaultOnly() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let lines = ["IR,1,13,3,1331010,,テスト歯科医院,50604,03-1234-5678,",
                     "RE,1,3112,50604,山田　太郎,1,3601015,,,5060401,2,,,,,K001",
                     "HO,06132013,はーと,1234567,1,261",
                     "HS,,,110100,8830109,,,,,01,,,",
                     (["SS", "11", "1", "301000110", "", ""] + Array(repeating: "", count: 70) + ["261", "1", "", "1"])
                         .joined(separator: ","),
                     "SJ,01,山田様より疼痛の訴えあり",
                     "GO,1,261,99"]
        let path = directory.file("RECEIPTC.UKE")
        try Data((lines.joined(separator: "\r\n") + "\r\n").data(using: .shiftJIS)!).write(to: path)
        let report = Ingestor(store: test.store).ingest(file: path.path)
        #expect(report.status == .ingested && report.receipt?.unknownRecords == 0, "\(report.message ?? "")")
        #expect(report.receipt?.format == "claims-dental")
        let person = try #require(try test.store.read { try $0.person(ofClaim: 1, institution: try InstitutionCode("1331331010")) })
        let kept = try test.store.read { try $0.keptRecords(of: person) }
        #expect(kept == [KeptRecord(recordType: "SJ", line: 6, text: "01,山田様より疼痛の訴えあり")])
        let research = try test.store.files.filter { $0.lastPathComponent.hasPrefix("research") }
            .map { try Data(contentsOf: $0) }
        #expect(!research.contains { $0.range(of: Data("疼痛".utf8)) != nil })
    }
}
