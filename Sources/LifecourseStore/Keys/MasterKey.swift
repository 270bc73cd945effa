import Crypto
public import Foundation

/// The 32-byte secret from which every key of a store is derived (see ``KeyRing``).
///
/// It lives in `master.key` in the data directory (created at first run with mode 0600), or is given in
/// `LIFECOURSE_MASTER_KEY` (64 hexadecimal digits or base64). Losing it makes the vault unreadable;
/// the store refuses to open with another key rather than silently creating new identities.
public struct MasterKey: Sendable, Hashable {
    public static let environmentVariable = "LIFECOURSE_MASTER_KEY"
    public static let fileName = "master.key"

    let bytes: [UInt8]

    /// Wraps 32 bytes.
    public init(bytes: [UInt8]) throws(StoreError) {
        guard bytes.count == 32 else {
            throw .badKey("the given bytes", "it has \(bytes.count) bytes, not 32")
        }
        self.bytes = bytes
    }

    /// Reads 64 hexadecimal digits or base64 of 32 bytes.
    public init(text: String, source: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 64, let bytes = MasterKey.hexBytes(trimmed) {
            self.bytes = bytes
        } else if let data = Data(base64Encoded: trimmed) {
            guard data.count == 32 else { throw .badKey(source, "it decodes to \(data.count) bytes, not 32") }
            bytes = [UInt8](data)
        } else {
            throw .badKey(source, "it is neither 64 hexadecimal digits nor base64")
        }
    }

    /// A new random key.
    public static func generate() -> MasterKey {
        var generator = SystemRandomNumberGenerator()
        return try! MasterKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// A short public name for the key (not secret): the first 8 hex digits of a hash of a derived key.
    public var fingerprint: String {
        let digest = SHA256.hash(data: KeyRing(self).keyCheck)
        return Array(digest.prefix(4)).hex
    }

    /// 64 hexadecimal digits, for `LIFECOURSE_MASTER_KEY`.
    public var hexText: String { bytes.hex }

    /// Finds the key for the store in `directory`: the environment first, then `master.key`; creates
    /// `master.key` (mode 0600) only when `storeExists` is false.
    /// - Throws: ``StoreError`` when the key is missing for an existing store, or cannot be read or written.
    public static func locate(directory: URL, environment: [String: String], storeExists: Bool) throws(StoreError) -> MasterKey {
        if let text = environment[environmentVariable], !text.isEmpty {
            return try MasterKey(text: text, source: environmentVariable)
        }
        let file = directory.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: file.path) {
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw .keyFile(file.path, "cannot be read (\(error.localizedDescription)): check its owner and mode")
            }
            guard data.count == 32 else {
                throw .badKey(file.path, "the file has \(data.count) bytes, not 32")
            }
            return try MasterKey(bytes: [UInt8](data))
        }
        guard !storeExists else {
            throw .missingKey(store: directory.path, keyFile: file.path)
        }
        let key = generate()
        try key.write(to: file)
        return key
    }

    /// Writes the key to a new file readable by its owner only; never overwrites.
    func write(to file: URL) throws(StoreError) {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw .keyFile(file.path, "cannot be created (errno \(errno)): check that the directory is writable")
        }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw .keyFile(file.path, "could not be written completely: check the free disk space")
        }
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes = [UInt8]()
        var iterator = text.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let value = UInt8(String([high, low]), radix: 16) else { return nil }
            bytes.append(value)
        }
        return bytes
    }
}
