public import Foundation
import GRDB
import LifecourseCore

/// The embedded store: four SQLite files in one data directory, in WAL mode.
///
/// `lifecourse.sqlite` holds the schema version and the key check; `vault.sqlite`, `research.sqlite` and
/// `governance.sqlite` are the three zones, attached under those schema names so that SQL reads
/// `research.person` as it would on PostgreSQL. The zones are separate files so that the research store can
/// be copied or backed up without the vault.
///
/// ```swift
/// let store = try SQLiteStore.open(directory: dataDirectory, environment: ProcessInfo.processInfo.environment)
/// try store.write { transaction in … }   // one transaction over all zones
/// ```
public final class SQLiteStore: Sendable {
    public static let zones = ["vault", "research", "governance"]
    public static let mainFileName = "lifecourse.sqlite"
    /// The page cache of each zone for the writing connection, in KiB. The vault's indexes are keyed by HMACs, so
    /// an ingest inserts all over them, and every page of them it cannot keep is written out and read back: on
    /// 100,000 persons' claims a 128 MB cache took a fifth of the kernel's writing away (a 32 MB one spilled pages
    /// for most new identities). The research zone mostly appends (a bulk load drops its indexes by person), so its
    /// cache keeps the ends of its B-trees, and 32 MB of it went to the vault, the total staying as it was (with
    /// 64 MB more for the vault, 300,000 persons' claims were stored some 2 % faster, at 37 MB more memory).
    static let cacheKiB = ["vault": 163840, "research": 32768, "governance": 8192]

    public let directory: URL
    public let keys: KeyRing
    let pool: DatabasePool

    private init(directory: URL, keys: KeyRing, pool: DatabasePool) {
        self.directory = directory
        self.keys = keys
        self.pool = pool
    }

    /// Opens the store in `directory`, creating the directory, the key and the store on first use.
    /// - Parameters:
    ///   - environment: where `LIFECOURSE_MASTER_KEY` may be given.
    /// - Throws: ``StoreError`` when the key is missing or wrong, or the store cannot be opened.
    public static func open(directory: URL, environment: [String: String]) throws(StoreError) -> SQLiteStore {
        do {
            // Only the owner may enter the data directory: it holds the key and the vault.
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .database(directory.path, error)
        }
        let mainPath = directory.appendingPathComponent(mainFileName).path
        let exists = FileManager.default.fileExists(atPath: mainPath)
        let key = try MasterKey.locate(directory: directory, environment: environment, storeExists: exists)
        return try open(directory: directory, key: key)
    }

