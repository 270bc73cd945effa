import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseIngest

/// 調剤 claims go through the same ingest as 医科 claims and land on the same person.
@Suite struct PharmacyClaimsIngestTests {
    static let pharmacy = try! InstitutionCode("1341010016")
    static let clinic = try! InstitutionCode("1311010010")
    static let card = WrittenClaim.Card(insurerNumber: "06130017", symbol: "１２３", number: "４５６")

    static func header(_ type: String) throws -> WrittenClaim.Header {
        WrittenClaim.Header(claimNumber: 1, claimType: type, serviceMonth: try YearMonth(year: 2024, month: 5),
                            name: "山田　太郎", kanaName: "ヤマダ　タロウ", sex: .male,
                            birthDate: try CalendarDate(year: 1960, month: 4, day: 1), benefitRate: nil,
                            admissionDate: nil, bedCount: nil, chartNumber: "000123")
    }

    static func files(in directory: TemporaryDirectory, dateStyle: ClaimsDateStyle = .western) throws
        -> (medical: String, pharmacy: String) {
        let day = try CalendarDate(year: 2024, month: 5, day: 14)
        var medical = ClaimsFileWriter(dateStyle: dateStyle)
        medical.institution(clinic, payer: 1, name: "千代田第1クリニック", billingMonth: try YearMonth(year: 2024, month: 6))
        medical.claim(WrittenClaim(
            header: try header("1112"), insurance: card, qualification: .init(confirmation: "01", branch: "00"),
            diagnoses: [.init(code: "8833421", name: nil, startDate: day, outcome: .continuing, isMain: true)],
            items: [.init(recordType: "SI", category: "80", code: "120002910", quantity: nil, points: 68, times: 1,
                          dayCounts: [(14, 1)])], actualDays: 1, points: 68))
        var pharmacy = DispensingClaimsFileWriter(dateStyle: dateStyle)
        pharmacy.pharmacy(Self.pharmacy, payer: 1, name: "千代田薬局", billingMonth: try YearMonth(year: 2024, month: 6))
        pharmacy.claim(WrittenDispensingClaim(
            header: try header("4112"), prescriber: .init(code: clinic, name: "千代田第1クリニック"), insurance: card,
            qualification: .init(confirmation: "01", branch: "00"),
            receptions: [.init(prescriptionDate: day, dispensingDate: day, basicFee: .init(code: "410004110", points: 45),
                               guidanceFees: [], prescriptions: [.init(
                                   form: "1", usage: "006", days: 28, unitDrugPoints: 2,
                                   preparation: .init(code: "420001810", points: 24), management: nil,
                                   drugs: [.init(code: "612170710", dailyQuantity: 1)])])]))
        let paths = (directory.file("RECEIPTC.UKE").path, directory.file("RECEIPTY.UKE").path)
        try Data(try medical.finish()).write(to: URL(fileURLWithPath: paths.0))
        try Data(try pharmacy.finish()).write(to: URL(fileURLWithPath: paths.1))
        return paths
    }

    @Test func storesDispensedDrugsOnThePersonOfThePrescribingClaim() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let (medical, pharmacy) = try Self.files(in: directory)
        let ingestor = Ingestor(store: test.store)
        #expect(ingestor.ingest(file: medical).status == .ingested)
        let report = ingestor.ingest(file: pharmacy)
        #expect(report.status == .ingested, "\(report.message ?? "")")
        #expect(report.receipt?.format == SourceFormat.pharmacyClaims.rawValue)
        #expect(report.receipt?.unitsAccepted == 1)
        #expect(report.receipt?.warnings.isEmpty == true)
        let (prescribed, dispensed, summary, persons) = try test.store.read { reader in
            (try reader.person(ofClaim: 1, institution: Self.clinic), try reader.person(ofClaim: 1, institution: Self.pharmacy),
             try reader.summary(of: try #require(try reader.person(ofClaim: 1, institution: Self.pharmacy))),
             try reader.persons().count)
        }
        #expect(persons == 1)
        #expect(try test.store.read { try $0.prescriber(ofClaim: 1, institution: Self.pharmacy) } == Self.clinic)
        #expect(try test.store.read { try $0.prescriber(ofClaim: 1, institution: Self.clinic) } == nil)
        // レセプト種別 1112 (医科・医保単独・本人・入院外) and 4112 (調剤, the same), decoded into columns.
        for institution in [Self.clinic, Self.pharmacy] {
            let kind = try #require(try test.store.read { try $0.claimKind(ofClaim: 1, institution: institution) })
            #expect(kind.payer == "health-insurance" && kind.person == "insured" && kind.inpatient == false)
        }
        #expect(prescribed == dispensed)
        let may = try #require(summary.months.first { $0.month.description == "2024-05" })
        #expect(may.drugs.map(\.code) == ["612170710"])
        #expect(may.drugs.first?.times == 28)
        #expect(Set(may.procedures.map(\.code)).isSuperset(of: ["120002910", "420001810", "410004110"]))
    }
}
