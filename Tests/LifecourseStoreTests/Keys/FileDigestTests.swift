import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct FileDigestTests {
    @Test func hashesTheWholeFileInChunks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("abc")
        try Data("abc".utf8).write(to: file)
        #expect(try FileDigest.sha256(path: file.path, chunkSize: 1).hex
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
