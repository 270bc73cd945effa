import GRDB

/// The store's schema versions, applied in order and recorded in `grdb_migrations`.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-zones") { db in
            try db.execute(sql: """
                CREATE TABLE store_info (
                    key_check BLOB NOT NULL,
                    key_fingerprint TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """)
            try db.execute(sql: SchemaV1.vault)
            try db.execute(sql: SchemaV1.research)
            try db.execute(sql: SchemaV1.governance)
        }
        // 調剤 claims name the institution whose prescriptions they fill.
        migrator.registerMigration("v2-prescriber") { db in
            try db.execute(sql: "ALTER TABLE research.claim ADD COLUMN prescriber TEXT")
        }
        // Death certificates (and later SS-MIX2 and checkups) carry addresses; deaths get their own tables.
        migrator.registerMigration("v3-deaths") { db in
            try db.execute(sql: "ALTER TABLE vault.identity ADD COLUMN sealed_address BLOB")
            try db.execute(sql: SchemaV3.deaths)
        }
        migrator.registerMigration("v4-care") { db in
            try db.execute(sql: SchemaV4.care)
        }
        migrator.registerMigration("v5-masters") { db in
            try db.execute(sql: SchemaV5.masters)
        }
        // The レセプト種別 decoded, so that statistics select by payer, person kind and setting without parsing codes.
        migrator.registerMigration("v6-claim-type") { db in
            try db.execute(sql: """
                ALTER TABLE research.claim ADD COLUMN payer_kind TEXT;
                ALTER TABLE research.claim ADD COLUMN person_kind TEXT;
                ALTER TABLE research.claim ADD COLUMN inpatient INTEGER;
                """)
        }
        migrator.registerMigration("v7-cost") { db in
            try db.execute(sql: SchemaV7.cost)
        }
        // One lineage row per claim rather than per record: a claim's events point to its RE record and keep their
        // own line (a third of the rows an ingest wrote were lineage).
        migrator.registerMigration("v8-source-line") { db in
            for table in ["condition_occurrence", "drug_exposure", "procedure_occurrence", "device_exposure", "note"] {
                try db.execute(sql: "ALTER TABLE research.\(table) ADD COLUMN source_line INTEGER")
            }
            // A file received again is checked against the units it stored: from its lineage rows (by file) to the
            // unit rows, which needs these indexes (without them every file scanned every unit table).
            for table in ["claim", "death", "care_certification", "care_claim"] {
                try db.execute(sql: "CREATE INDEX research.\(table)_source ON \(table)(source_record_id)")
            }
        }
        // Indexes a bulk load dropped, to build again at its end or at the next opening (SQLiteStore+BulkLoad).
        migrator.registerMigration("v9-suspended-index") { db in
            try db.execute(sql: "CREATE TABLE suspended_index (name TEXT PRIMARY KEY, sql TEXT NOT NULL)")
        }
        migrator.registerMigration("v10-dpc-dental") { db in
            try db.execute(sql: SchemaV10.dpc)
        }
        migrator.registerMigration("v11-records") { db in
            try db.execute(sql: SchemaV11.records)
        }
        migrator.registerMigration("v12-linkage") { db in
            try db.execute(sql: SchemaV12.linkage)
        }
        migrator.registerMigration("v13-provision") { db in
            try db.execute(sql: SchemaV13.provision)
        }
        migrator.registerMigration("v14-statistics") { db in
            try db.execute(sql: SchemaV14.statistics)
        }
        migrator.registerMigration("v15-privacy-budget") { db in
            try db.execute(sql: SchemaV15.privacyBudget)
        }
        return migrator
    }
}
