public import Foundation
import ZIPFoundation

/// The files of a ZIP archive, read with ZIPFoundation (not with the project's own code), for tests.
public enum ZIPContents {
    /// Every file entry by its path inside the archive, in the archive's order.
    public static func files(of url: URL) throws -> [(path: String, data: Data)] {
        let archive = try Archive(url: url, accessMode: .read)
        var files = [(path: String, data: Data)]()
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files.append((entry.path, data))
        }
        return files
    }
}
