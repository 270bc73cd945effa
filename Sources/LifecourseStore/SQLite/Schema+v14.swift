/// Version 14 of the store: an index of claims by institution, for statistical tables (統計情報) that class
/// institutions by the bed count (病床数) their claims state, looked up once per counted unit. Claims of one file
/// share their institution, so an ingest adds to the index in runs.
enum SchemaV14 {
    static let statistics = """
        CREATE INDEX research.claim_institution ON claim(institution, bed_count);
        """
}
