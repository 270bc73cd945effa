/// Version 3 of the store: deaths from death certificates.
///
/// `research.death` follows OMOP CDM v5.4's death table (one row per person and certificate; the cause is the
/// underlying cause, the last cause written in part I); `research.death_cause` keeps every cause line (I ア–エ, II)
/// with its ICD-10 code, name and interval, as the certificate states them.
enum SchemaV3 {
    static let deaths = """
        CREATE TABLE research.death (
            death_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            death_date TEXT NOT NULL,
            death_datetime TEXT,
            death_type_concept_id INTEGER NOT NULL,
            cause_concept_id INTEGER NOT NULL DEFAULT 0,
            cause_source_value TEXT,
            cause_source_concept_id INTEGER NOT NULL DEFAULT 0,
            place TEXT,
            place_institution TEXT,
            manner TEXT,
            certifying_institution TEXT,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.death_person ON death(person_id);
        CREATE TABLE research.death_cause (
            death_id INTEGER NOT NULL REFERENCES death(death_id),
            line TEXT NOT NULL,
            icd10 TEXT NOT NULL,
            name TEXT,
            interval TEXT,
            PRIMARY KEY (death_id, line)
        ) WITHOUT ROWID;
        """
}
