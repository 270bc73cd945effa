import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStatistics

@Suite struct TableFilesTests {
    @Test func theFilesCarryTheSpecificationTheSettingsAndTheStoreState() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let computed = ComputedTable(table: PublishedTableTests.table(), storeState: "abc123")
        let urls = try TableFiles(computed).write(into: directory.url)
        #expect(urls.map(\.lastPathComponent) == ["fixture.csv", "fixture.json", "fixture.svg"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: urls[1])) as? [String: Any]
        #expect(json?["storeState"] as? String == "abc123")
        #expect((json?["spec"] as? [String: Any])?["name"] as? String == "fixture")
        #expect((json?["disclosure"] as? [String: Any])?["threshold"] as? Int == 10)
        #expect((json?["legend"] as? String)?.hasPrefix("- : 秘匿") == true)
    }
}
