import GRDB
public import LifecourseCore

/// A person's long-term care: certifications and monthly care claims, oldest first.
public struct CareHistory: Sendable, Hashable, Codable {
    public struct Certification: Sendable, Hashable, Codable {
        /// 要介護状態区分 code (01, 12–13, 21–25).
        public var level: String
        public var certifiedOn: CalendarDate
        public var validFrom: CalendarDate
        public var validUntil: CalendarDate
    }

    public struct Claim: Sendable, Hashable, Codable {
        public var serviceMonth: YearMonth
        public var provider: String
        public var level: String
        public var totalUnits: Int
        public var services: [CareService]
    }

    public var certifications: [Certification]
    public var claims: [Claim]

    public var isEmpty: Bool { certifications.isEmpty && claims.isEmpty }
}

extension StoreReader {
    /// The person's care certifications and care claims.
    public func care(of id: ResearchID) throws -> CareHistory {
        let certifications = try Row.fetchAll(db, sql: """
            SELECT care_level, certified_on, valid_from, valid_until FROM research.care_certification
            WHERE person_id = ? ORDER BY valid_from, care_certification_id
            """, arguments: [id.rawValue]).map { row in
            CareHistory.Certification(level: row["care_level"], certifiedOn: try CalendarDate(iso: row["certified_on"]),
                                      validFrom: try CalendarDate(iso: row["valid_from"]),
                                      validUntil: try CalendarDate(iso: row["valid_until"]))
        }
        var services = [Int64: [CareService]]()
        for row in try Row.fetchAll(db, sql: """
            SELECT care_claim_id, service_kind, units, days FROM research.care_service WHERE person_id = ?
            ORDER BY care_service_id
            """, arguments: [id.rawValue]) {
            services[row["care_claim_id"], default: []].append(
                CareService(kind: row["service_kind"], units: row["units"], days: row["days"]))
        }
        let claims = try Row.fetchAll(db, sql: """
            SELECT care_claim_id, service_month, provider, care_level, total_units FROM research.care_claim
            WHERE person_id = ? ORDER BY service_month, care_claim_id
            """, arguments: [id.rawValue]).map { row in
            CareHistory.Claim(serviceMonth: try YearMonth(iso: row["service_month"]), provider: row["provider"],
                              level: row["care_level"], totalUnits: row["total_units"],
                              services: services[row["care_claim_id"]] ?? [])
        }
        return CareHistory(certifications: certifications, claims: claims)
    }
}
