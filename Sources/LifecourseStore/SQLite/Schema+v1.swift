/// Version 1 of the store: the three zones.
///
/// - `vault` (個人情報): identities with encrypted fields and blind keys; research-ID registry; raw records
///   of unknown types (encrypted).
/// - `research` (仮名加工 level): OMOP CDM v5.4-shaped tables keyed by research ID (`person_id`), plus `claim`
///   and the lineage table `source_record` that every clinical row points to. Columns after the OMOP ones
///   are Lifecourse's own (`source_vocabulary`, `points`, `source_record_id` …).
/// - `governance`: receipt records (受領記録) and quarantined claims (encrypted).
///
/// Encrypted columns are named `sealed_*` and timestamps `*_at`, so that content digests can leave them out
/// (see ``StoreReader/contentDigests()``).
enum SchemaV1 {
    static let vault = """
        CREATE TABLE vault.research_id (
            person_id INTEGER PRIMARY KEY,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'split', 'deleted')),
            redirect_to INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE TABLE vault.identity (
            identity_id INTEGER PRIMARY KEY,
            record_key BLOB NOT NULL UNIQUE,
            person_id INTEGER NOT NULL REFERENCES research_id(person_id),
            source_format TEXT NOT NULL,
            institution TEXT NOT NULL,
            sex TEXT NOT NULL,
            sealed_name BLOB,
            sealed_kana_name BLOB,
            sealed_birth_date BLOB,
            sealed_insurance BLOB,
            sealed_public_expense BLOB,
            sealed_patient_number BLOB,
            linked_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX vault.identity_person ON identity(person_id);
        CREATE TABLE vault.blind_key (
            key BLOB NOT NULL,
            kind TEXT NOT NULL,
            qualifier BLOB,
            identity_id INTEGER NOT NULL REFERENCES identity(identity_id) ON DELETE CASCADE,
            PRIMARY KEY (key, identity_id)
        ) WITHOUT ROWID;
        CREATE INDEX vault.blind_key_identity ON blind_key(identity_id);
        CREATE TABLE vault.raw_record (
            raw_record_id INTEGER PRIMARY KEY,
            file_digest BLOB NOT NULL,
            line INTEGER,
            record_type TEXT NOT NULL,
            person_id INTEGER,
            sealed_text BLOB NOT NULL
        );
        CREATE INDEX vault.raw_record_file ON raw_record(file_digest);
        """

