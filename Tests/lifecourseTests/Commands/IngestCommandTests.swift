import Foundation
import LifecourseStore
import LifecourseTesting
import Testing

@Suite struct IngestCommandTests {
    let key = ["LIFECOURSE_MASTER_KEY": TestStore.key.hexText]

    @Test func acceptsTheFixtureThenReportsItAsAlreadyReceived() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path
        let first = try lifecourse.run(["ingest", Fixtures.outpatientClaims.path, "--data", data])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("75 claims accepted, 0 quarantined"))
        let store = try SQLiteStore.open(directory: URL(fileURLWithPath: data), environment: [:])
        let before = try store.read { try $0.contentDigests() }
        let second = try lifecourse.run(["ingest", Fixtures.outpatientClaims.path, "--data", data])
        #expect(second.status == 0)
        #expect(second.standardOutput.contains("unchanged since it was stored"), "the same path is not read again")
        #expect(try store.read { try $0.contentDigests() } == before)
    }

    @Test func exitsWithThreeWhenAClaimIsQuarantined() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (broken, line) = try ClaimsVariants.withBrokenLine(in: directory, matching: "SY,8848176",
                                                               replacement: "SY,8848176,20211345,1,8070,,01,")
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path
        let result = try lifecourse.run(["ingest", broken.path, "--data", data])
        #expect(result.status == 3)
        #expect(result.standardOutput.contains("74 claims accepted, 1 quarantined"))
        let listing = try lifecourse.run(["quarantine", "--json", "--data", data])
        let entries = try JSONDecoder().decode([QuarantineEntry].self, from: Data(listing.standardOutput.utf8))
        #expect(entries.map(\.problemLine) == [line])
        let text = try lifecourse.run(["quarantine", "--raw", "--data", data]).standardOutput
        #expect(text.contains("line \(line)"))
        #expect(text.contains("| SY,8848176,20211345"))
    }

    @Test func exitsWithOneWhenNothingCanBeStored() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notes = directory.file("notes.txt")
        try Data("not claims".utf8).write(to: notes)
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path
        let result = try lifecourse.run(["ingest", notes.path, "--data", data])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("failed: \(notes.path)"))
        let missing = try lifecourse.run(["ingest", directory.file("none.UKE").path, "--data", data])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("no such file or folder"))
    }

    @Test func refusesABatchSizeOutOfRangeBeforeOpeningTheStore() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let result = try CommandRunner().run(["ingest", Fixtures.outpatientClaims.path, "--data", data.path,
                                              "--batch-megabytes", "0"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--batch-megabytes must be between 1 and 4096 (got 0)"))
        #expect(!FileManager.default.fileExists(atPath: data.path), "nothing was created")
    }

    @Test func refusesToOpenTheStoreWithAnotherKey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data").path
        _ = try CommandRunner(environment: key).run(["ingest", Fixtures.outpatientClaims.path, "--data", data])
        let other = try CommandRunner(environment: ["LIFECOURSE_MASTER_KEY": String(repeating: "0f", count: 32)])
        let result = try other.run(["ingest", Fixtures.outpatientClaims.path, "--data", data])
        #expect(result.status == 1)
        #expect(result.standardError.contains(TestStore.key.fingerprint))
    }

    /// A child process killed with SIGKILL in the middle of a file leaves the store as it was; a rerun then
    /// stores exactly what an uninterrupted run stores.
    @Test func recoversFromAKillInTheMiddleOfAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let large = try ClaimsVariants.large(copies: 40, to: directory.file("LARGE.UKE"))
        let lifecourse = try CommandRunner(environment: key)
        let interrupted = directory.file("interrupted").path
        let process = try lifecourse.start(["ingest", large.path, "--data", interrupted, "--progress", "always"],
                                           output: directory.file("out"), error: directory.file("err"))
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            let progress = (try? String(contentsOf: directory.file("err"), encoding: .utf8)) ?? ""
            if progress.contains("units read"), !progress.contains(" 0 units read") { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(process.isRunning, "the ingest finished before it could be interrupted")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let afterKill = try SQLiteStore.open(directory: URL(fileURLWithPath: interrupted), key: TestStore.key)
        #expect(try afterKill.read { try $0.contentDigests() }.values.allSatisfy { $0.rows == 0 })

        let rerun = try lifecourse.run(["ingest", large.path, "--data", interrupted])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let uninterrupted = directory.file("uninterrupted").path
        #expect(try lifecourse.run(["ingest", large.path, "--data", uninterrupted]).status == 0)
        let expected = try SQLiteStore.open(directory: URL(fileURLWithPath: uninterrupted), key: TestStore.key)
            .read { try $0.contentDigests() }
        #expect(expected["research.claim"]?.rows == 3000)
        #expect(try afterKill.read { try $0.contentDigests() } == expected)
    }
}
