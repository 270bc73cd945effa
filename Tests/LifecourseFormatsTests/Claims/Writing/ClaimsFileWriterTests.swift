import Foundation
import LifecourseCore
import Testing
@testable import LifecourseFormats

/// The generator's 医科 (DPC) and 歯科 claims read back with the same values, in western and era dates.
@Suite struct ClaimsFileWriterTests {
    static let dpcHospital = try! InstitutionCode("1311010010")
    static let dentalClinic = try! InstitutionCode("1331010012")

    static func header(_ type: String, admission: CalendarDate? = nil) throws -> WrittenClaim.Header {
        WrittenClaim.Header(
            claimNumber: 1, claimType: type, serviceMonth: try YearMonth(year: 2024, month: 5), name: "佐藤　花子",
            kanaName: "サトウ　ハナコ", sex: .female, birthDate: try CalendarDate(year: 1938, month: 2, day: 3),
            benefitRate: nil, admissionDate: admission, bedCount: admission == nil ? nil : 320, chartNumber: "0042")
    }

    static func dpcClaim() throws -> WrittenClaim {
        let admitted = try CalendarDate(year: 2024, month: 5, day: 10)
        let discharged = try CalendarDate(year: 2024, month: 5, day: 28)
        let operated = try CalendarDate(year: 2024, month: 5, day: 11)
        let dpc = WrittenDPC(
            groupCode: "160800xx01xxxx", admissionDate: admitted, dischargeDate: discharged, outcome: 1,
            admissionKind: "2", ageAtAdmission: 86,
            diagnoses: [.init(code: "8830109", name: nil, icd10: "S7200", role: "01"),
                        .init(code: "8830109", name: nil, icd10: "S7200", role: "11"),
                        .init(code: "0000999", name: "転倒", icd10: "W19", role: "21"),
                        .init(code: "8842411", name: nil, icd10: "M8199", role: "41")],
            procedures: [.init(code: nil, section: "K0461", date: operated, name: "骨折観血的手術（大腿）")],
            coefficient: 1.4231,
            bundles: [.init(period: "1", pointsPerDay: 3_046, days: 8), .init(period: "2", pointsPerDay: 2_252, days: 10)],
            coding: [.init(date: operated, category: "50", sequence: 1, detail: 1, code: "150052310", quantity: nil,
                           times: 1),
                     .init(date: operated, category: "33", sequence: 2, detail: 1, code: "620000033", quantity: 2.5,
                           times: 1),
                     .init(date: operated, category: "50", sequence: 1, detail: 2, code: "710010017", quantity: 1,
                           unitCode: "004", times: 1)])
        let items = [WrittenClaim.Item(recordType: "SI", category: "50", code: "150052310", quantity: nil,
                                       points: 21_450, times: 1, dayCounts: [(11, 1)])]
        let points = 21_450 + dpc.bundledPoints
        return WrittenClaim(
            header: try header("1117", admission: admitted),
            insurance: .init(insurerNumber: "39131015", symbol: "", number: "12345678"), qualification: nil,
            diagnoses: [], items: items, actualDays: 19, points: points, dpc: dpc)
    }

    static func dentalClaim() throws -> WrittenClaim {
        var header = try header("3118")
        header.treatmentStart = try CalendarDate(year: 2024, month: 5, day: 7)
        header.treatmentOutcome = .cured
        let items = [
            WrittenClaim.Item(recordType: "SS", category: "11", code: "301000110", quantity: nil, points: 267, times: 1,
                              dayCounts: [(7, 1)], additions: [.init(code: "30100", quantity: 1)]),
            WrittenClaim.Item(recordType: "SS", category: "40", code: "309002110", quantity: 2, points: 150, times: 2,
                              dayCounts: [(7, 1), (21, 1)]),
            WrittenClaim.Item(recordType: "IY", category: "21", code: "620000033", quantity: 3, points: 3, times: 3,
                              dayCounts: [(7, 3)]),
            WrittenClaim.Item(recordType: "TO", category: "40", code: "730010000", quantity: 1, points: 12, times: 1,
                              name: "歯科用充填材料", dayCounts: [(21, 1)]),
        ]
        return WrittenClaim(
            header: header, insurance: .init(insurerNumber: "39131015", symbol: "", number: "12345678"),
            qualification: nil,
            diagnoses: [.init(code: "5210005", name: nil, startDate: header.treatmentStart!, outcome: .cured,
                              isMain: true, teeth: ["101160", "101170"]),
                        .init(code: "0000999", name: "歯肉炎", startDate: header.treatmentStart!, outcome: .cured,
                              isMain: false)],
            items: items, actualDays: 2, points: 267 + 300 + 9 + 12)
    }

