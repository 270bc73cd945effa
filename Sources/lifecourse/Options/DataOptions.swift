import ArgumentParser
import Foundation
import LifecourseStore

/// `--data DIR`: where the store is.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data directory.", valueName: "dir"))
    var data: String = "./lifecourse-data"

    /// Opens the store (creating it and its key on first use).
    func openStore() throws -> SQLiteStore {
        do {
            return try SQLiteStore.open(directory: URL(fileURLWithPath: data),
                                        environment: ProcessInfo.processInfo.environment)
        } catch {
            throw UserError(error.message)
        }
    }

    /// Opens an existing store for reading; refuses to create one.
    func openExistingStore() throws -> SQLiteStore {
        let main = URL(fileURLWithPath: data).appendingPathComponent(SQLiteStore.mainFileName)
        guard FileManager.default.fileExists(atPath: main.path) else {
            throw UserError("there is no store in \(data): ingest files first (lifecourse ingest FILE…) or give --data")
        }
        return try openStore()
    }
}

/// `--json`: machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}

/// An error shown to the user as is, with exit status 1.
struct UserError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
