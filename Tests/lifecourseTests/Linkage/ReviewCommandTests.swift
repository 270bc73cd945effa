import Foundation
import LifecourseTesting
import Testing

@Suite struct ReviewCommandTests {
    @Test func mergesSplitsAndShowsTheHistoryWithWhoAndWhy() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let synthetic = directory.file("synthetic").path, data = directory.file("data").path
        #expect(try lifecourse.run(["synth", "--persons", "60", "--years", "2024", "--prefectures", "13",
                                    "--formats", "claims", "--out", synthetic]).status == 0)
        #expect(try lifecourse.run(["ingest", synthetic + "/claims", "--data", data, "--progress", "never"]).status == 0)
        #expect(try lifecourse.run(["link", "--data", data]).status == 0)
        let listed = try lifecourse.run(["persons", "--data", data, "--json", "--limit", "2"])
        let persons = try #require(try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
            .compactMap { $0["researchID"] as? String }
        #expect(persons.count == 2)
        let refused = try lifecourse.run(["merge", persons[0], persons[1], "--data", data, "--by", "佐藤"])
        #expect(refused.status != 0 && refused.standardError.contains("--reason"))
        let merged = try lifecourse.run(["merge", persons[0], persons[1], "--data", data, "--by", "佐藤",
                                         "--reason", "同一人物（医療機関に確認）"])
        #expect(merged.status == 0, "\(merged.standardError)")
        let shown = try lifecourse.run(["identities", persons[0], "--data", data])
        let survivor = shown.standardOutput.contains("\(persons[0]): active") ? persons[0] : persons[1]
        let history = try lifecourse.run(["identities", survivor, "--data", data])
        #expect(history.standardOutput.contains("merge") && history.standardOutput.contains("by 佐藤: 同一人物（医療機関に確認）"))
        // Split the first identity off.
        let identity = try #require(history.standardOutput.split(separator: "\n").dropFirst(2).first?
            .split(separator: " ").first.map(String.init))
        let split = try lifecourse.run(["split", survivor, "--identities", identity, "--data", data, "--by", "佐藤",
                                        "--reason", "誤った統合"])
        #expect(split.status == 0, "\(split.standardError)")
        #expect(try lifecourse.run(["identities", survivor, "--data", data]).standardOutput.contains("\(survivor): split"))
        let audit = try lifecourse.run(["audit", "--data", data])
        #expect(audit.status == 0 && audit.standardOutput.contains("split-request") && audit.standardOutput.contains("誤った統合"))
        let review = try lifecourse.run(["review", "list", "--data", data])
        #expect(review.status == 0 && review.standardOutput.contains("research ID"))
        let one = try lifecourse.run(["review", "accept", identity, "--data", data, "--by", "x", "--reason", "y"])
        #expect(one.status != 0 && one.standardError.contains("two identity IDs"))
    }
}