    static func read(_ claim: WrittenClaim, institution: InstitutionCode,
                     style: ClaimsDateStyle = .western) throws -> (Claim, [ClaimsEvent]) {
        var writer = ClaimsFileWriter(dateStyle: style)
        writer.institution(institution, payer: 1, name: "テスト", billingMonth: try YearMonth(year: 2024, month: 6))
        writer.claim(claim)
        let events = claimsEvents(try writer.finish())
        #expect(events.quarantined.isEmpty, "\(events.quarantined.map(\.problem))")
        #expect(events.warnings.isEmpty, "\(events.warnings)")
        return (try #require(events.claims.first), events)
    }

    @Test func aDPCClaimReadsBackRecordByRecord() throws {
        let written = try Self.dpcClaim()
        let (claim, _) = try Self.read(written, institution: Self.dpcHospital)
        let dpc = try #require(claim.dpc)
        let expected = try #require(written.dpc)
        #expect(dpc.group.value.groupCode == expected.groupCode)
        #expect(dpc.group.value.admissionDate == expected.admissionDate)
        #expect(dpc.group.value.dischargeDate == expected.dischargeDate)
        #expect(dpc.group.value.outcome == 1)
        #expect(dpc.diagnoses.map(\.value.icd10) == ["S7200", "S7200", "W19", "M8199"])
        #expect(dpc.diagnoses.map(\.value.role) == ["01", "11", "21", "41"])
        #expect(dpc.diagnoses[2].value.name == "転倒")
        #expect(dpc.patient?.admissionKind == "2" && dpc.patient?.ageAtAdmission == 86)
        #expect(dpc.procedures.map(\.value.section) == ["K0461"])
        #expect(dpc.procedures.first?.value.name == "骨折観血的手術（大腿）")
        #expect(dpc.months.map(\.coefficient) == [1.4231])
        #expect(dpc.bundles.map { [$0.value.pointsPerDay, $0.value.days, $0.value.subtotal] }
                    == [[3_046, 8, 24_368], [2_252, 10, 22_520]])
        #expect(dpc.totals.map(\.value.bundledPoints) == [expected.bundledPoints])
        #expect(dpc.totals.first?.value.subtotal == 46_888)
        #expect(dpc.coding.map(\.value.code) == ["150052310", "620000033", "710010017"])
        #expect(dpc.coding.map(\.value.itemKind) == [.procedure, .drug, .device])
        #expect(dpc.coding[1].value.quantity == 2.5 && dpc.coding[2].value.unitCode == "004")
        #expect(claim.services.map(\.value.points) == [21_450])
        #expect(claim.insurance.first?.totalPoints == written.points)
    }

    @Test func aDPCClaimBecomesAStayWithDiagnosesCodedInICD10AndItemsOnTheirDays() throws {
        let (claim, _) = try Self.read(try Self.dpcClaim(), institution: Self.dpcHospital)
        let record = claim.sourceRecord
        let stay = try #require(record.claim?.dpc)
        #expect(stay.groupCode == "160800xx01xxxx" && stay.coefficient == 1.4231)
        #expect(stay.bundledPoints == Int((46_888 * 1.4231).rounded()) && stay.monthPoints == stay.bundledPoints)
        #expect(stay.bundles.map(\.period) == ["1", "2"])
        #expect(record.encounter?.setting == .inpatient)
        #expect(record.encounter?.startDate.description == "2024-05-10")
        #expect(record.encounter?.endDate.description == "2024-05-28")
        let diagnoses = record.events.compactMap { if case .diagnosis(let d) = $0 { d } else { nil } }
        #expect(diagnoses.map(\.icd10) == ["S7200", "S7200", "W19", "M8199"])
        #expect(diagnoses.map(\.isMain) == [false, true, false, false])
        #expect(diagnoses.allSatisfy { $0.startDate.description == "2024-05-10" && $0.endDate?.description == "2024-05-28" })
        // Items come from the coding data (the SI record repeats the operation billed outside the bundle).
        let procedures = record.events.compactMap { if case .procedure(let s) = $0 { s } else { nil } }
        let drugs = record.events.compactMap { if case .drug(let s) = $0 { s } else { nil } }
        let devices = record.events.compactMap { if case .device(let s) = $0 { s } else { nil } }
        #expect(procedures.map(\.code) == ["150052310"] && drugs.map(\.code) == ["620000033"])
        #expect(devices.map(\.code) == ["710010017"] && devices.first?.unitCode == "004")
        #expect(drugs.first?.startDate.description == "2024-05-11" && drugs.first?.quantity == 2.5)
    }

