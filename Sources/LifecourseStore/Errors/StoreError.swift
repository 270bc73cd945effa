/// A problem opening or using the store, said so that the operator knows what to do.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case missingKey, wrongKey, badKey, keyFile, newerSchema, sealedDataDamaged, database, notFound, refusedQuery, budgetExceeded
    }

    private let kind: Kind
    /// What happened and what to do, as shown to the user.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The store exists but its master key is nowhere to be found.
    public static func missingKey(store: String, keyFile: String) -> StoreError {
        StoreError(.missingKey, """
            the store in \(store) exists but its master key is missing: restore \(keyFile) from your key backup \
            or set LIFECOURSE_MASTER_KEY. A new key is not created, because it could not read the identities \
            already stored.
            """)
    }

    /// The key given does not open this store.
    public static func wrongKey(store: String, expected: String, given: String) -> StoreError {
        StoreError(.wrongKey, """
            the master key (fingerprint \(given)) does not open the store in \(store), which was created with the \
            key of fingerprint \(expected): use that key (file master.key or LIFECOURSE_MASTER_KEY). Nothing was \
            changed.
            """)
    }

    /// A key in the environment or a key file is not 32 bytes.
    public static func badKey(_ source: String, _ problem: String) -> StoreError {
        StoreError(.badKey, "the master key in \(source) cannot be used: \(problem). A key is 32 random bytes: "
            + "a 32-byte file, or 64 hexadecimal digits or base64 in LIFECOURSE_MASTER_KEY.")
    }

    /// The key file cannot be created or read.
    public static func keyFile(_ path: String, _ problem: String) -> StoreError {
        StoreError(.keyFile, "the key file \(path) \(problem)")
    }

    /// The store was written by a newer Lifecourse.
    public static func newerSchema(store: String, unknown: [String]) -> StoreError {
        StoreError(.newerSchema, "the store in \(store) was upgraded by a newer Lifecourse (migrations "
            + "\(unknown.joined(separator: ", "))): use that version or newer.")
    }

    /// Encrypted data failed its integrity check: wrong key, or the file was altered.
    public static func sealedDataDamaged(_ what: String) -> StoreError {
        StoreError(.sealedDataDamaged, "the encrypted \(what) fails its integrity check: the store file was "
            + "altered or damaged. Restore it from a backup.")
    }

    /// The database refused an operation.
    public static func database(_ store: String, _ underlying: any Error) -> StoreError {
        StoreError(.database, "the database in \(store) reported: \(underlying)")
    }

    /// Something asked for by the user does not exist.
    public static func notFound(_ what: String) -> StoreError {
        StoreError(.notFound, what)
    }

    /// A query the store does not run (it would read a zone it may not).
    public static func refusedQuery(_ reason: String) -> StoreError {
        StoreError(.refusedQuery, "the query was refused: \(reason)")
    }

    /// A differentially private table that the application's privacy budget does not allow.
    public static func budgetExceeded(_ reason: String) -> StoreError {
        StoreError(.budgetExceeded, "the privacy budget refuses: \(reason)")
    }

    /// Whether two errors are of the same kind.
    public func isSameKind(as other: StoreError) -> Bool { kind == other.kind }

    public var description: String { message }
}
