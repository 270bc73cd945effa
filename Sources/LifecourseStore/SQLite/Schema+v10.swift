/// Version 10 of the store: DPC stays and 歯科 diagnoses.
///
/// A DPC claim bills a stay under a diagnosis group (診断群分類): `dpc_stay` keeps one row per DPC claim with the
/// group, the stay's dates, the hospital's coefficient and the month's bundled (包括) points; `dpc_bundle` one row
/// per length-of-stay band billed (points per day × days). Conditions gain the ICD-10 code a DPC claim writes
/// beside its own code, and the body site (歯式, the teeth) of a 歯科 diagnosis.
enum SchemaV10 {
    static let dpc = """
        ALTER TABLE research.condition_occurrence ADD COLUMN icd10 TEXT;
        ALTER TABLE research.condition_occurrence ADD COLUMN body_site TEXT;
        CREATE TABLE research.dpc_stay (
            dpc_stay_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            claim_id INTEGER NOT NULL REFERENCES claim(claim_id),
            group_code TEXT NOT NULL,
            mdc6 TEXT NOT NULL,
            admission_date TEXT NOT NULL,
            discharge_date TEXT,
            dpc_outcome INTEGER,
            coefficient REAL,
            bundled_points INTEGER,
            adjustment_points INTEGER,
            month_points INTEGER,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.dpc_stay_person ON dpc_stay(person_id);
        CREATE INDEX research.dpc_stay_source ON dpc_stay(source_record_id);
        CREATE TABLE research.dpc_bundle (
            dpc_bundle_id INTEGER PRIMARY KEY,
            dpc_stay_id INTEGER NOT NULL REFERENCES dpc_stay(dpc_stay_id),
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            service_month TEXT NOT NULL,
            adjustment TEXT NOT NULL,
            period TEXT NOT NULL,
            points_per_day INTEGER NOT NULL,
            days INTEGER NOT NULL,
            subtotal INTEGER NOT NULL,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id),
            source_line INTEGER
        );
        CREATE INDEX research.dpc_bundle_stay ON dpc_bundle(dpc_stay_id);
        """
}
