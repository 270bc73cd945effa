import LifecourseCore
import LifecourseFormats
import Testing
@testable import LifecourseSynth

/// The generator's DPC and 歯科 claims, built for chosen persons and read back by the claims reader.
@Suite struct CareModelDPCTests {
    static let config = SynthConfig(persons: 2_000, seed: 5, firstYear: 2024, lastYear: 2024, prefectures: [13])

    static func read(_ claim: WrittenClaim, institution: SynthInstitution) throws -> Claim {
        var writer = ClaimsFileWriter(dateStyle: institution.habits.eraDates ? .era : .western)
        writer.institution(institution.code, payer: 1, name: institution.name,
                           billingMonth: try YearMonth(year: 2024, month: 6))
        writer.claim(claim)
        var decoder = ClaimsFileDecoder(fileName: "RECEIPTC.UKE")
        let events = decoder.decode(try writer.finish()) + decoder.finish()
        var claims = [Claim]()
        for event in events {
            switch event {
            case .claim(let claim): claims.append(claim)
            case .quarantined(let claim): Issue.record("quarantined: \(claim.problem)")
            case .warning(let warning): Issue.record("warning: \(warning)")
            default: break
            }
        }
        return try #require(claims.first)
    }

    @Test func aHipFractureStayAtADPCHospitalIsBilledByItsDiagnosisGroup() throws {
        let (persons, institutions) = PopulationBuilder(config: Self.config).build()
        let hospital = try #require(institutions.first { $0.participatesInDPC })
        var person = try #require(persons.max { $0.birthDate > $1.birthDate })
        person.conditions = ConditionState()
        let care = CareModel(config: Self.config, institutions: institutions)
        let month = try YearMonth(year: 2024, month: 5)
        var visits = CareModel.Visits()
        visits.admission = try month.day(6)
        visits.days = Set(6...25)
        visits.drugs = [("loxoprofen60", 14), ("famotidine20", 14)]
        visits.acute = [(ClinicalCodes.femoralNeckFracture, try month.day(6), .continuing)]
        let written = care.claim(number: 1, person: person, institution: hospital, month: month, visits: visits,
                                 firstVisit: true)
        let dpc = try #require(written.dpc)
        // 20 days: 9 in band I, 10 in band II, 1 in band III.
        #expect(dpc.bundles.map(\.days) == [9, 10, 1])
        #expect(written.points == dpc.bundledPoints && written.items.isEmpty && written.diagnoses.isEmpty)
        let claim = try Self.read(written, institution: hospital)
        let stay = try #require(claim.sourceRecord.claim?.dpc)
        #expect(stay.groupCode == ClinicalCodes.HipFractureDPC.groupCode)
        #expect(stay.admissionDate.description == "2024-05-06" && stay.dischargeDate?.description == "2024-05-25")
        #expect(stay.coefficient == (hospital.dpcCoefficient * 10_000).rounded() / 10_000)
        let coding = try #require(claim.dpc?.coding)
        // Radiography on admission, two devices on the operation day, two drugs on each later day.
        #expect(coding.count == 1 + 2 + 2 * 18)
        #expect(claim.dpc?.diagnoses.map(\.value.role) == ["01", "11", "21"])
    }

    @Test func aDentalVisitIsBilledOnADentalClaimWithTheTooth() throws {
        let (persons, institutions) = PopulationBuilder(config: Self.config).build()
        let care = CareModel(config: Self.config, institutions: institutions)
        let person = try #require(persons.first)
        let clinic = institutions[try #require(care.dentist(of: person))]
        #expect(clinic.kind == .dentalClinic && clinic.code.feeSchedule == .dental)
        #expect(clinic.municipality == person.municipality)
        var visits = CareModel.Visits()
        visits.days = [3, 17]
        visits.dental = .caries(tooth: 36)
        let month = try YearMonth(year: 2024, month: 5)
        let written = care.claim(number: 1, person: person, institution: clinic, month: month, visits: visits,
                                 firstVisit: true)
        #expect(written.header.claimType.hasPrefix("3"))
        // 初診 on the 3rd, 再診 on the 17th, management once.
        #expect(written.points == 267 + 58 + 100)
        let claim = try Self.read(written, institution: clinic)
        #expect(claim.kind == .dental)
        #expect(claim.dentalDiagnoses.first?.value.teeth == ["103600"])
        #expect(claim.services.map(\.value.code) == ["301000110", "301001610", "302000110"])
        #expect(claim.insurance.first?.totalPoints == written.points)
    }
}
