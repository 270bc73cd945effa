import Foundation
public import Testing

/// The layering of DESIGN.md's module table, checked against the `import` lines of the sources: SwiftPM does
/// not stop a target from importing a module that happens to be built before it.
public enum Layering {
    /// The project's modules each target may import (besides the platform: Foundation, Glibc, Synchronization).
    public static let allowed: [String: Set<String>] = [
        "LifecourseCore": [],
        "LifecourseFormats": ["LifecourseCore", "ZIPFoundation"],
        "LifecourseStore": ["LifecourseCore", "GRDB", "GRDBSQLite", "Crypto"],
        "LifecourseLinkage": ["LifecourseCore", "LifecourseStore"],
        "LifecourseIngest": ["LifecourseCore", "LifecourseFormats", "LifecourseStore", "LifecourseLinkage"],
        "LifecourseAnonymization": ["LifecourseCore", "LifecourseStore"],
        "LifecourseStatistics": ["LifecourseCore", "LifecourseStore"],
        "LifecourseGovernance": ["LifecourseCore", "LifecourseStore"],
        "LifecourseSynth": ["LifecourseCore", "LifecourseFormats"],
        "LifecourseServer": ["LifecourseCore", "LifecourseFormats", "LifecourseStore", "LifecourseIngest",
                             "LifecourseLinkage", "LifecourseAnonymization", "LifecourseStatistics",
                             "LifecourseGovernance", "LifecourseSynth"],
    ]

    static let platform: Set<String> = ["Foundation", "FoundationEssentials", "FoundationXML", "Glibc", "Synchronization",
                                        "Dispatch"]

    /// Records a test issue for every import of `target` that its layer does not allow.
    public static func expectLayering(of target: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceCount(of: target) > 0, "\(target) has no sources", sourceLocation: sourceLocation)
        do {
            let found = try violations(of: target)
            #expect(found.isEmpty, "\(target) imports beyond its layer: \(found)", sourceLocation: sourceLocation)
        } catch {
            Issue.record(error, sourceLocation: sourceLocation)
        }
    }

    /// Imports of `target`'s sources that its layer does not allow, as `file: module`.
    public static func violations(of target: String) throws -> [String] {
        let allowed = (Self.allowed[target] ?? []).union(platform)
        let folder = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/\(target)")
        var found = [String]()
        for file in Fixtures.files(under: folder) where file.pathExtension == "swift" {
            for module in try imports(in: file) where !allowed.contains(module) {
                found.append("\(file.lastPathComponent): \(module)")
            }
        }
        return found
    }

    /// The modules a Swift file imports.
    static func imports(in file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
            let rest = words.first.map { ["public", "package", "internal", "private", "fileprivate"].contains($0) } == true
                ? Array(words.dropFirst()) : Array(words)
            guard rest.count >= 2, rest[0] == "import" else { return nil }
            return String(rest[1].split(separator: ".").first ?? rest[1])
        }
    }

    /// The number of Swift source files of a target (a target with none would not build).
    public static func sourceCount(of target: String) -> Int {
        let folder = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/\(target)")
        return Fixtures.files(under: folder).filter { $0.pathExtension == "swift" }.count
    }
}
