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
                let info = try Row.fetchAll(db, sql: "PRAGMA \(zone).table_info(\(table))")
                let columns = info.map { $0["name"] as String }
                    .filter { !$0.hasPrefix("sealed_") && !$0.hasSuffix("_at") && !excluded.contains($0) }
                let order = info.filter { ($0["pk"] as Int) > 0 }.map { $0["name"] as String }
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

extension StoreReader {
    /// A SHA-256 that names the state of the research data cheaply: the files received (in order), the masters
    /// loaded, and the last linkage change. Two stores with the same inputs and links have the same state digest;
    /// a table computed from a store says which state it was computed from.
    public func stateDigest() throws -> String {
        var hasher = SHA256()
        for (label, sql) in [
            ("receipt", "SELECT receipt_id, file_digest FROM governance.receipt ORDER BY receipt_id"),
            ("master", "SELECT master_import_id, file_digest FROM research.master_import ORDER BY master_import_id"),
        ] {
            for row in try Row.fetchAll(db, sql: sql) {
                hasher.update(data: Data("\(label) \(row[0] as Int64) \((row[1] as Data).hex)\n".utf8))
            }
        }
        let links = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(event_id), 0) FROM vault.link_event") ?? 0
        hasher.update(data: Data("links \(links)\n".utf8))
        return Data(hasher.finalize()).hex
    }
}
