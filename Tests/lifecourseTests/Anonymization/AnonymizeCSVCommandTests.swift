import Foundation
import LifecourseTesting
import Testing

@Suite struct AnonymizeCSVCommandTests {
    static let attributes = ["sex", "age", "race", "marital-status", "education", "native-country", "workclass",
                             "occupation", "salary-class"]

    @Test func anonymizesAdultAsARXDoesAndReportsIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let adult = Fixtures.adult.path
        let output = directory.file("out.csv").path, report = directory.file("report.json").path
        let result = try lifecourse.run(["anonymize-csv", adult + "/adult.csv", "--delimiter", ";"]
            + Self.attributes.flatMap { ["--qi", "\($0)=\(adult)/adult_hierarchy_\($0).csv"] }
            + ["--k", "5", "--suppression-limit", "0.04", "--metric", "entropy", "--output", output, "--report", report])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let transformation = try #require(json["transformation"] as? [String: Int])
        #expect(Self.attributes.map { transformation[$0] } == [1, 0, 1, 1, 3, 2, 2, 0, 1])
        #expect((json["smallestClass"] as? Int ?? 0) >= 5 && (json["suppressedRecords"] as? Int ?? 99_999) <= 1206)
        let before = try #require(json["riskBefore"] as? [String: Any]), after = try #require(json["riskAfter"] as? [String: Any])
        #expect((before["highest"] as? Double) == 1 && (after["highest"] as? Double ?? 1) <= 0.2)
        let rows = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 30_163 && rows[0] == "sex;age;race;marital-status;education;native-country;workclass;occupation;salary-class")
    }

    @Test func refusesBadInputWithWhatToFix() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let input = directory.file("in.csv"), hierarchy = directory.file("h.csv")
        try Data("age,zip\n34,13001\n35,13002\n".utf8).write(to: input)
        try Data("34;30-39;*\n".utf8).write(to: hierarchy)
        func run(_ extra: [String]) throws -> String {
            try lifecourse.run(["anonymize-csv", input.path, "--output", directory.file("o.csv").path, "--report",
                                directory.file("r.json").path] + extra).standardError
        }
        #expect(try run(["--qi", "age=\(hierarchy.path)", "--k", "2"]).contains("row 3: the value '35' of age is not in its hierarchy"))
        #expect(try run(["--qi", "height=\(hierarchy.path)"]).contains("no column 'height'"))
        #expect(try run(["--qi", "age=\(hierarchy.path)", "--l", "2"]).contains("--sensitive"))
        #expect(try run([]).contains("--qi"))
        try Data("35;30-39;*\n34;30-39;*\n".utf8).write(to: hierarchy)
        let unwritable = try lifecourse.run(["anonymize-csv", input.path, "--qi", "age=\(hierarchy.path)", "--output",
                                             directory.file("missing/o.csv").path, "--report", directory.file("r.json").path])
        #expect(unwritable.standardError.contains("missing/o.csv: cannot be written"), "\(unwritable.standardError)")
    }
}

extension AnonymizeCSVCommandTests {
    @Test func takesBuiltInHierarchies() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let input = directory.file("in.csv"), report = directory.file("r.json")
        var text = "age,municipality,diagnosis\n"
        for index in 0..<200 {
            text += "\(20 + index % 70),\(["131016", "131024", "271004", "011002"][index % 4]),\(["E11.9", "E119", "I10", "J45.0"][index % 4])\n"
        }
        try Data(text.utf8).write(to: input)
        let result = try lifecourse.run(["anonymize-csv", input.path, "--qi", "age=@age", "--qi", "municipality=@region",
                                         "--qi", "diagnosis=@icd10", "--k", "5", "--output", directory.file("o.csv").path,
                                         "--report", report.path])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try String(contentsOf: directory.file("o.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        var classes = [Substring: Int]()
        for line in lines where !line.contains("*,*,*") { classes[line, default: 0] += 1 }
        #expect(!classes.isEmpty && classes.values.allSatisfy { $0 >= 5 }, "every class of the output holds 5 rows")
        try Data("age\n40\nforty\n".utf8).write(to: input)
        let refused = try lifecourse.run(["anonymize-csv", input.path, "--qi", "age=@age", "--k", "2", "--output",
                                          directory.file("o.csv").path, "--report", report.path])
        #expect(refused.standardError.contains("in.csv, line 3: 'forty' of age is not an age"))
        #expect(try lifecourse.run(["anonymize-csv", input.path, "--qi", "age=@zip", "--output", directory.file("o.csv").path,
                                    "--report", report.path]).standardError.contains("not a built-in hierarchy"))
    }
}

extension AnonymizeCSVCommandTests {
    @Test func takesHierarchicalTClosenessAndRiskThresholds() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let adult = Fixtures.adult.path
        let report = directory.file("report.json").path
        let result = try lifecourse.run(["anonymize-csv", adult + "/adult.csv", "--delimiter", ";"]
            + ["sex", "age", "race", "marital-status"].flatMap { ["--qi", "\($0)=\(adult)/adult_hierarchy_\($0).csv"] }
            + ["--sensitive", "occupation", "--t", "0.2", "--t-hierarchy", "\(adult)/adult_hierarchy_occupation.csv",
               "--average-risk", "0.05", "--max-risk", "0.2", "--suppression-limit", "0.04",
               "--output", directory.file("o.csv").path, "--report", report])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        #expect((json["smallestClass"] as? Int ?? 0) >= 5)
        let after = try #require(json["riskAfter"] as? [String: Any])
        #expect((after["highest"] as? Double ?? 1) <= 0.2 && (after["average"] as? Double ?? 1) <= 0.05, "\(after)")
        #expect(try lifecourse.run(["anonymize-csv", adult + "/adult.csv", "--delimiter", ";", "--qi", "sex=@age",
                                    "--output", directory.file("o.csv").path, "--report", report]).standardError
            .contains("line 2: 'Male' of sex is not an age"))
    }
}
