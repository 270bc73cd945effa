import Foundation
import GRDB
import GRDBSQLite

/// The values of a statement's parameters, bound in order straight to SQLite, for the inserts and lookups of a bulk
/// ingest. GRDB's `StatementArguments` wrap every value in a `DatabaseValue` inside an array, which costs about three
/// times the insert itself (DESIGN.md: ≈ 290k against ≈ 830k rows/s); values given as a parameter pack cost a
/// generic call per value (about 30 against 11 ns), so each kind of value has its own `add`, chosen when compiling.
struct StatementParameters {
    private let statement: OpaquePointer
    private let arena: BindingArena?
    /// How many values were added.
    private(set) var count: Int32 = 0
    /// SQLite's code for the first value it refused, or `SQLITE_OK`.
    private(set) var failure = SQLITE_OK

    fileprivate init(statement: OpaquePointer, arena: BindingArena?) {
        self.statement = statement
        self.arena = arena
    }

    @inline(__always) private mutating func next(_ bind: (OpaquePointer, Int32) -> Int32) {
        count += 1
        let code = bind(statement, count)
        if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
    }

    @inline(__always) mutating func addNull() { next { sqlite3_bind_null($0, $1) } }

    @inline(__always) mutating func add(_ value: Int64) { next { sqlite3_bind_int64($0, $1, value) } }

    @inline(__always) mutating func add(_ value: Int) { add(Int64(value)) }

    @inline(__always) mutating func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }

    @inline(__always) mutating func add(_ value: Double) { next { sqlite3_bind_double($0, $1, value) } }

    /// Text is copied into the arena when there is one with room, else by SQLite.
    @inline(__always) mutating func add(_ value: String) {
        var text = value
        let arena = arena
        next { statement, index in
            text.withUTF8 { bytes in
                let (start, destructor) = BindingArena.place(UnsafeRawBufferPointer(bytes), in: arena)
                let text = start.assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text(statement, index, text, Int32(bytes.count), destructor)
            }
        }
    }

    /// Blobs are copied into the arena when there is one with room, else by SQLite.
    @inline(__always) mutating func add(_ value: Data) {
        let arena = arena
        next { statement, index in
            value.withUnsafeBytes { bytes in
                let (start, destructor) = BindingArena.place(bytes, in: arena)
                return sqlite3_bind_blob(statement, index, start, Int32(bytes.count), destructor)
            }
        }
    }

    @inline(__always) mutating func add(_ value: Int64?) { if let value { add(value) } else { addNull() } }

    @inline(__always) mutating func add(_ value: Int?) { if let value { add(value) } else { addNull() } }

    @inline(__always) mutating func add(_ value: Bool?) { if let value { add(value) } else { addNull() } }

    @inline(__always) mutating func add(_ value: Double?) { if let value { add(value) } else { addNull() } }

    @inline(__always) mutating func add(_ value: String?) { if let value { add(value) } else { addNull() } }

    @inline(__always) mutating func add(_ value: Data?) { if let value { add(value) } else { addNull() } }
}

/// SQLite copies text and blobs it is given with this destructor before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Memory for the text and blobs of one insert, reused by the next: SQLite is told they stay put until the statement
/// has run (`SQLITE_STATIC`) instead of copying each into memory of its own and freeing it (a tenth of the writing
/// thread's work in a bulk ingest). Only ``StoreTransaction/insertRow(_:_:)`` uses it, which binds, steps and
/// clears its statement's bindings before anything else can reuse the memory.
final class BindingArena {
    static let capacity = 64 << 10
    private let base = UnsafeMutableRawPointer.allocate(byteCount: BindingArena.capacity, alignment: 16)
    private var used = 0

    deinit { base.deallocate() }

    /// Starts a new statement's values.
    func reset() { used = 0 }

    /// Where to bind `bytes` from, and how SQLite must treat them: a copy in `arena` when it has room (static),
    /// else the bytes themselves for SQLite to copy (transient). Empty text or blobs still get a non-null pointer:
    /// SQLite binds NULL for a null one.
    static func place(_ bytes: UnsafeRawBufferPointer,
                      in arena: BindingArena?) -> (UnsafeRawPointer, sqlite3_destructor_type?) {
        guard let arena, arena.used + bytes.count <= capacity else {
            return (bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, transient)
        }
        let start = arena.base + arena.used
        if let source = bytes.baseAddress { start.copyMemory(from: source, byteCount: bytes.count) }
        arena.used += bytes.count
        return (UnsafeRawPointer(start), nil)
    }
}

extension StoreTransaction {
    /// Runs a cached insert with the values `parameters` adds bound directly (see ``StatementParameters``);
    /// returns the new row's id.
    @discardableResult
    func insertRow(_ sql: StaticString, _ parameters: (inout StatementParameters) -> Void) throws -> Int64 {
        arena.reset()
        let handle = try bound(sql, parameters, arena: arena)
        defer {
            sqlite3_reset(handle)
            // Its text and blobs were in the arena, which the next insert overwrites.
            sqlite3_clear_bindings(handle)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code, sql) }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Runs a cached query with the values `parameters` adds bound directly and hands each result row to `row`, for
    /// the lookups of a bulk ingest (GRDB's `Row` copies every value into a dictionary-like row first).
    func forEachRow(_ sql: StaticString, _ parameters: (inout StatementParameters) -> Void,
                    row: (SQLiteColumns) throws -> Void) throws {
        let handle = try bound(sql, parameters, arena: nil)
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try row(SQLiteColumns(statement: handle))
            case SQLITE_DONE: return
            case let code: throw failure(code, sql)
            }
        }
    }

    /// The cached statement of `sql` with the values `parameters` adds bound to its parameters, all of them.
    @inline(__always)
    private func bound(_ sql: StaticString, _ parameters: (inout StatementParameters) -> Void,
                       arena: BindingArena?) throws -> OpaquePointer {
        let handle = try statements.statement(sql, in: db).sqliteStatement
        var values = StatementParameters(statement: handle, arena: arena)
        parameters(&values)
        guard values.failure == SQLITE_OK else {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            throw failure(values.failure, sql)
        }
        guard values.count == sqlite3_bind_parameter_count(handle) else {
            sqlite3_clear_bindings(handle)
            let expected = sqlite3_bind_parameter_count(handle)
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "\(values.count) values for \(expected) parameters",
                                sql: sql.description)
        }
        return handle
    }

    private func failure(_ code: Int32, _ sql: StaticString) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                      sql: sql.description)
    }
}

/// The columns of the current row of a statement stepped by ``StoreTransaction/forEachRow(_:_:row:)``, by index
/// from 0; valid only inside its call.
struct SQLiteColumns {
    let statement: OpaquePointer

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func text(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))),
                      as: UTF8.self)
    }

    func data(_ column: Int32) -> Data? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}

/// The prepared statements of one transaction's inserts, found by the address of their SQL text. The texts are
/// literals (`StaticString`), whose address never changes, so a row costs no hashing of its SQL; GRDB's cache,
/// keyed by the text, prepares each once per connection. Lives as long as its transaction.
final class StatementMemo {
    private var statements: [UnsafeRawPointer: Statement] = [:]

    func statement(_ sql: StaticString, in db: Database) throws -> Statement {
        let key = UnsafeRawPointer(sql.utf8Start)
        if let statement = statements[key] { return statement }
        let statement = try db.cachedStatement(sql: sql.description)
        statements[key] = statement
        return statement
    }
}