    static let research = """
        CREATE TABLE research.source_record (
            source_record_id INTEGER PRIMARY KEY,
            file_digest BLOB NOT NULL,
            line INTEGER,
            byte_offset INTEGER,
            record_type TEXT NOT NULL,
            institution TEXT NOT NULL
        );
        CREATE INDEX research.source_record_file ON source_record(file_digest);
        CREATE TABLE research.person (
            person_id INTEGER PRIMARY KEY,
            gender_concept_id INTEGER NOT NULL,
            year_of_birth INTEGER,
            month_of_birth INTEGER,
            day_of_birth INTEGER,
            birth_datetime TEXT,
            race_concept_id INTEGER NOT NULL DEFAULT 0,
            ethnicity_concept_id INTEGER NOT NULL DEFAULT 0,
            location_id INTEGER,
            provider_id INTEGER,
            care_site_id INTEGER,
            person_source_value TEXT,
            gender_source_value TEXT,
            gender_source_concept_id INTEGER NOT NULL DEFAULT 0,
            race_source_value TEXT,
            race_source_concept_id INTEGER NOT NULL DEFAULT 0,
            ethnicity_source_value TEXT,
            ethnicity_source_concept_id INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE research.visit_occurrence (
            visit_occurrence_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            visit_concept_id INTEGER NOT NULL,
            visit_start_date TEXT NOT NULL,
            visit_start_datetime TEXT,
            visit_end_date TEXT NOT NULL,
            visit_end_datetime TEXT,
            visit_type_concept_id INTEGER NOT NULL,
            provider_id INTEGER,
            care_site_id INTEGER,
            visit_source_value TEXT,
            visit_source_concept_id INTEGER NOT NULL DEFAULT 0,
            admitted_from_concept_id INTEGER NOT NULL DEFAULT 0,
            admitted_from_source_value TEXT,
            discharged_to_concept_id INTEGER NOT NULL DEFAULT 0,
            discharged_to_source_value TEXT,
            preceding_visit_occurrence_id INTEGER,
            institution TEXT NOT NULL,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.visit_person ON visit_occurrence(person_id);
        CREATE TABLE research.claim (
            claim_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            visit_occurrence_id INTEGER REFERENCES visit_occurrence(visit_occurrence_id),
            institution TEXT NOT NULL,
            claim_number INTEGER NOT NULL,
            claim_type TEXT NOT NULL,
            payer_law_code TEXT,
            service_month TEXT NOT NULL,
            billing_month TEXT NOT NULL,
            points INTEGER,
            actual_days INTEGER,
            bed_count INTEGER,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.claim_person ON claim(person_id);
        CREATE TABLE research.condition_occurrence (
            condition_occurrence_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            condition_concept_id INTEGER NOT NULL DEFAULT 0,
            condition_start_date TEXT NOT NULL,
            condition_start_datetime TEXT,
            condition_end_date TEXT,
            condition_end_datetime TEXT,
            condition_type_concept_id INTEGER NOT NULL,
            condition_status_concept_id INTEGER NOT NULL DEFAULT 0,
            stop_reason TEXT,
            provider_id INTEGER,
            visit_occurrence_id INTEGER REFERENCES visit_occurrence(visit_occurrence_id),
            visit_detail_id INTEGER,
            condition_source_value TEXT NOT NULL,
            condition_source_concept_id INTEGER NOT NULL DEFAULT 0,
            condition_status_source_value TEXT,
            source_vocabulary TEXT NOT NULL,
            source_name TEXT,
            outcome INTEGER,
            modifiers TEXT,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.condition_person ON condition_occurrence(person_id, condition_start_date);
        CREATE TABLE research.drug_exposure (
            drug_exposure_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            drug_concept_id INTEGER NOT NULL DEFAULT 0,
            drug_exposure_start_date TEXT NOT NULL,
            drug_exposure_start_datetime TEXT,
            drug_exposure_end_date TEXT NOT NULL,
            drug_exposure_end_datetime TEXT,
            verbatim_end_date TEXT,
            drug_type_concept_id INTEGER NOT NULL,
            stop_reason TEXT,
            refills INTEGER,
            quantity REAL,
            days_supply INTEGER,
            sig TEXT,
            route_concept_id INTEGER NOT NULL DEFAULT 0,
            lot_number TEXT,
            provider_id INTEGER,
            visit_occurrence_id INTEGER REFERENCES visit_occurrence(visit_occurrence_id),
            visit_detail_id INTEGER,
            drug_source_value TEXT NOT NULL,
            drug_source_concept_id INTEGER NOT NULL DEFAULT 0,
            route_source_value TEXT,
            dose_unit_source_value TEXT,
            source_vocabulary TEXT NOT NULL,
            category TEXT,
            times INTEGER,
            points INTEGER,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.drug_person ON drug_exposure(person_id, drug_exposure_start_date);
        CREATE TABLE research.procedure_occurrence (
            procedure_occurrence_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            procedure_concept_id INTEGER NOT NULL DEFAULT 0,
            procedure_date TEXT NOT NULL,
            procedure_datetime TEXT,
            procedure_end_date TEXT,
            procedure_end_datetime TEXT,
            procedure_type_concept_id INTEGER NOT NULL,
            modifier_concept_id INTEGER NOT NULL DEFAULT 0,
            quantity INTEGER,
            provider_id INTEGER,
            visit_occurrence_id INTEGER REFERENCES visit_occurrence(visit_occurrence_id),
            visit_detail_id INTEGER,
            procedure_source_value TEXT NOT NULL,
            procedure_source_concept_id INTEGER NOT NULL DEFAULT 0,
            modifier_source_value TEXT,
            source_vocabulary TEXT NOT NULL,
            category TEXT,
            amount REAL,
            points INTEGER,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.procedure_person ON procedure_occurrence(person_id, procedure_date);
        CREATE TABLE research.device_exposure (
            device_exposure_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            device_concept_id INTEGER NOT NULL DEFAULT 0,
            device_exposure_start_date TEXT NOT NULL,
            device_exposure_start_datetime TEXT,
            device_exposure_end_date TEXT,
            device_exposure_end_datetime TEXT,
            device_type_concept_id INTEGER NOT NULL,
            unique_device_id TEXT,
            production_id TEXT,
            quantity REAL,
            provider_id INTEGER,
            visit_occurrence_id INTEGER REFERENCES visit_occurrence(visit_occurrence_id),
            visit_detail_id INTEGER,
            device_source_value TEXT NOT NULL,
            device_source_concept_id INTEGER NOT NULL DEFAULT 0,
            unit_concept_id INTEGER NOT NULL DEFAULT 0,
            unit_source_value TEXT,
            unit_source_concept_id INTEGER NOT NULL DEFAULT 0,
            source_vocabulary TEXT NOT NULL,
            source_name TEXT,
            category TEXT,
            times INTEGER,
            points INTEGER,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.device_person ON device_exposure(person_id, device_exposure_start_date);
        CREATE TABLE research.note (
            note_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            note_date TEXT NOT NULL,
            note_datetime TEXT,
            note_type_concept_id INTEGER NOT NULL,
            note_class_concept_id INTEGER NOT NULL DEFAULT 0,
            note_title TEXT,
            note_text TEXT NOT NULL,
            encoding_concept_id INTEGER NOT NULL DEFAULT 0,
            language_concept_id INTEGER NOT NULL DEFAULT 0,
            provider_id INTEGER,
            visit_occurrence_id INTEGER REFERENCES visit_occurrence(visit_occurrence_id),
            visit_detail_id INTEGER,
            note_source_value TEXT,
            note_event_id INTEGER,
            note_event_field_concept_id INTEGER NOT NULL DEFAULT 0,
            source_vocabulary TEXT NOT NULL,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.note_person ON note(person_id, note_date);
        """

    static let governance = """
        CREATE TABLE governance.receipt (
            receipt_id INTEGER PRIMARY KEY,
            file_digest BLOB NOT NULL UNIQUE,
            sealed_file_name BLOB NOT NULL,
            file_size INTEGER NOT NULL,
            format TEXT NOT NULL,
            institution TEXT,
            received_at TEXT NOT NULL,
            records_read INTEGER NOT NULL,
            units_read INTEGER NOT NULL,
            units_accepted INTEGER NOT NULL,
            units_quarantined INTEGER NOT NULL,
            unknown_records INTEGER NOT NULL,
            sealed_warnings BLOB
        );
        CREATE TABLE governance.quarantine (
            quarantine_id INTEGER PRIMARY KEY,
            receipt_id INTEGER NOT NULL REFERENCES receipt(receipt_id),
            first_line INTEGER,
            last_line INTEGER,
            problem_line INTEGER,
            problem_column INTEGER,
            problem_count INTEGER NOT NULL,
            sealed_problem BLOB NOT NULL,
            sealed_raw BLOB NOT NULL,
            quarantined_at TEXT NOT NULL
        );
        CREATE INDEX governance.quarantine_receipt ON quarantine(receipt_id);
        """
}
