import Foundation
import LifecourseTesting
import Testing

@Suite struct SynthCommandTests {
    @Test func writesClaimsAndTruthWhereAsked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try CommandRunner().run(["synth", "--persons", "100", "--years", "2024", "--prefectures", "13",
                                              "--out", directory.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("claims in"))
        #expect(FileManager.default.fileExists(atPath: directory.file("truth/claims.csv").path))
        #expect(FileManager.default.fileExists(atPath: directory.file("manifest.json").path))
        #expect(FileManager.default.fileExists(atPath: directory.file("claims/medical/13").path))
    }

    @Test(arguments: [["--years", "2024-2020"], ["--prefectures", "48"], ["--persons", "0"]])
    func refusesOptionsThatMakeNoSense(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try CommandRunner().run(["synth", "--out", directory.path] + arguments)
        #expect(result.status != 0)
        #expect(result.standardError.contains("--"))
    }
}
