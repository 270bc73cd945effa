import Crypto
import Foundation
import GRDB

/// The content of one table, as a row count and a SHA-256 over its rows.
public struct TableDigest: Sendable, Hashable, Codable {
    public var rows: Int
    public var sha256: String
}

extension StoreReader {
    /// A digest of every table of every zone, in row order, leaving out encrypted columns (`sealed_*`, whose
    /// random nonces differ at every write) and timestamps (`*_at`).
    ///
    /// Two stores built from the same files with the same master key have the same digests; a store that
    /// changed has different ones. Used to check a restore, a re-ingest or a crash recovery. `excluding` leaves
    /// out more columns by name (e.g. `file_digest`, to compare the rows of two files that say the same thing).
    public func contentDigests(excluding excluded: Set<String> = []) throws -> [String: TableDigest] {
        var digests = [String: TableDigest]()
        for zone in SQLiteStore.zones {
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM \(zone).sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA \(zone).table_info(\(table))")
                    .map { $0["name"] as String }
                    .filter { !$0.hasPrefix("sealed_") && !$0.hasSuffix("_at") && !excluded.contains($0) }
                let order = try Row.fetchAll(db, sql: "PRAGMA \(zone).table_info(\(table))")
                    .filter { ($0["pk"] as Int) > 0 }.map { $0["name"] as String }
                var hasher = SHA256()
                var count = 0
                let sql = "SELECT \(columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")) FROM \(zone).\(table)"
                    + " ORDER BY \(order.isEmpty ? "rowid" : order.joined(separator: ", "))"
                let cursor = try String.fetchCursor(db, sql: sql)
                while let line = try cursor.next() {
                    hasher.update(data: Data(line.utf8))
                    hasher.update(data: Data([0x0A]))
                    count += 1
                }
                digests["\(zone).\(table)"] = TableDigest(rows: count, sha256: Data(hasher.finalize()).hex)
            }
        }
        return digests
    }
}
