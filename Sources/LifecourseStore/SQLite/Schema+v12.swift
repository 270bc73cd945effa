/// Version 12 of the store: person linkage beyond exact keys (名寄せ), reviewable and reversible.
///
/// - `vault.identity.linked_to`: the identity the deterministic tier matched (its edge), and `file_digest`: the
///   digest of the file the identity first came in (a file lists each person once: the one-to-one constraint).
/// - `research.source_record.identity_id`: which identity a unit belongs to, so that a split moves each unit's rows
///   to the person its identity went to. It is the vault's internal number, not an identifier of the person.
/// - `vault.link_model`: trained Fellegi–Sunter models, sealed (they hold name frequencies), by version.
/// - `vault.link_decision`: what people decided — must-link (review accepted, merge) and cannot-link (review
///   rejected, split) between two identities, with who and why; a later decision on the same persons supersedes.
/// - `vault.link_review`: pairs scored between the thresholds, waiting for a person.
/// - `vault.link_event`: every change of research ID a linkage run or a decision made (link, merge, split,
///   new), with its source (rule, model, reviewer), score, model version and time.
/// - `vault.link_run`: each run, with the last identity and decision it took in (the next run starts after them).
/// - `governance.audit_event`: the hash-chained audit trail (each event's hash covers the previous one's).
enum SchemaV12 {
    static let linkage = """
        ALTER TABLE vault.identity ADD COLUMN linked_to INTEGER;
        ALTER TABLE vault.identity ADD COLUMN file_digest BLOB;
        ALTER TABLE research.source_record ADD COLUMN identity_id INTEGER;
        CREATE TABLE vault.link_model (
            model_version INTEGER PRIMARY KEY,
            sealed_parameters BLOB NOT NULL,
            identities INTEGER NOT NULL,
            trained_at TEXT NOT NULL
        );
        CREATE TABLE vault.link_decision (
            decision_id INTEGER PRIMARY KEY,
            constraint_kind TEXT NOT NULL CHECK (constraint_kind IN ('must-link', 'cannot-link')),
            identity_a INTEGER NOT NULL REFERENCES identity(identity_id),
            identity_b INTEGER NOT NULL REFERENCES identity(identity_id),
            action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'merge', 'split')),
            actor TEXT NOT NULL,
            reason TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            superseded_by INTEGER
        );
        CREATE TABLE vault.link_review (
            identity_a INTEGER NOT NULL,
            identity_b INTEGER NOT NULL,
            probability REAL NOT NULL,
            weight REAL NOT NULL,
            model_version INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
            created_at TEXT NOT NULL,
            decision_id INTEGER,
            PRIMARY KEY (identity_a, identity_b)
        ) WITHOUT ROWID;
        CREATE TABLE vault.link_event (
            event_id INTEGER PRIMARY KEY,
            run_id INTEGER,
            kind TEXT NOT NULL CHECK (kind IN ('link', 'merge', 'split', 'new')),
            person_from INTEGER,
            person_to INTEGER,
            identity_a INTEGER,
            identity_b INTEGER,
            source TEXT NOT NULL,
            probability REAL,
            weight REAL,
            model_version INTEGER,
            actor TEXT,
            reason TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX vault.link_event_from ON link_event(person_from);
        CREATE INDEX vault.link_event_to ON link_event(person_to);
        CREATE TABLE vault.link_run (
            run_id INTEGER PRIMARY KEY,
            mode TEXT NOT NULL,
            model_version INTEGER NOT NULL,
            last_identity INTEGER NOT NULL,
            last_decision INTEGER NOT NULL,
            identities INTEGER NOT NULL,
            pairs_scored INTEGER NOT NULL,
            merges INTEGER NOT NULL,
            splits INTEGER NOT NULL,
            review_pairs INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL
        );
        CREATE TABLE governance.audit_event (
            event_id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            reason TEXT NOT NULL,
            details TEXT NOT NULL,
            previous_hash BLOB NOT NULL,
            hash BLOB NOT NULL
        );
        """
}
