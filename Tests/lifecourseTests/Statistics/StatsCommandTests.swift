import Foundation
import LifecourseTesting
import Testing

@Suite struct StatsCommandTests {
    /// A small generated population, every built-in table, and a specification with mistakes.
    @Test func writesEveryBuiltInTableAndNamesEveryProblemOfASpecification() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path, population = directory.file("population")
        #expect(try lifecourse.run(["synth", "--persons", "600", "--years", "2024", "--prefectures", "13",
                                    "--formats", "claims,checkups,care", "--out", population.path]).status == 0)
        let kinds = try FileManager.default.contentsOfDirectory(atPath: population.path)
            .filter { $0 != "truth" && !$0.hasSuffix(".json") }.map { population.appendingPathComponent($0).path }
        #expect(try lifecourse.run(["ingest"] + kinds + ["--data", data, "--progress", "never"]).status == 0)

        let output = directory.file("tables")
        let result = try lifecourse.run(["stats", "--built-in", "all", "--year", "2024", "--data", data, "--output", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        for name in ["prescription-volume", "patients-by-hba1c", "care-needs", "lab-distribution", "persons-treated"] {
            #expect(result.standardOutput.contains("\(name): "), "\(result.standardOutput)")
            let csv = try String(contentsOf: output.appendingPathComponent("\(name).csv"), encoding: .utf8)
            #expect(csv.split(separator: "\n").count > 2, "\(name).csv has cells")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("\(name).json")))
            #expect(((json as? [String: Any])?["storeState"] as? String)?.count == 64)
        }

        let english = try lifecourse.run(["stats", "--built-in", "care-needs", "--year", "2024", "--language", "en",
                                          "--data", data, "--output", directory.file("english").path])
        #expect(english.status == 0, "\(english.standardError)")
        let englishCSV = try String(contentsOf: directory.file("english/care-needs.csv"), encoding: .utf8)
        #expect(englishCSV.contains(",Total,") && englishCSV.contains(",Tokyo,") && englishCSV.contains("care level 1"))
        #expect(!englishCSV.contains("計") && !englishCSV.contains("東京都"))
        let french = try lifecourse.run(["stats", "--built-in", "care-needs", "--year", "2024", "--language", "fr"])
        #expect(french.status != 0 && french.standardError.contains("--language must be ja or en"))

        let sql = try lifecourse.run(["stats", "--built-in", "care-needs", "--year", "2024", "--sql"])
        #expect(sql.status == 0 && sql.standardOutput.contains("FROM research.care_certification"))

        let spec = directory.file("bad.json")
        try Data(#"""
            { "name": "x", "source": "claims", "measure": { "kind": "persons" }, "dimensions": [ { "kind": "careLevel" } ],
              "period": { "from": "2024-01-01", "to": "2023-12-31" } }
            """#.utf8).write(to: spec)
        let bad = try lifecourse.run(["stats", spec.path, "--data", data, "--output", output.path])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("bad.json has 3 problems"), "\(bad.standardError)")
        #expect(bad.standardError.contains("period.from is after period.to"))
    }
}
