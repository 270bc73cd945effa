public import Foundation

/// Runs the built `lifecourse` executable as a child process, as a user would.
public struct CommandRunner: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    public let executable: URL
    public var environment: [String: String]

    /// Finds `lifecourse` next to the test bundle (SwiftPM builds it for the tests that depend on it).
    public init(environment: [String: String] = [:]) throws {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lifecourse"),
            Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/lifecourse"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0].path])
        }
        executable = found
        var inherited = ProcessInfo.processInfo.environment
        inherited.removeValue(forKey: "LIFECOURSE_MASTER_KEY")
        self.environment = inherited.merging(environment) { $1 }
    }

    /// Runs to completion; output goes through files, so any amount of it is safe.
    public func run(_ arguments: [String]) throws -> Result {
        let directory = try TemporaryDirectory("lifecourse-run")
        defer { directory.remove() }
        let process = try start(arguments, output: directory.file("out"), error: directory.file("err"))
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: try String(contentsOf: directory.file("out"), encoding: .utf8),
                      standardError: try String(contentsOf: directory.file("err"), encoding: .utf8))
    }

    /// Starts the command writing its output to the given files, and returns at once.
    public func start(_ arguments: [String], output: URL, error: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        return process
    }
}
