import Foundation

/// The files named on a command line: files as given, folders walked recursively (hidden entries skipped),
/// each folder's files in name order.
public enum InputFiles {
    /// - Throws: ``IngestError`` when a path does not exist.
    public static func expand(_ paths: [String]) throws(IngestError) -> [String] {
        var files = [String]()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw IngestError("\(path): no such file or folder; check the path")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let url = URL(fileURLWithPath: path)
            let enumerator = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            var found = [String]()
            while let item = enumerator?.nextObject() as? URL {
                if (try? item.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    found.append(path.hasSuffix("/") ? path + item.path.dropFirst(url.path.count + 1)
                                                     : path + "/" + item.path.dropFirst(url.path.count + 1))
                }
            }
            files += found.sorted()
        }
        return files
    }
}

/// A problem with the ingest as a whole (not with a record, which is quarantined instead).
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
