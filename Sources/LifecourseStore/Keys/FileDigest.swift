import Crypto
public import Foundation

/// The SHA-256 of a file, read in chunks: the identity of a received file in its receipt record.
public enum FileDigest {
    /// - Throws: the file system's error when the file cannot be read.
    public static func sha256(path: String, chunkSize: Int = 1 << 20) throws -> Data {
        try read(path: path, chunkSize: chunkSize).sha256
    }

    /// The SHA-256 of bytes in memory.
    public static func sha256(_ data: Data) -> Data { Data(SHA256.hash(data: data)) }

    /// The SHA-256 and the size in bytes of a file, from one reading.
    /// - Throws: the file system's error when the file cannot be read.
    public static func read(path: String, chunkSize: Int = 1 << 20) throws -> (sha256: Data, size: Int) {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
        }
        return (Data(hasher.finalize()), size)
    }
}
