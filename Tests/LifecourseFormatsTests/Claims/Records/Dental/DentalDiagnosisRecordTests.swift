import LifecourseCore
import Testing
@testable import LifecourseFormats

/// 歯科 claims as 記録条件仕様 (歯科用) lays them out, written by hand: IR with 点数表 3, the dental RE, HS with
/// tooth codes, SS with its 35 additions.
@Suite struct DentalDiagnosisRecordTests {
    static func ss(_ category: String, _ code: String, points: Int, times: Int, days: [Int: Int]) -> String {
        let fields = ["SS", category, "1", code, "", ""] + Array(repeating: "", count: 70) + [String(points), String(times)]
        var counts = Array(repeating: "", count: 31)
        for (day, count) in days { counts[day - 1] = String(count) }
        return (fields + counts).joined(separator: ",")
    }

    static let lines = [
        "IR,1,13,3,1234567,,テスト歯科医院,50604,03-1234-5678,",
        "RE,1,3112,50604,山田　太郎,1,3601015,,,5060401,2,,,,,K001",
        "HO,06132013,はーと,1234567,2,580",
        "HS,,,110100101200,8830109,,,,,01,,,",
        ss("11", "301000110", points: 261, times: 1, days: [2: 1]),
        ss("12", "301000370", points: 319, times: 1, days: [16: 1]),
        "CO,99,1,810000001,丁寧な歯清を実施",
        "SJ,01,疼痛が強く処置を要した",
        "GO,1,580,99",
    ]

    @Test func readsADentalFileWrittenByHand() throws {
        let events = claimsEvents(claimsFile(Self.lines))
        #expect(events.quarantined.isEmpty, "\(events.quarantined.map(\.problem))")
        #expect(events.warnings.isEmpty, "\(events.warnings)")
        let claim = try #require(events.claims.first)
        #expect(claim.kind == .dental)
        #expect(claim.header.treatmentStart?.description == "2024-04-01" && claim.header.treatmentOutcome == .cured)
        #expect(claim.header.chartNumber == "K001")
        let diagnosis = try #require(claim.dentalDiagnoses.first?.value)
        #expect(diagnosis.teeth == ["110100", "101200"] && diagnosis.code == "8830109" && diagnosis.isMain)
        #expect(claim.services.map(\.value.kind) == [.dentalProcedure, .dentalProcedure])
        #expect(claim.services.map(\.value.points) == [261, 319])
        #expect(claim.services.map(\.value.days) == [[2], [16]])
        #expect(claim.comments.map(\.value.code) == ["810000001"])
        #expect(claim.symptomNotes.map(\.value.text) == ["疼痛が強く処置を要した"])
        let record = claim.sourceRecord
        let conditions = record.events.compactMap { if case .diagnosis(let d) = $0 { d } else { nil } }
        #expect(conditions.first?.startDate.description == "2024-04-01" && conditions.first?.outcome == .cured)
        #expect(conditions.first?.bodySite == "110100 101200")
    }

    @Test func anSSRecordInAMedicalFileIsRefused() throws {
        var lines = Self.lines
        lines[0] = "IR,1,13,1,1234567,,テスト医院,50604,03-1234-5678,"
        let events = claimsEvents(claimsFile(lines))
        // In a 医科 file HS and SS are not claim records: they are kept as unknown, never fatal.
        let claim = try #require(events.claims.first)
        #expect(claim.unknownRecords.map(\.recordType) == ["HS", "SS", "SS"])
    }

    @Test(arguments: [
        ("HS,,,11010,8830109,,,,,01,,,", 4, "歯式コード"),
        ("HS,,,110100,,,,,,01,,,", 5, "傷病名コード"),
        ("HS,,9,110100,8830109,,,,,01,,,", 3, "転帰区分"),
    ])
    func quarantinesAWrongHSRecordNamingItsField(line: String, field: Int, name: String) throws {
        var lines = Self.lines
        lines[3] = line
        let events = claimsEvents(claimsFile(lines))
        let quarantined = try #require(events.quarantined.first)
        #expect(quarantined.problem.position.line == 4 && quarantined.problem.position.field == field)
        #expect(quarantined.problem.problem.contains(name))
    }

    @Test func namesTheDayFieldOfADentalProcedurePastTheMonthsEnd() throws {
        var lines = Self.lines
        lines[1] = lines[1].replacingOccurrences(of: "50604", with: "50606")
        lines[4] = Self.ss("11", "301000110", points: 261, times: 1, days: [31: 1])
        let events = claimsEvents(claimsFile(lines))
        let quarantined = try #require(events.quarantined.first)
        // SS: the record id, 5 fields, 70 addition fields, 点数, 回数, then day 1 in column 79: day 31 is column 109.
        #expect(quarantined.problem.position.field == 109)
        #expect(quarantined.problem.problem.contains("day 31"))
    }
}
