import Foundation
import GRDB
import GRDBSQLite

/// A value bound straight to a prepared statement with SQLite's own calls, for the inserts of a bulk ingest:
/// GRDB's `StatementArguments` wrap every value in a `DatabaseValue` inside an array, which costs about three
/// times the insert itself (DESIGN.md: ≈ 290k against ≈ 830k rows/s).
protocol SQLiteBindable {
    /// Binds the value to parameter `index` (from 1); returns SQLite's result code. Text and blobs are copied into
    /// `arena` when there is one (and room in it), else by SQLite.
    func bind(to statement: OpaquePointer, at index: Int32, arena: BindingArena?) -> Int32
}

/// SQLite copies text and blobs it is given with this destructor before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Int64: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32, arena: BindingArena?) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Int: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32, arena: BindingArena?) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Bool: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32, arena: BindingArena?) -> Int32 {
        sqlite3_bind_int(statement, index, self ? 1 : 0)
    }
}

extension Double: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32, arena: BindingArena?) -> Int32 {
        sqlite3_bind_double(statement, index, self)
    }
}

extension String: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32, arena: BindingArena?) -> Int32 {
        var text = self
        return text.withUTF8 { bytes in
            let (start, destructor) = BindingArena.place(UnsafeRawBufferPointer(bytes), in: arena)
            return sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), destructor)
        }
    }
}

extension Data: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32, arena: BindingArena?) -> Int32 {
        withUnsafeBytes { bytes in
            let (start, destructor) = BindingArena.place(bytes, in: arena)
            return sqlite3_bind_blob(statement, index, start, Int32(bytes.count), destructor)
        }
    }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32, arena: BindingArena?) -> Int32 {
        switch self {
        case .some(let value): value.bind(to: statement, at: index, arena: arena)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}

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
    /// Runs a cached insert with its values bound directly (see ``SQLiteBindable``); returns the new row's id.
    @discardableResult
    func insertRow<each Value: SQLiteBindable>(_ sql: StaticString, _ values: repeat each Value) throws -> Int64 {
        arena.reset()
        let handle = try bound(sql, repeat each values, arena: arena)
        defer {
            sqlite3_reset(handle)
            // Its text and blobs were in the arena, which the next insert overwrites.
            sqlite3_clear_bindings(handle)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code, sql) }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Runs a cached query with its values bound directly and hands each result row to `row`, for the lookups of
    /// a bulk ingest (GRDB's `Row` copies every value into a dictionary-like row first).
    func forEachRow<each Value: SQLiteBindable>(_ sql: StaticString, _ values: repeat each Value,
                                                row: (SQLiteColumns) throws -> Void) throws {
        let handle = try bound(sql, repeat each values, arena: nil)
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try row(SQLiteColumns(statement: handle))
            case SQLITE_DONE: return
            case let code: throw failure(code, sql)
            }
        }
    }

    /// The cached statement of `sql` with `values` bound to its parameters, all of them.
    private func bound<each Value: SQLiteBindable>(_ sql: StaticString, _ values: repeat each Value,
                                                   arena: BindingArena?) throws -> OpaquePointer {
        let handle = try statements.statement(sql, in: db).sqliteStatement
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            let code = value.bind(to: handle, at: index, arena: arena)
            guard code == SQLITE_OK else {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
                throw failure(code, sql)
            }
        }
        guard index == sqlite3_bind_parameter_count(handle) else {
            sqlite3_clear_bindings(handle)
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "\(index) values for \(sqlite3_bind_parameter_count(handle)) parameters", sql: sql.description)
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
