/// Version 15 of the store: the privacy-budget ledger of differentially private tables.
///
/// `governance.privacy_budget` is the budget the review committee gave an application (申出): a total ε (and δ)
/// that all its differentially private tables together may spend (sequential composition). Each such table spends
/// its ε and δ in `governance.privacy_spend` before it is computed; a table that would go past the budget is
/// refused and spends nothing.
enum SchemaV15 {
    static let privacyBudget = """
        CREATE TABLE governance.privacy_budget (
            application TEXT PRIMARY KEY,
            epsilon REAL NOT NULL CHECK (epsilon > 0),
            delta REAL NOT NULL CHECK (delta >= 0),
            set_at TEXT NOT NULL
        );
        CREATE TABLE governance.privacy_spend (
            spend_id INTEGER PRIMARY KEY,
            application TEXT NOT NULL REFERENCES privacy_budget(application),
            table_name TEXT NOT NULL,
            epsilon REAL NOT NULL,
            delta REAL NOT NULL,
            spec_digest BLOB NOT NULL,
            spent_at TEXT NOT NULL
        );
        CREATE INDEX governance.privacy_spend_application ON privacy_spend(application);
        """
}
