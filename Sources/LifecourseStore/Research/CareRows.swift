public import LifecourseCore

/// A 要介護認定 for `research.care_certification`.
public struct CareCertificationRow: Sendable, Hashable {
    public var person: ResearchID
    /// 要介護状態区分 code (01, 12–13, 21–25).
    public var level: String
    public var certifiedOn: CalendarDate
    public var validFrom: CalendarDate
    public var validUntil: CalendarDate
    public var insurer: String
    public var sourceRecordID: Int64

    public init(person: ResearchID, level: String, certifiedOn: CalendarDate, validFrom: CalendarDate,
                validUntil: CalendarDate, insurer: String, sourceRecordID: Int64) {
        self.person = person
        self.level = level
        self.certifiedOn = certifiedOn
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.insurer = insurer
        self.sourceRecordID = sourceRecordID
    }
}

/// A month of one provider's care services for `research.care_claim`, with its services for `research.care_service`.
public struct CareClaimRow: Sendable, Hashable {
    public var person: ResearchID
    public var serviceMonth: YearMonth
    public var provider: String
    public var insurer: String
    public var level: String
    public var services: [CareService]
    public var sourceRecordID: Int64

    public init(person: ResearchID, serviceMonth: YearMonth, provider: String, insurer: String, level: String,
                services: [CareService], sourceRecordID: Int64) {
        self.person = person
        self.serviceMonth = serviceMonth
        self.provider = provider
        self.insurer = insurer
        self.level = level
        self.services = services
        self.sourceRecordID = sourceRecordID
    }
}

extension StoreTransaction {
    public func insertCareCertification(_ row: CareCertificationRow) throws {
        try insertRow("""
            INSERT INTO research.care_certification (person_id, care_level, certified_on, valid_from, valid_until,
                insurer, source_record_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.level); $0.add(row.certifiedOn.description);
            $0.add(row.validFrom.description); $0.add(row.validUntil.description); $0.add(row.insurer);
            $0.add(row.sourceRecordID)
        }
    }

    public func insertCareClaim(_ row: CareClaimRow) throws {
        let id = try insertRow("""
            INSERT INTO research.care_claim (person_id, service_month, provider, insurer, care_level, total_units,
                source_record_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.serviceMonth.description); $0.add(row.provider);
            $0.add(row.insurer); $0.add(row.level); $0.add(row.services.reduce(0) { $0 + $1.units });
            $0.add(row.sourceRecordID)
        }
        for service in row.services {
            try insertRow("""
                INSERT INTO research.care_service (care_claim_id, person_id, service_month, service_kind, units, days)
                VALUES (?, ?, ?, ?, ?, ?)
                """) {
                $0.add(id); $0.add(row.person.rawValue); $0.add(row.serviceMonth.description); $0.add(service.kind);
                $0.add(service.units); $0.add(service.days)
            }
        }
    }
}
