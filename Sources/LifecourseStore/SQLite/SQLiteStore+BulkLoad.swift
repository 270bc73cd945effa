import Foundation
import GRDB

/// Large first loads. Inserting row by row into indexes by person is slow once the indexes outgrow the page cache
/// (every research ID lands on a random page): on 881 MB of claims, 390 s with them against 228 s without them plus
/// 16 s to build them afterwards. A bulk load therefore drops the research zone's `*_person` indexes, remembering
/// their definitions in `suspended_index`, and builds them again at its end. If it is interrupted, the next
/// opening of the store builds them (``SQLiteStore/open(directory:key:)``).
extension SQLiteStore {
    /// Drops the research zone's indexes by person, keeping their definitions to build them again.
    public func suspendPersonIndexes() throws {
        try pool.write { db in
            let indexes = try Row.fetchAll(db, sql: "SELECT name, sql " + Self.personIndexesSQL)
            for index in indexes {
                let name: String = index["name"]
                try db.execute(sql: "INSERT OR REPLACE INTO suspended_index (name, sql) VALUES (?, ?)",
                               arguments: [name, index["sql"] as String])
                try db.execute(sql: "DROP INDEX research.\(name)")
            }
        }
    }

    /// Builds the indexes a bulk load dropped (nothing when none are suspended).
    public func restoreSuspendedIndexes() throws {
        try pool.write { db in
            // The reading threads have finished by now: SQLite may sort each index on every core.
            try db.execute(sql: "PRAGMA threads = \(min(ProcessInfo.processInfo.activeProcessorCount, 8))")
            for index in try Row.fetchAll(db, sql: "SELECT name, sql FROM suspended_index ORDER BY name") {
                let name: String = index["name"]
                let sql: String = index["sql"]
                guard let on = sql.range(of: " ON ") else { continue }
                try db.execute(sql: "CREATE INDEX IF NOT EXISTS research.\(name)" + sql[on.lowerBound...])
            }
            try db.execute(sql: "DELETE FROM suspended_index")
        }
    }

    /// The research zone's indexes by person, after `SELECT` and the columns wanted.
    static let personIndexesSQL = """
        FROM research.sqlite_master WHERE type = 'index' AND name LIKE '%\\_person' ESCAPE '\\' ORDER BY name
        """

    /// The names of the indexes a bulk load dropped and has not built again.
    public func suspendedIndexes() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM suspended_index ORDER BY name") }
    }

    /// The research zone's size on disk, with its write-ahead log.
    public var researchZoneBytes: Int {
        ["research.sqlite", "research.sqlite-wal"].reduce(0) { total, name in
            let path = directory.appendingPathComponent(name).path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
            return total + (size ?? 0)
        }
    }
}

extension StoreReader {
    /// The research zone's indexes by person that exist now (for tests of bulk loads).
    func personIndexNames() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name " + SQLiteStore.personIndexesSQL)
    }
}