    /// Opens the store in `directory` with a given key.
    public static func open(directory: URL, key: MasterKey) throws(StoreError) -> SQLiteStore {
        let keys = KeyRing(key)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            for zone in SQLiteStore.zones {
                let path = directory.appendingPathComponent("\(zone).sqlite").path
                try db.execute(sql: "ATTACH DATABASE ? AS \(zone)", arguments: [path])
                if !db.configuration.readonly {
                    // 16 KiB pages for a new zone (SQLite keeps a file's page size once it has tables): the research
                    // zone grows by appending rows and index entries, and larger pages mean fewer pages to balance,
                    // shallower B-trees and fewer WAL frames (an ingest took about a tenth less CPU than with 4 KiB).
                    try db.execute(sql: "PRAGMA \(zone).page_size = 16384")
                    try db.execute(sql: "PRAGMA \(zone).journal_mode = WAL")
                    // In WAL mode NORMAL commits without an fsync each time: a crashed process loses nothing
                    // committed, a power cut may roll back the last files, which ``flush()`` makes durable.
                    try db.execute(sql: "PRAGMA \(zone).synchronous = NORMAL")
                    // A bulk ingest updates indexes all over their B-trees: with SQLite's 2 MB default cache their
                    // pages are written out and read back many times per batch. Sized per zone (KiB), within the
                    // ingest's memory budget of 500 MB.
                    try db.execute(sql: "PRAGMA \(zone).cache_size = -\(SQLiteStore.cacheKiB[zone] ?? 8192)")
                }
            }
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: directory.appendingPathComponent(mainFileName).path, configuration: configuration)
        } catch {
            throw .database(directory.path, error)
        }
        let store = SQLiteStore(directory: directory, keys: keys, pool: pool)
        try store.migrate()
        try store.checkKey(key)
        // A bulk load that was interrupted left its indexes dropped. Another process may be loading right now and
        // hold the write lock; then that load builds them at its end.
        try? store.restoreSuspendedIndexes()
        // SQLite gives its -wal and -shm files the mode of their database file.
        for file in store.files where !file.lastPathComponent.hasSuffix("-shm") {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        }
        return store
    }

    private func migrate() throws(StoreError) {
        do {
            let migrator = Migrations.migrator
            let unknown = try pool.read { db in
                try Set(migrator.appliedIdentifiers(db)).subtracting(migrator.migrations)
            }
            guard unknown.isEmpty else {
                throw StoreError.newerSchema(store: directory.path, unknown: unknown.sorted())
            }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(directory.path, error)
        }
    }

    /// Records the key check on a new store; compares it on an existing one.
    private func checkKey(_ key: MasterKey) throws(StoreError) {
        let expected = keys.keyCheckValue
        let stored: (Data, String)?
        do {
            stored = try pool.write { db -> (Data, String)? in
                if let row = try Row.fetchOne(db, sql: "SELECT key_check, key_fingerprint FROM store_info") {
                    return (row["key_check"], row["key_fingerprint"])
                }
                try db.execute(sql: "INSERT INTO store_info (key_check, key_fingerprint, created_at) VALUES (?, ?, ?)",
                               arguments: [expected, key.fingerprint, Timestamp.now()])
                return nil
            }
        } catch {
            throw .database(directory.path, error)
        }
        if let (check, fingerprint) = stored, check != expected {
            throw .wrongKey(store: directory.path, expected: fingerprint, given: key.fingerprint)
        }
    }

    /// Runs `body` in one write transaction over all zones: everything or nothing is stored.
    @discardableResult
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try pool.write { db in try body(StoreTransaction(db: db, keys: keys)) }
    }

    /// Like ``write(_:)`` without SQLite's foreign-key checks, for the ingest: every key its rows carry is one it
    /// has just inserted or looked up in the same transaction, so the checks (a B-tree lookup into each parent
    /// table for every row) prove nothing there. Every other connection and transaction keeps them on, and tests
    /// check the ingested store with `PRAGMA foreign_key_check`.
    @discardableResult
    public func writeWithoutForeignKeyChecks<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            // The pragma cannot change inside a transaction; it is set back whatever happens.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: T?
            try db.inTransaction {
                result = try body(StoreTransaction(db: db, keys: keys))
                return .commit
            }
            return result!
        }
    }

    /// The rows whose foreign keys point to no row (`PRAGMA foreign_key_check` on every zone), one line each:
    /// none in a sound store. Ingests insert without the checks (``writeWithoutForeignKeyChecks(_:)``); this proves
    /// what they stored.
    public func foreignKeyViolations() throws -> [String] {
        // On the writing connection: a reader's PRAGMA was seen to miss rows just committed (it may run before the
        // read transaction takes its snapshot of the attached zones).
        try pool.writeWithoutTransaction { db in
            try Self.zones.flatMap { zone in
                try Row.fetchAll(db, sql: "PRAGMA \(zone).foreign_key_check").map { row in
                    "\(zone).\(row[0] as String) row \(row[1] as Int64? ?? 0) → \(row[2] as String)"
                }
            }
        }
    }

    /// Makes everything committed durable on disk: checkpoints every zone's write-ahead log into its file, which
    /// SQLite syncs. Commits themselves do not sync (WAL with synchronous NORMAL), so a command that stored many
    /// files calls this once at its end rather than paying a sync per file.
    public func flush() throws {
        try pool.writeWithoutTransaction { db in
            for zone in Self.zones { try db.execute(sql: "PRAGMA \(zone).wal_checkpoint(FULL)") }
        }
    }

    /// Runs `body` on a consistent read-only view of all zones.
    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try pool.read { db in try body(StoreReader(db: db, keys: keys)) }
    }

    /// The files of the store, for backups and for checks that nothing is stored in plain text.
    public var files: [URL] {
        let names = [Self.mainFileName] + Self.zones.map { "\($0).sqlite" }
        return names.flatMap { name in
            ["", "-wal", "-shm"].map { directory.appendingPathComponent(name + $0) }
        }.filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}

/// Timestamps as the store writes them: UTC, ISO 8601 with milliseconds.
public enum Timestamp {
    public static func now() -> String { text(Date()) }

    /// `2026-11-27T00:56:05.754Z`, as Foundation's ISO 8601 style writes it, without building a formatter each
    /// time (an ingest stamps every file's receipt).
    public static func text(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let ofDay = milliseconds - days * 86_400_000
        let time = [ofDay / 3_600_000, ofDay / 60_000 % 60, ofDay / 1000 % 60].map { $0.zeroPadded(to: 2) }
        return "\(CalendarDate(daysSinceEpoch: days))T\(time.joined(separator: ":")).\((ofDay % 1000).zeroPadded(to: 3))Z"
    }
}
