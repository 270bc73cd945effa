import Foundation
import LifecourseTesting
import Testing

@Suite struct DemoCommandTests {
    @Test func runsTheWholePathAndChangesNothingTheSecondTime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let arguments = ["demo", "--persons", "150", "--years", "2024", "--data", directory.file("data").path]
        let first = try lifecourse.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains(" 0 quarantined"))
        #expect(first.standardOutput.contains("0 not readable"))
        #expect(first.standardOutput.contains("research IDs,") && first.standardOutput.contains("the probabilistic tier merged"))
        #expect(first.standardOutput.contains("lifecourse summary"))
        let synthetic = directory.file("data").appendingPathComponent("synthetic")
        for folder in ["claims", "ssmix2", "checkups", "fhir", "deaths", "care"] {
            #expect(FileManager.default.fileExists(atPath: synthetic.appendingPathComponent(folder).path), "\(folder)")
        }
        let second = try lifecourse.run(arguments)
        #expect(second.status == 0)
        #expect(second.standardOutput.contains(" 0 files received"))
    }
}
