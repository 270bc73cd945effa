public import LifecourseCore

/// The long-term care facts of a care record, as the research store keeps them.
public enum CareFacts: Sendable, Hashable {
    /// A certification (要介護認定): the level granted and its period.
    case certification(Certification)
    /// One month of one provider's services (介護給付費明細書).
    case claim(Claim)

    public struct Certification: Sendable, Hashable {
        public var insurerNumber: String
        public var level: CareLevel
        public var certifiedOn: CalendarDate
        public var validFrom: CalendarDate
        public var validUntil: CalendarDate

        public init(insurerNumber: String, level: CareLevel, certifiedOn: CalendarDate, validFrom: CalendarDate,
                    validUntil: CalendarDate) {
            self.insurerNumber = insurerNumber
            self.level = level
            self.certifiedOn = certifiedOn
            self.validFrom = validFrom
            self.validUntil = validUntil
        }
    }

    public struct Claim: Sendable, Hashable {
        public var serviceMonth: YearMonth
        /// 事業所番号 of the care provider.
        public var providerNumber: String
        public var insurerNumber: String
        public var level: CareLevel
        public var services: [CareService]

        public init(serviceMonth: YearMonth, providerNumber: String, insurerNumber: String, level: CareLevel,
                    services: [CareService]) {
            self.serviceMonth = serviceMonth
            self.providerNumber = providerNumber
            self.insurerNumber = insurerNumber
            self.level = level
            self.services = services
        }
    }

    /// The record type lineage gives to the unit's first record.
    public var recordType: String {
        switch self {
        case .certification: "NT"
        case .claim: "01"
        }
    }
}
