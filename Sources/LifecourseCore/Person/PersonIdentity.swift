/// Who a source record is about, as the source wrote it. Only the identity vault stores these values.
public struct PersonIdentity: Sendable, Hashable {
    /// The name as written (kanji, kana or Latin; full-width spaces kept).
    public var name: String?
    /// The name in katakana, when the source has it.
    public var kanaName: String?
    public var birthDate: CalendarDate?
    public var sex: Sex
    public var insuranceCards: [InsuranceCard]
    public var publicExpenseCards: [PublicExpenseCard]
    /// The institution's own patient number (カルテ番号, SS-MIX2 patient ID).
    public var patientNumber: String?
    /// The address as written (death certificates, SS-MIX2, checkups), postal code first when there is one.
    public var address: String?
    /// The long-term care insurance card (介護保険被保険者証), from care records.
    public var careInsurance: CareInsuranceCard?
    /// How the sending system refers to the person in its own data (a FHIR Patient's logical ID, `Patient/123`):
    /// a resource in another file that names only this reference is linked through it.
    public var sourceReference: String?

    /// Whether the identity is a reference and nothing else (a FHIR resource whose Patient came in another file).
    public var isReferenceOnly: Bool {
        sourceReference != nil && name == nil && kanaName == nil && birthDate == nil && insuranceCards.isEmpty
            && publicExpenseCards.isEmpty && patientNumber == nil && careInsurance == nil
    }

    public init(name: String? = nil, kanaName: String? = nil, birthDate: CalendarDate? = nil, sex: Sex = .unknown,
                insuranceCards: [InsuranceCard] = [], publicExpenseCards: [PublicExpenseCard] = [],
                patientNumber: String? = nil, address: String? = nil, careInsurance: CareInsuranceCard? = nil,
                sourceReference: String? = nil) {
        self.sourceReference = sourceReference
        self.address = address
        self.careInsurance = careInsurance
        self.name = name
        self.kanaName = kanaName
        self.birthDate = birthDate
        self.sex = sex
        self.insuranceCards = insuranceCards
        self.publicExpenseCards = publicExpenseCards
        self.patientNumber = patientNumber
    }
}

/// A health-insurance card (被保険者証 or 資格確認書): insurer, 記号, 番号 and 枝番, as written.
public struct InsuranceCard: Sendable, Hashable, Codable {
    public var insurerNumber: String
    public var symbol: String?
    public var number: String
    /// 枝番: two digits telling apart the people sharing a card number (on cards since 2021).
    public var branch: String?

    public init(insurerNumber: String, symbol: String?, number: String, branch: String?) {
        self.insurerNumber = insurerNumber
        self.symbol = symbol
        self.number = number
        self.branch = branch
    }
}

/// A public-expense recipient certificate (公費受給者証): payer number and recipient number.
public struct PublicExpenseCard: Sendable, Hashable, Codable {
    public var payerNumber: String
    public var recipientNumber: String?

    public init(payerNumber: String, recipientNumber: String?) {
        self.payerNumber = payerNumber
        self.recipientNumber = recipientNumber
    }
}

/// A long-term care insurance card (介護保険被保険者証): the insurer (a municipality or a union of them, 6 digits)
/// and the 被保険者番号 (10 digits), which, unlike a health-insurance card number, belongs to one person.
public struct CareInsuranceCard: Sendable, Hashable, Codable {
    public var insurerNumber: String
    public var insuredNumber: String

    public init(insurerNumber: String, insuredNumber: String) {
        self.insurerNumber = insurerNumber
        self.insuredNumber = insuredNumber
    }
}
