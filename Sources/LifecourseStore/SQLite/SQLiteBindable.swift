import Foundation
import GRDB
import GRDBSQLite

/// A value bound straight to a prepared statement with SQLite's own calls, for the inserts of a bulk ingest:
/// GRDB's `StatementArguments` wrap every value in a `DatabaseValue` inside an array, which costs about three
/// times the insert itself (DESIGN.md: ≈ 290k against ≈ 830k rows/s).
protocol SQLiteBindable {
    /// Binds the value to parameter `index` (from 1); returns SQLite's result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

/// SQLite copies text and blobs it is given with this destructor before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Int64: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self) }
}

extension Int: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Bool: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int(statement, index, self ? 1 : 0) }
}

extension Double: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_double(statement, index, self) }
}

extension String: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { bytes in
            // Empty text is still text, not NULL: SQLite needs a non-null pointer for that.
            let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            return sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
    }
}

extension Data: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeBytes { bytes in
            // An empty blob is still a blob, not NULL: SQLite needs a non-null pointer for that.
            sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, Int32(bytes.count), transient)
        }
    }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .some(let value): value.bind(to: statement, at: index)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}

extension StoreTransaction {
    /// Runs a cached insert with its values bound directly (see ``SQLiteBindable``); returns the new row's id.
    @discardableResult
    func insertRow<each Value: SQLiteBindable>(_ sql: StaticString, _ values: repeat each Value) throws -> Int64 {
        let handle = try bound(sql, repeat each values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code, sql) }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Runs a cached query with its values bound directly and hands each result row to `row`, for the lookups of
    /// a bulk ingest (GRDB's `Row` copies every value into a dictionary-like row first).
    func forEachRow<each Value: SQLiteBindable>(_ sql: StaticString, _ values: repeat each Value,
                                                row: (SQLiteColumns) throws -> Void) throws {
        let handle = try bound(sql, repeat each values)
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
    private func bound<each Value: SQLiteBindable>(_ sql: StaticString, _ values: repeat each Value) throws -> OpaquePointer {
        let handle = try statements.statement(sql, in: db).sqliteStatement
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            let code = value.bind(to: handle, at: index)
            guard code == SQLITE_OK else {
                sqlite3_reset(handle)
                throw failure(code, sql)
            }
        }
        guard index == sqlite3_bind_parameter_count(handle) else {
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
