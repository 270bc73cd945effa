import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct MasterKeyTests {
    @Test func createsAKeyFileOnlyItsOwnerCanRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = try MasterKey.locate(directory: directory.url, environment: [:], storeExists: false)
        let file = directory.file(MasterKey.fileName)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try Data(contentsOf: file).count == 32)
        #expect(try MasterKey.locate(directory: directory.url, environment: [:], storeExists: true) == key)
    }

    @Test func prefersTheEnvironment() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hex = String(repeating: "ab", count: 32)
        let key = try MasterKey.locate(directory: directory.url, environment: [MasterKey.environmentVariable: hex],
                                       storeExists: true)
        #expect(key.hexText == hex)
        #expect(!FileManager.default.fileExists(atPath: directory.file(MasterKey.fileName).path))
        let base64 = Data(repeating: 0xAB, count: 32).base64EncodedString()
        #expect(try MasterKey(text: base64, source: "test") == key)
    }

    @Test func refusesToInventAKeyForAnExistingStore() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            _ = try MasterKey.locate(directory: directory.url, environment: [:], storeExists: true)
            Issue.record("a key was created for an existing store")
        } catch {
            #expect(error.isSameKind(as: .missingKey(store: "", keyFile: "")))
            #expect(error.message.contains("restore"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file(MasterKey.fileName).path))
    }

    @Test(arguments: ["abcd", String(repeating: "z", count: 64), Data(count: 16).base64EncodedString()])
    func refusesKeysThatAreNot32Bytes(text: String) {
        #expect(throws: StoreError.self) { try MasterKey(text: text, source: "test") }
    }

    @Test func hasAStableFingerprint() throws {
        let key = try MasterKey(bytes: Array(repeating: 7, count: 32))
        #expect(key.fingerprint.count == 8)
        #expect(key.fingerprint == (try MasterKey(bytes: Array(repeating: 7, count: 32))).fingerprint)
        #expect(key.fingerprint != TestStore.key.fingerprint)
    }
}
