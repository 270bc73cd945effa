import Foundation

/// The files named on a command line: files as given, folders walked recursively (hidden entries skipped),
/// each folder's files in name order — except that a FHIR Bulk Data export's Patient files (`Patient*.ndjson`) come
/// first, since the files of its other resource types refer to their Patients.
public enum InputFiles {
    /// - Throws: ``IngestError`` when a path does not exist or a folder cannot be read.
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
            var found = [String]()
            try walk(path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found)
            // Each path is looked at once (sorting with a key computed per comparison cost a second per 12,000 files).
            let patients = found.filter(isPatientExport)
            files += patients.sorted() + (patients.isEmpty ? found : found.filter { !isPatientExport($0) }).sorted()
        }
        return files
    }

    /// Whether a path names a FHIR Bulk Data export of Patients (`Patient.ndjson`, `Patient.000.ndjson` …).
    static func isPatientExport(_ path: String) -> Bool {
        guard path.hasSuffix(".ndjson") else { return false }
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
        return name.hasPrefix("Patient")
    }

    /// The total size of files in bytes (a file that cannot be examined counts as empty).
    public static func totalBytes(_ files: [String]) -> Int {
        files.reduce(0) { total, path in
            var status = stat()
            return total + (stat(path, &status) == 0 ? Int(status.st_size) : 0)
        }
    }

    /// Adds the regular files under `folder`, following the entries' types as the directory reports them
    /// (`readdir`), with a `stat` only when it does not say: Foundation's URL enumeration cost a second per
    /// 8,000 files.
    private static func walk(_ folder: String, into found: inout [String]) throws(IngestError) {
        guard let directory = opendir(folder) else {
            throw IngestError("\(folder): the folder cannot be read (\(String(cString: strerror(errno)))); check its permissions")
        }
        defer { closedir(directory) }
        var folders = [String]()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): found.append(path)
            case Int32(DT_DIR): folders.append(path)
            default:
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFREG { found.append(path) }
            }
        }
        for child in folders { try walk(child, into: &found) }
    }
}

/// A problem with the ingest as a whole (not with a record, which is quarantined instead).
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
