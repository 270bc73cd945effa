import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseTesting
import Testing

@Suite struct MasterFileReaderTests {
    static func read(_ url: URL) throws -> (entries: [MasterCode], problems: [SourceError]) {
        var entries = [MasterCode]()
        var problems = [SourceError]()
        try MasterFileReader(path: url.path, displayName: url.lastPathComponent).forEachEvent { event in
            switch event {
            case .entry(let entry, _): entries.append(entry)
            case .problem(let problem): problems.append(problem)
            }
        }
        return (entries, problems)
    }

    static func entry(_ file: String, _ code: String) throws -> MasterCode {
        try #require(try read(Fixtures.master(file)).entries.first { $0.code == code })
    }

    @Test func readsDiseaseNamesWithICD10AndMEDISNumbers() throws {
        let (entries, problems) = try Self.read(Fixtures.master("b_ALL00000000.csv"))
        #expect(problems.isEmpty && entries.count == 5)
        let moyamoya = try Self.entry("b_ALL00000000.csv", "4375001")
        #expect(moyamoya.name == "もやもや病" && moyamoya.kana == "モヤモヤビョウ")
        #expect(moyamoya.icd10 == ["I675"])
        #expect(moyamoya.managementNumber == "20050703" && moyamoya.exchangeCode == "CET2")
        #expect(moyamoya.validFrom == (try CalendarDate(iso: "2010-10-01")) && moyamoya.validUntil == nil)
        let uncoded = try Self.entry("b_ALL00000000.csv", "0000999")
        #expect(uncoded.icd10.isEmpty && uncoded.validFrom == nil)
        #expect(try Self.entry("b_ALL00000000.csv", "9170003").validFrom == (try CalendarDate(iso: "2022-06-01")),
                "収載年月日 when there is no 変更年月日")
    }

    @Test func readsDrugsWithYJCodeUnitAndPrice() throws {
        let famotidine = try Self.entry("y_ALL00000000.csv", "610406079")
        #expect(famotidine.name == "ガスター散２％" && famotidine.yjCode == "2325003B2029")
        #expect(famotidine.unit == "ｇ" && famotidine.amount == 26.0)
        #expect(famotidine.validFrom == (try CalendarDate(iso: "2022-04-01")))
        #expect(try Self.entry("y_ALL00000000.csv", "630010002").yjCode == nil)
    }

    @Test func readsProceduresOfBothColumnCountsAndDevices() throws {
        let (procedures, problems) = try Self.read(Fixtures.master("s_ALL00000000.csv"))
        #expect(problems.isEmpty && procedures.count == 5)
        #expect(try Self.entry("s_ALL00000000.csv", "111000110").name == "初診料")
        #expect(try Self.entry("s_ALL00000000.csv", "111000110").amount == 282)
        #expect(try Self.entry("s_ALL00000000.csv", "120002910").validFrom == (try CalendarDate(iso: "2022-04-01")))
        #expect(try Self.entry("s_ALL00000000.csv", "140009310").unit == "分")
        let devices = try Self.read(Fixtures.master("t_ALL20250228.csv"))
        #expect(devices.problems.isEmpty && devices.entries.count == 1344)
        #expect(try Self.entry("t_ALL20250228.csv", "700010000").name == "半切")
    }

    @Test func readsTheFullModifierAndCommentMasters() throws {
        let modifiers = try Self.read(Fixtures.master("z_20250101.txt"))
        #expect(modifiers.problems.isEmpty && modifiers.entries.count == 2359)
        #expect(try Self.entry("z_ALL00000000.csv", "2060").name == "左右")
        let comments = try Self.read(Fixtures.master("c_ALL20250307.csv"))
        #expect(comments.problems.isEmpty && comments.entries.count == 3857)
        #expect(try Self.entry("c_ALL20250307.csv", "820000001").name == "別途コメントあり")
        #expect(try Self.entry("c_ALL20250307.csv", "810000001").name.isEmpty, "free-text comment codes have no name")
    }

    @Test func aBadRowIsReportedWithItsColumnAndTheOthersRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var bytes = try Fixtures.bytes(Fixtures.master("y_ALL00000000.csv"))
        let code = Array("610406079".utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: code) })
        bytes.replaceSubrange(start..<start + 9, with: Array("61040607X".utf8))
        bytes += [0x22, 0x30, 0x22, 0x2C, 0x22, 0x59, 0x22, 0x2C, 0x22, 0x82, 0x22, 0x0D, 0x0A]
        let file = directory.file("y.csv")
        try Data(bytes).write(to: file)
        let (entries, problems) = try Self.read(file)
        #expect(entries.count == 3)
        #expect(problems.count == 2)
        #expect(problems[0].position.line == 1 && problems[0].position.field == 3)
        #expect(problems[0].description.contains("'61040607X'"))
        #expect(problems[1].position.line == 5 && problems[1].problem.contains("CP932"))
    }

    @Test func tellsTheMasterFromTheFirstLine() throws {
        for (file, kind) in [("b_ALL00000000.csv", MasterKind.disease), ("s_ALL00000000.csv", .procedure),
                             ("y_ALL00000000.csv", .drug), ("t_ALL00000000.csv", .device), ("z_20250101.txt", .modifier),
                             ("c_ALL20250307.csv", .comment)] {
            let head = try Fixtures.bytes(Fixtures.master(file)).prefix(200)
            #expect(MasterFileReader.kind(ofFirstLine: head.prefix { $0 != 0x0D }) == kind, "\(file)")
        }
        #expect(MasterFileReader.kind(ofFirstLine: Array("IR,1,13".utf8)) == nil)
    }
}
