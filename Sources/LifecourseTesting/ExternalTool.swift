import Foundation

/// A tool of the machine (xmllint, python3) that a test uses as an independent check of what the project wrote.
public enum ExternalTool {
    public struct Result: Sendable {
        public var status: Int32
        /// Standard output and standard error together.
        public var output: String
    }

    /// Runs `arguments` through `/usr/bin/env`, so the tool is found on the PATH; nil when it cannot start.
    public static func run(_ arguments: [String]) -> Result? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: output)
    }

    /// Whether the command runs and succeeds, e.g. `["xmllint", "--version"]`.
    public static func works(_ arguments: [String]) -> Bool {
        run(arguments)?.status == 0
    }
}
