import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseIngest

@Suite struct InputFilesTests {
    @Test func walksFoldersInNameOrderAndSkipsHiddenFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in ["b.UKE", "a.UKE", ".hidden", "sub/c.UKE"] {
            let url = directory.file(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        let files = try InputFiles.expand([directory.path])
        #expect(files.map { String($0.dropFirst(directory.path.count + 1)) } == ["a.UKE", "b.UKE", "sub/c.UKE"])
        #expect(try InputFiles.expand([directory.file("a.UKE").path]) == [directory.file("a.UKE").path])
    }

    @Test func takesTheBulkExportsPatientFilesFirst() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in ["Condition.ndjson", "Patient.000.ndjson", "Encounter.ndjson", "Patient.txt"] {
            try Data().write(to: directory.file(name))
        }
        let files = try InputFiles.expand([directory.path]).map { String($0.dropFirst(directory.path.count + 1)) }
        #expect(files == ["Patient.000.ndjson", "Condition.ndjson", "Encounter.ndjson", "Patient.txt"])
    }

    @Test func namesAPathThatDoesNotExist() {
        do {
            _ = try InputFiles.expand(["/nonexistent/file.UKE"])
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("/nonexistent/file.UKE"))
        }
    }
}
