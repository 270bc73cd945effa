import Foundation
import LifecourseTesting
import Testing

/// `link-csv` on files written here: duplicates found, and bad files refused with a clear error.
@Suite struct LinkCSVCommandTests {
    /// 300 people, the first 100 written twice with small differences, in a CSV with quoted fields.
    static func people(in directory: TemporaryDirectory) throws -> URL {
        let surnames = ["タカハシ", "サトウ", "スズキ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ",
                        "ヨシダ", "ヤマダ", "ササキ", "ヤマグチ", "マツモト"]
        let given = ["タロウ", "ハナコ", "イチロウ", "ヨウコ", "ショウタ", "ミサキ", "ケンイチ", "ユウコ", "マコト", "メグミ"]
        var lines = ["id,kana,birth,postcode,note"]
        var state: UInt64 = 3
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for person in 0..<300 {
            let kana = surnames[random(surnames.count)] + " " + given[random(given.count)]
            let birth = String(format: "19%02d-%02d-%02d", 30 + random(60), 1 + random(12), 1 + random(28))
            let postcode = String(format: "%03d-%04d", 100 + random(800), random(10_000))
            lines.append("p\(person)a,\(kana),\(birth),\(postcode),\"note, with comma\"")
            if person < 100 {
                let variant = person % 2 == 0 ? kana.replacingOccurrences(of: "ウ", with: "ー") : kana
                let otherPostcode = person % 3 == 0 ? "999-9999" : postcode
                lines.append("p\(person)b,\(variant),\(birth),\(otherPostcode),")
            }
        }
        let file = directory.file("people.csv")
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
        return file
    }

    @Test func findsTheDuplicatesAndWritesPairsAndClusters() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try Self.people(in: directory)
        let result = try CommandRunner().run([
            "link-csv", input.path, "--id", "id", "--field", "kana:kana", "--field", "birth:date", "--field", "postcode:postcode",
            "--block", "kana", "--block", "birth", "--output", directory.file("pairs.csv").path,
            "--clusters", directory.file("clusters.csv").path])
        #expect(result.status == 0, "\(result.standardError)")
        let pairs = try String(contentsOf: directory.file("pairs.csv"), encoding: .utf8).split(separator: "\n")
        #expect(pairs.first == "id_a,id_b,match_probability,match_weight")
        let found = Set(pairs.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") })
        let expected = Set((0..<100).map { "p\($0)a,p\($0)b" })
        #expect(found.intersection(expected).count >= 98, "recall: \(found.intersection(expected).count) of 100")
        #expect(found.subtracting(expected).count <= 1, "false pairs: \(found.subtracting(expected))")
        let clusters = try String(contentsOf: directory.file("clusters.csv"), encoding: .utf8).split(separator: "\n")
        #expect(clusters.count == 401 && clusters.first == "cluster_id,file,id")
        #expect(result.standardOutput.contains("birth (date): exact m="))
    }

    @Test func comparesANameAndAKanaColumnAsOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("names.csv")
        try Data("id,name,kana,birth\n1,高橋花子,タカハシ ハナコ,1950-03-04\n2,髙橋花子,ﾀｶﾊｼﾊﾅｺ,1950-03-04\n3,佐藤一郎,サトウ イチロウ,1961-07-08\n".utf8)
            .write(to: file)
        let result = try CommandRunner().run(["link-csv", file.path, "--id", "id", "--field", "name:name", "--field", "kana:kana",
                                              "--field", "birth:date", "--block", "kana", "--output", directory.file("p.csv").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("name+kana (person): exact m="))
        #expect(!result.standardOutput.contains("kana (kana):"))
    }

    @Test func refusesBadFilesWithTheirPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        func run(_ text: [UInt8], field: String = "kana:kana") throws -> String {
            let file = directory.file("bad.csv")
            try Data(text).write(to: file)
            let result = try lifecourse.run(["link-csv", file.path, "--id", "id", "--field", field,
                                             "--output", directory.file("out.csv").path])
            #expect(result.status != 0)
            return result.standardError
        }
        #expect(try run(Array("id,kana\n1,ア\n".utf8), field: "name:kana").contains("no column 'name'"))
        #expect(try run(Array("id,kana\n1,ア\n2,イ,extra\n".utf8)).contains("line 3: 3 fields where the header has 2"))
        #expect(try run(Array("id,kana\n1,".utf8) + [0x83, 0x41] + Array("\n".utf8)).contains("line 2"))
        #expect(try run(Array("id,kana\n".utf8), field: "kana:soundex").contains("KIND one of"))
    }
}
