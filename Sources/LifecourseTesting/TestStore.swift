import Foundation
public import LifecourseStore

/// A store in a temporary directory, opened with a fixed key so that runs can be compared.
public struct TestStore: Sendable {
    /// The key every test store uses unless a test says otherwise (never use it for real data).
    public static let key = try! MasterKey(bytes: Array(0..<32))

    public let directory: TemporaryDirectory
    public let store: SQLiteStore

    public init(key: MasterKey = TestStore.key) throws {
        directory = try TemporaryDirectory("lifecourse-store")
        store = try SQLiteStore.open(directory: directory.url, key: key)
    }

    /// Every byte of every file of the store (database, WAL and shared memory).
    public func allBytes() throws -> [UInt8] {
        try store.files.flatMap { [UInt8](try Data(contentsOf: $0)) }
    }

    public func remove() {
        directory.remove()
    }
}

extension [UInt8] {
    /// Whether `needle` occurs anywhere in these bytes.
    public func contains(bytes needle: [UInt8]) -> Bool {
        !needle.isEmpty && Data(self).range(of: Data(needle)) != nil
    }
}
