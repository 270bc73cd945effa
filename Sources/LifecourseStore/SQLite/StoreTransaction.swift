import Foundation
import GRDB

/// One write transaction over the vault, research and governance zones (see ``SQLiteStore/write(_:)``).
/// Its methods are grouped by zone in `StoreTransaction+Vault`, `+Research` and `+Governance`.
public struct StoreTransaction {
    /// Reads inside the transaction see its own writes.
    public let reader: StoreReader
    let statements = StatementMemo()
    let arena = BindingArena()

    init(db: Database, keys: KeyRing) {
        reader = StoreReader(db: db, keys: keys)
    }

    var db: Database { reader.db }
    var keys: KeyRing { reader.keys }
    var vaultCipher: FieldCipher { reader.vaultCipher }
    var rawCipher: FieldCipher { reader.rawCipher }

    /// Runs a cached prepared statement.
    func execute(_ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// Runs `body` in a savepoint: when it throws, what it wrote is undone, the error is rethrown and the
    /// enclosing transaction goes on (one file of a batch fails, the others stay).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        guard let result else { preconditionFailure("a committed savepoint ran its body") }
        return result
    }

    /// Runs a cached insert and returns the new row's id.
    func insert(_ sql: String, _ arguments: StatementArguments) throws -> Int64 {
        try execute(sql, arguments)
        return db.lastInsertedRowID
    }
}

/// A read-only view of all zones (see ``SQLiteStore/read(_:)``).
public struct StoreReader {
    let db: Database
    let keys: KeyRing
    let vaultCipher: FieldCipher
    let rawCipher: FieldCipher

    init(db: Database, keys: KeyRing) {
        self.db = db
        self.keys = keys
        vaultCipher = FieldCipher(keys, vault: true)
        rawCipher = FieldCipher(keys, vault: false)
    }
}

extension Sequence<UInt8> {
    /// Lower-case hexadecimal, two digits a byte (used for every row's encryption context, so without
    /// `String(format:)`, which costs a formatter per byte).
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
