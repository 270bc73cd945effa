import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// 調剤 files (YK … GO) through the same decoder as 医科 files: what the writer writes is read back.
@Suite struct ClaimsFileDecoderPharmacyTests {
    static func file(_ claims: [WrittenDispensingClaim], style: ClaimsDateStyle = .western) throws -> [UInt8] {
        var writer = DispensingClaimsFileWriter(dateStyle: style)
        writer.pharmacy(DispensingClaimsFileWriterTests.pharmacy, payer: 1, name: "千代田薬局",
                        billingMonth: try YearMonth(year: 2024, month: 6))
        for claim in claims { writer.claim(claim) }
        return try writer.finish()
    }

    @Test func readsBackWhatThePharmacyWriterWrote() throws {
        let written = try DispensingClaimsFileWriterTests.claim(number: 1, prescriptions: 2)
        let events = claimsEvents(try Self.file([written, try DispensingClaimsFileWriterTests.claim(number: 2)]),
                                  chunkSize: 37)
        #expect(events.quarantined.isEmpty, "\(events.quarantined.map(\.problem))")
        #expect(events.warnings.isEmpty, "\(events.warnings)")
        #expect(events.unknownRecords.isEmpty)
        let claims = events.claims
        #expect(claims.count == 2)
        let claim = try #require(claims.first)
        #expect(claim.kind == .pharmacy)
        #expect(claim.institution.institution == DispensingClaimsFileWriterTests.pharmacy)
        #expect(claim.header.claimType.feeSchedule == .pharmacy)
        #expect(claim.header.name == "髙橋　一郎" && claim.header.kanaName == "ﾀｶﾊｼ ｲﾁﾛｳ")
        #expect(claim.header.chartNumber == "0001234")
        #expect(claim.header.prescriber?.institution == DispensingClaimsFileWriterTests.clinic)
        #expect(claim.header.prescriber?.name == "千代田第1クリニック")
        #expect(claim.insurance.first?.actualDays == 1)
        #expect(claim.insurance.first?.totalPoints == written.points)
        #expect(claim.branchNumber == "00")
        #expect(claim.prescriptions.count == 2)
        let group = claim.prescriptions[0]
        #expect(group.prescription.value.number == 1 && group.prescription.value.usage == "006")
        #expect(group.prescription.value.unitDrugPoints == 3)
        let dispensing = try #require(group.dispensing?.value)
        #expect(dispensing.dispensingDate == (try CalendarDate(year: 2024, month: 5, day: 14)))
        #expect(dispensing.quantity == 28 && dispensing.drugPoints == 84)
        #expect(dispensing.preparation == .init(code: "420001810", points: 24))
        #expect(dispensing.management == .init(code: "440011810", points: 50))
        #expect(group.drugs.map(\.value.code) == ["612170710", "620000033"])
        #expect(group.drugs.map(\.value.quantity) == [1, 1.5])
        let fees = try #require(claim.receptionFees.first?.value)
        #expect(fees.basicFee == .init(code: "410004110", times: 1, points: 45))
        #expect(fees.fees == [.init(code: "440012010", times: 1, points: 45)])
    }

    @Test func turnsDispensedDrugsIntoDatedExposuresWithTheirFees() throws {
        let events = claimsEvents(try Self.file([try DispensingClaimsFileWriterTests.claim(number: 1)]))
        let record = try #require(events.claims.first).sourceRecord
        #expect(record.format == .pharmacyClaims)
        #expect(record.claim?.prescriber == DispensingClaimsFileWriterTests.clinic)
        #expect(record.identity.patientNumber == "0001234")
        let drugs = record.events.compactMap { if case .drug(let drug) = $0 { drug } else { nil } }
        #expect(drugs.count == 2)
        #expect(drugs[0].startDate == (try CalendarDate(year: 2024, month: 5, day: 14)))
        #expect(drugs[0].endDate == (try CalendarDate(year: 2024, month: 6, day: 10)))
        #expect(drugs[0].times == 28 && drugs[0].category == "21")
        #expect(drugs.last?.points == 84)
        let fees = record.events.compactMap { if case .procedure(let fee) = $0 { fee } else { nil } }
        #expect(fees.map(\.code) == ["420001810", "440011810", "410004110", "440012010"])
        #expect(fees.allSatisfy { $0.system == .claimsDispensingAct })
        // The fees keep their record's line: two from the CZ record, two from the KI record after it.
        let lines = fees.map { $0.position.line ?? 0 }
        #expect(lines[0] == lines[1] && lines[2] == lines[3] && lines[1] < lines[2])
        #expect(record.encounter?.setting == .outpatient)
    }

    @Test func readsEraDatedPharmacyFilesAsTheWesternOnes() throws {
        let claim = try DispensingClaimsFileWriterTests.claim(number: 1)
        let western = try #require(claimsEvents(try Self.file([claim])).claims.first)
        let era = try #require(claimsEvents(try Self.file([claim], style: .era)).claims.first)
        #expect(era.header.birthDate == western.header.birthDate)
        #expect(era.header.serviceMonth == western.header.serviceMonth)
        #expect(era.prescriptions.first?.dispensing?.value == western.prescriptions.first?.dispensing?.value)
        #expect(era.receptionFees.first?.value == western.receptionFees.first?.value)
    }

    @Test func quarantinesAPharmacyClaimWhoseDrugComesBeforeItsPrescription() throws {
        var lines = String(data: Data(try Self.file([try DispensingClaimsFileWriterTests.claim(number: 1)])),
                           encoding: .shiftJIS)!.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let sh = lines.firstIndex { $0.hasPrefix("SH,") }!
        let iy = lines.firstIndex { $0.hasPrefix("IY,") }!
        lines.swapAt(sh, iy)
        let events = claimsEvents(claimsFile(lines))
        let problem = try #require(events.quarantined.first?.problem)
        #expect(problem.problem.contains("IY record comes before any SH"))
        #expect(problem.position.line == sh + 1)
    }
}
