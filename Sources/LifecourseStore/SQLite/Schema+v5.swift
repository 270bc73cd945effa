/// Version 5 of the store: the 支払基金 code masters, versioned by effective date.
///
/// `research.master_code` keeps every version of every code (a code renamed or re-mapped on a date has one row per
/// version, `valid_from` the version's first day, empty when the master gives none; `valid_until` its 廃止年月日 or
/// NULL). `research.master_import` records each master file loaded (by SHA-256), so loading it again changes nothing.
enum SchemaV5 {
    static let masters = """
        CREATE TABLE research.master_code (
            kind TEXT NOT NULL,
            code TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_until TEXT,
            name TEXT NOT NULL,
            kana TEXT,
            icd10 TEXT,
            icd10_second TEXT,
            yj_code TEXT,
            management_number TEXT,
            exchange_code TEXT,
            unit TEXT,
            amount REAL,
            master_import_id INTEGER NOT NULL,
            PRIMARY KEY (kind, code, valid_from)
        ) WITHOUT ROWID;
        CREATE TABLE research.master_import (
            master_import_id INTEGER PRIMARY KEY,
            file_digest BLOB NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            kind TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_loaded INTEGER NOT NULL,
            problems INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        );
        """
}
