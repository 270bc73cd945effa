import Foundation
import LifecourseTesting
import Testing

@Suite struct LinkCommandTests {
    /// Precision and recall from `link-eval --json`.
    static func evaluate(_ lifecourse: CommandRunner, truth: String, data: String) throws -> (precision: Double, recall: Double) {
        let result = try lifecourse.run(["link-eval", "--truth", truth, "--data", data, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let correct = try #require(report["correctPairs"] as? Double), predicted = try #require(report["predictedPairs"] as? Double)
        let truePairs = try #require(report["truePairs"] as? Double)
        return (correct / predicted, correct / truePairs)
    }

    @Test func linksWhatExactKeysMissedWithoutFalseMerges() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let synthetic = directory.file("synthetic").path, data = directory.file("data").path
        #expect(try lifecourse.run(["synth", "--persons", "400", "--years", "2024", "--prefectures", "13",
                                    "--formats", "claims,care,deaths", "--out", synthetic]).status == 0)
        #expect(try lifecourse.run(["ingest", synthetic + "/claims", synthetic + "/care", synthetic + "/deaths", "--data", data,
                                    "--progress", "never"]).status == 0)
        let deterministic = try Self.evaluate(lifecourse, truth: synthetic + "/truth", data: data)
        let linked = try lifecourse.run(["link", "--data", data, "--json"])
        #expect(linked.status == 0, "\(linked.standardError)")
        let run = try #require(try JSONSerialization.jsonObject(with: Data(linked.standardOutput.utf8)) as? [String: Any])
        #expect(run["mode"] as? String == "full" && (run["merges"] as? Int ?? 0) > 0)
        let probabilistic = try Self.evaluate(lifecourse, truth: synthetic + "/truth", data: data)
        #expect(probabilistic.precision >= 0.999)
        #expect(probabilistic.recall > deterministic.recall && probabilistic.recall >= 0.99,
                "\(deterministic.recall) → \(probabilistic.recall)")
        // Nothing new: an incremental run with nothing to do.
        let again = try lifecourse.run(["link", "--data", data])
        #expect(again.status == 0 && again.standardOutput.contains("incremental"))
        let model = try lifecourse.run(["link", "--data", data, "--show-model"])
        #expect(model.status == 0 && model.standardOutput.contains("birth date") && model.standardOutput.contains("λ"))
        let audit = try lifecourse.run(["audit", "--data", data, "--action", "merge"])
        #expect(audit.status == 0 && audit.standardOutput.contains("hash chain intact"))
        let bad = try lifecourse.run(["link", "--data", data, "--upper", "0.7", "--lower", "0.9"])
        #expect(bad.status != 0 && bad.standardError.contains("--lower"))
    }
}
