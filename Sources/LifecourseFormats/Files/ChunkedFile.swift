import Foundation
import LifecourseCore

/// Reads a file in fixed-size chunks, so that readers never hold a whole file in memory.
public struct ChunkedFile: Sendable {
    public let path: String
    public let chunkSize: Int

    public init(path: String, chunkSize: Int = 256 * 1024) {
        self.path = path
        self.chunkSize = chunkSize
    }

    /// The whole file, for formats whose unit is a whole file (an SS-MIX2 message, a FHIR Bundle, a CDA document).
    /// - Throws: ``SourceError`` when the file cannot be read, or is larger than `limit` bytes (`unit` says what
    ///   the file should be, for the fix).
    public func bytes(limit: Int, unit: String) throws -> [UInt8] {
        var bytes = [UInt8]()
        try forEachChunk { chunk in
            bytes += chunk
            guard bytes.count <= limit else {
                throw SourceError(at: SourcePosition(file: path, byteOffset: limit),
                                  problem: "the file is larger than \(limit >> 20) MiB", fix: "check that it is \(unit)")
            }
        }
        return bytes
    }

    /// Calls `body` with each chunk in order.
    /// - Throws: ``SourceError`` when the file cannot be opened or read; whatever `body` throws.
    public func forEachChunk(_ body: ([UInt8]) throws -> Void) throws {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw SourceError(at: SourcePosition(file: path), problem: "the file cannot be opened (\(error.localizedDescription))",
                              fix: "check the path and that this user may read it")
        }
        defer { try? handle.close() }
        var offset = 0
        while true {
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkSize)
            } catch {
                throw SourceError(at: SourcePosition(file: path, byteOffset: offset),
                                  problem: "the file cannot be read (\(error.localizedDescription))",
                                  fix: "check the disk and the file, then run the command again")
            }
            guard let data, !data.isEmpty else { return }
            offset += data.count
            try body([UInt8](data))
        }
    }
}
