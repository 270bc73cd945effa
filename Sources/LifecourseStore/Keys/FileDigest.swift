import Crypto
public import Foundation

/// The SHA-256 of a file, read in chunks: the identity of a received file in its receipt record.
public enum FileDigest {
    /// - Throws: the file system's error when the file cannot be read.
    public static func sha256(path: String, chunkSize: Int = 1 << 20) throws -> Data {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return Data(hasher.finalize())
    }
}
