import LifecourseCore
import Testing
@testable import LifecourseFormats

/// DPC records as 記録条件仕様 (DPC用) lays them out, written by hand, and what happens when they are wrong.
@Suite struct DPCGroupRecordTests {
    static let header = "IR,1,13,1,1234567,,テスト病院,50606,00,0312345678"
    static let claimStart = [
        "RE,1,1117,50605,佐藤　花子,2,3130203,,5060510,,,,320,0042,,,,,,,,,,,,,,,,,,,,,,,サトウ　ハナコ,",
        "HO,39131015,,12345678,19,68177,,,,,,,,,",
    ]

    static func read(_ dpc: [String]) -> [ClaimsEvent] {
        claimsEvents(claimsFile([header] + claimStart + dpc + ["GO,1,68177,99"]))
    }

    @Test func readsEraDatedDPCRecordsWrittenByHand() throws {
        let events = Self.read([
            "BU,160800xx01xxxx,5060510,5060528,1,",
            "SB,8830109,,,S7200,01,,",
            "SB,0000999,,転倒,W19,21,,",
            "KK,,,2,5051201,1,86,,,,,,,",
            "SK,,K0461,5060511,,,骨折観血的手術（大腿）",
            "GA,50605,2,,,1.4231,",
            "HH,50605,2,1,1,1,3046,8,24368",
            "GT,50605,2,1,1,24368,34678,,34678,93,,",
            "CD,5060511,50,1,1,150052310,,,,1,",
        ])
        #expect(events.quarantined.isEmpty, "\(events.quarantined.map(\.problem))")
        let dpc = try #require(events.claims.first?.dpc)
        #expect(dpc.group.value.admissionDate.description == "2024-05-10")
        #expect(dpc.group.value.dischargeDate?.description == "2024-05-28")
        #expect(dpc.diagnoses.map(\.value.role) == ["01", "21"])
        #expect(DPCDiagnosisRecord.roleName("21") == "入院の契機となった傷病名")
        #expect(dpc.patient?.previousDischarge?.description == "2023-12-01" && dpc.patient?.readmittedForSameDisease == true)
        #expect(dpc.procedures.first?.value.date?.description == "2024-05-11")
        #expect(dpc.months.first?.month.description == "2024-05")
        #expect(dpc.totals.first?.value.bundledPoints == 34_678)
        #expect(dpc.coding.first?.value.date.description == "2024-05-11")
    }

    @Test(arguments: [
        (["SB,8830109,,,S7200,01,,"], 4, 1, "before the claim's BU record"),
        (["BU,160800,5060510,,,"], 4, 2, "not a 14-character diagnosis group code"),
        (["BU,160800xx01xxxx,5060510,5060501,,"], 4, 4, "before the admission"),
        (["BU,160800xx01xxxx,5060510,,,", "SB,8830109,,,S7200,99,,"], 5, 6, "別表22"),
        (["BU,160800xx01xxxx,5060510,,,", "SB,8830109,,,7200,01,,"], 5, 5, "not an ICD-10 code"),
        (["BU,160800xx01xxxx,5060510,,,", "HH,50605,2,1,1,1,3046,8,24000"], 5, 9, "3046 points × 8 days"),
        (["BU,160800xx01xxxx,5060510,,,", "CD,5060611,50,1,1,150052310,,,,1,"], 5, 2, "after the claim's month"),
        (["BU,160800xx01xxxx,5060510,,,", "BU,160800xx01xxxx,5060510,,,"], 5, 1, "a second BU record"),
    ])
    func quarantinesAWrongDPCRecordNamingLineAndField(records: [String], line: Int, field: Int, problem: String) throws {
        let events = Self.read(records)
        let quarantined = try #require(events.quarantined.first)
        #expect(quarantined.problem.position.line == line)
        #expect(quarantined.problem.position.field == field)
        #expect(quarantined.problem.problem.contains(problem), "\(quarantined.problem.problem)")
    }
}
