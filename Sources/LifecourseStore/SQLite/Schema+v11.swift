/// Version 11 of the store: medical records (SS-MIX2) and checkups.
///
/// `measurement` (OMOP) holds laboratory results and body measurements by their code (JLAC10, a checkup item
/// code), as a number or a coded value, with the unit, the reference range and the abnormal flag as sent;
/// `observation` (OMOP) holds other facts such as allergies (category `allergy:DA` …) and questionnaire answers.
/// Drug orders fill drug_exposure's `days_supply` and `route_source_value`, which claims leave empty, and drugs
/// keep the name the source wrote (`source_name`: HOT9 codes have no master here).
///
/// `received_path` lets a second ingest of a folder skip the files it took before without reading them: one row
/// per file path (as a keyed hash, since SS-MIX2 paths hold patient IDs) with the size and modification time it
/// had and the SHA-256 of what was stored.
enum SchemaV11 {
    static let records = """
        CREATE TABLE research.measurement (
            measurement_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            measurement_concept_id INTEGER NOT NULL DEFAULT 0,
            measurement_date TEXT NOT NULL,
            measurement_type_concept_id INTEGER NOT NULL,
            value_as_number REAL,
            value_source_value TEXT,
            unit_source_value TEXT,
            range_low REAL,
            range_high REAL,
            range_source_value TEXT,
            abnormal_flag TEXT,
            visit_occurrence_id INTEGER REFERENCES visit_occurrence(visit_occurrence_id),
            measurement_source_value TEXT NOT NULL,
            source_vocabulary TEXT NOT NULL,
            source_name TEXT,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id),
            source_line INTEGER
        );
        CREATE INDEX research.measurement_person ON measurement(person_id, measurement_date);
        CREATE TABLE research.observation (
            observation_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            observation_concept_id INTEGER NOT NULL DEFAULT 0,
            observation_date TEXT NOT NULL,
            observation_type_concept_id INTEGER NOT NULL,
            category TEXT NOT NULL,
            value_as_number REAL,
            value_source_value TEXT,
            qualifier_source_value TEXT,
            visit_occurrence_id INTEGER REFERENCES visit_occurrence(visit_occurrence_id),
            observation_source_value TEXT NOT NULL,
            source_vocabulary TEXT NOT NULL,
            source_name TEXT,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id),
            source_line INTEGER
        );
        CREATE INDEX research.observation_person ON observation(person_id, observation_date);
        ALTER TABLE research.drug_exposure ADD COLUMN source_name TEXT;
        CREATE TABLE governance.received_path (
            path_key BLOB PRIMARY KEY,
            file_size INTEGER NOT NULL,
            modified_ns INTEGER NOT NULL,
            file_digest BLOB NOT NULL
        ) WITHOUT ROWID;
        """
}
