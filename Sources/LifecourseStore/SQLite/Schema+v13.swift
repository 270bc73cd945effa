/// Version 13 of the store: provision records (提供記録) of releases.
///
/// `governance.provision` is what was provided to whom and when: the release's name, the recipient, the mode
/// (anonymized or pseudonymized), the tables and fields (`items`, JSON), how many persons, and digests of the
/// specification and of the files written. `governance.provision_person` lists each included person's research ID
/// with the pseudonym the release gave it — inside the store only: the files carry the pseudonyms alone, so a
/// release can be traced to its persons (and a person to every release that included them) without the releases
/// being joinable outside.
enum SchemaV13 {
    static let provision = """
        CREATE TABLE governance.provision (
            provision_id INTEGER PRIMARY KEY,
            release_name TEXT NOT NULL,
            recipient TEXT NOT NULL,
            mode TEXT NOT NULL,
            provided_at TEXT NOT NULL,
            items TEXT NOT NULL,
            persons INTEGER NOT NULL,
            spec_digest BLOB NOT NULL,
            files_digest BLOB NOT NULL
        );
        CREATE TABLE governance.provision_person (
            provision_id INTEGER NOT NULL REFERENCES provision(provision_id),
            person_id INTEGER NOT NULL,
            pseudonym TEXT NOT NULL,
            PRIMARY KEY (provision_id, person_id)
        ) WITHOUT ROWID;
        CREATE INDEX governance.provision_person_person ON provision_person(person_id);
        """
}