    @Test func aDentalClaimReadsBackWithTeethAdditionsAndTheDentalLayouts() throws {
        let written = try Self.dentalClaim()
        let (claim, _) = try Self.read(written, institution: Self.dentalClinic)
        #expect(claim.kind == .dental)
        #expect(claim.header.treatmentStart?.description == "2024-05-07" && claim.header.treatmentOutcome == .cured)
        #expect(claim.header.chartNumber == "0042" && claim.header.kanaName == "サトウ　ハナコ")
        #expect(claim.dentalDiagnoses.map(\.value.code) == ["5210005", "0000999"])
        #expect(claim.dentalDiagnoses[0].value.teeth == ["101160", "101170"])
        #expect(claim.dentalDiagnoses[0].value.isMain && claim.dentalDiagnoses[1].value.name == "歯肉炎")
        let items = claim.services.map(\.value)
        #expect(items.map(\.kind) == [.dentalProcedure, .dentalProcedure, .drug, .device])
        #expect(items.map(\.points) == [267, 150, 3, 12])
        #expect(items.map(\.times) == [1, 2, 3, 1])
        #expect(items.map(\.days) == [[7], [7, 21], [7], [21]])
        #expect(items[0].additions == [.init(code: "30100", quantity: 1)])
        #expect(items[1].quantity == 2 && items[3].productName == "歯科用充填材料")
        #expect(claim.insurance.first?.totalPoints == written.points)

        let record = claim.sourceRecord
        let diagnoses = record.events.compactMap { if case .diagnosis(let d) = $0 { d } else { nil } }
        #expect(diagnoses.map(\.bodySite) == ["101160 101170", nil])
        #expect(diagnoses.allSatisfy { $0.startDate.description == "2024-05-07" && $0.outcome == .cured })
        let procedures = record.events.compactMap { if case .procedure(let s) = $0 { s } else { nil } }
        #expect(procedures.map(\.code) == ["301000110", "309002110"])
        #expect(procedures.map(\.system) == [.claimsProcedure, .claimsProcedure])
    }

    @Test func eraDatedDPCAndDentalFilesReadTheSameAsWesternOnes() throws {
        for (claim, institution) in [(try Self.dpcClaim(), Self.dpcHospital), (try Self.dentalClaim(), Self.dentalClinic)] {
            let western = try Self.read(claim, institution: institution).0.sourceRecord
            let era = try Self.read(claim, institution: institution, style: .era).0.sourceRecord
            // Era dates are shorter, so only byte offsets may differ.
            #expect(western.events.map(\.withoutByteOffset) == era.events.map(\.withoutByteOffset))
            #expect(western.claim == era.claim)
            #expect(western.encounter == era.encounter)
        }
    }

    @Test func writesTheDentalRecordsWithTheirFieldCounts() throws {
        var writer = ClaimsFileWriter()
        writer.institution(Self.dentalClinic, payer: 1, name: "テスト", billingMonth: try YearMonth(year: 2024, month: 6))
        writer.claim(try Self.dentalClaim())
        let text = try #require(String(data: Data(try writer.finish()), encoding: .shiftJIS))
        let records = text.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ",") }
        #expect(records.map { $0[0] } == ["IR", "RE", "HO", "HS", "HS", "SS", "SS", "IY", "TO", "GO"])
        // Field counts of 記録条件仕様 (歯科用), record id included.
        let counts = ["RE": 27, "HO": 14, "HS": 13, "SS": 109, "IY": 39, "TO": 45]
        for record in records where counts[record[0]] != nil { #expect(record.count == counts[record[0]], "\(record[0])") }
        #expect(records[0][3] == "3")
    }
}

extension ClinicalEvent {
    /// The event with its position's byte offset dropped (the line stays).
    var withoutByteOffset: ClinicalEvent {
        func strip(_ position: SourcePosition) -> SourcePosition {
            var stripped = position
            stripped.byteOffset = nil
            return stripped
        }
        switch self {
        case .diagnosis(var value): value.position = strip(value.position); return .diagnosis(value)
        case .procedure(var value): value.position = strip(value.position); return .procedure(value)
        case .drug(var value): value.position = strip(value.position); return .drug(value)
        case .device(var value): value.position = strip(value.position); return .device(value)
        case .note(var value): value.position = strip(value.position); return .note(value)
        case .measurement(var value): value.position = strip(value.position); return .measurement(value)
        case .observation(var value): value.position = strip(value.position); return .observation(value)
        }
    }
}
