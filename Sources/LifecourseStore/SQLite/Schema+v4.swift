/// Version 4 of the store: long-term care.
///
/// `research.care_certification` holds each 要介護認定 (level and period); `research.care_claim` one row per
/// month of one provider's services (介護給付費明細書) and `research.care_service` its services by kind. Both are
/// keyed by research ID; the insurer number is the municipality's, not the person's. The care card
/// (被保険者番号) goes to the vault.
enum SchemaV4 {
    static let care = """
        ALTER TABLE vault.identity ADD COLUMN sealed_care_insurance BLOB;
        CREATE TABLE research.care_certification (
            care_certification_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            care_level TEXT NOT NULL,
            certified_on TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            insurer TEXT NOT NULL,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.care_certification_person ON care_certification(person_id);
        CREATE TABLE research.care_claim (
            care_claim_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            service_month TEXT NOT NULL,
            provider TEXT NOT NULL,
            insurer TEXT NOT NULL,
            care_level TEXT NOT NULL,
            total_units INTEGER NOT NULL,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.care_claim_person ON care_claim(person_id);
        CREATE TABLE research.care_service (
            care_service_id INTEGER PRIMARY KEY,
            care_claim_id INTEGER NOT NULL REFERENCES care_claim(care_claim_id),
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            service_month TEXT NOT NULL,
            service_kind TEXT NOT NULL,
            units INTEGER NOT NULL,
            days INTEGER NOT NULL
        );
        CREATE INDEX research.care_service_person ON care_service(person_id);
        """
}
