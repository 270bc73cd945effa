/// Version 7 of the store: what each payer of a claim is billed, after OMOP CDM v5.4's cost table.
///
/// One row per payer record of a claim (HO, then each KO), the claim being the cost event (`cost_domain_id`
/// `Visit`, as OMOP attaches claim-level costs). Points are kept as billed (1 point = 10 yen, so
/// `total_charge` is points × 10 in yen); `paid_by_patient` is the 負担金額 when the record states it.
enum SchemaV7 {
    static let cost = """
        CREATE TABLE research.cost (
            cost_id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(person_id),
            cost_event_id INTEGER NOT NULL REFERENCES claim(claim_id),
            cost_domain_id TEXT NOT NULL,
            cost_type_concept_id INTEGER NOT NULL,
            currency_concept_id INTEGER NOT NULL,
            payer_kind TEXT NOT NULL,
            payer_law_code TEXT,
            payer_order INTEGER NOT NULL,
            points INTEGER,
            total_charge INTEGER,
            paid_by_patient INTEGER,
            actual_days INTEGER,
            source_record_id INTEGER NOT NULL REFERENCES source_record(source_record_id)
        );
        CREATE INDEX research.cost_person ON cost(person_id);
        CREATE INDEX research.cost_event ON cost(cost_event_id);
        """
}
