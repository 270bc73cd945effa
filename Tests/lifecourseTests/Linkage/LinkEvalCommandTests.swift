import Foundation
import LifecourseTesting
import Testing

@Suite struct LinkEvalCommandTests {
    @Test func measuresTheStoresResearchIDsAgainstTheGeneratorsTruth() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let synthetic = directory.file("synthetic").path, data = directory.file("data").path
        #expect(try lifecourse.run(["synth", "--persons", "150", "--years", "2024", "--prefectures", "13",
                                    "--formats", "claims", "--out", synthetic]).status == 0)
        #expect(try lifecourse.run(["ingest", synthetic + "/claims", "--data", data, "--progress", "never"]).status == 0)
        let result = try lifecourse.run(["link-eval", "--truth", synthetic + "/truth", "--data", data, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let records = try #require(report["records"] as? Int), truePairs = try #require(report["truePairs"] as? Int)
        let correct = try #require(report["correctPairs"] as? Int), predicted = try #require(report["predictedPairs"] as? Int)
        #expect(records > 100 && truePairs > 0)
        #expect(Double(correct) / Double(predicted) >= 0.999, "the deterministic tier links only what agrees exactly")
        #expect(Double(correct) / Double(truePairs) >= 0.9)
        let missing = try lifecourse.run(["link-eval", "--truth", directory.file("nowhere").path, "--data", data])
        #expect(missing.status != 0 && missing.standardError.contains("no such file"))
    }
}
