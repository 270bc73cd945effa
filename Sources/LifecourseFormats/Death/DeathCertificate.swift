public import LifecourseCore

/// The items of a death certificate (死亡診断書, 医師法第19条; 様式 of the 人口動態調査) that the platform
/// receives, as one row of the documented death CSV (see ``DeathCertificateCSV``).
public struct DeathCertificate: Sendable, Hashable {
    /// Where the death happened (死亡したところの種別).
    public enum Place: Int, Sendable, Hashable, CaseIterable {
        case hospital = 1, clinic = 2, careHealthFacility = 3, midwifery = 4, nursingHome = 5, home = 6, other = 7
    }

    /// The kind of death (死因の種類): 1 病死及び自然死, 2–8 external causes, 9 other, 10 unknown.
    public enum Kind: Int, Sendable, Hashable {
        case natural = 1, traffic = 2, fall = 3, drowning = 4, fire = 5, suffocation = 6, poisoning = 7, otherAccident = 8
        case other = 9, unknown = 10
    }

    /// One cause: its name as the physician wrote it, its ICD-10 code, and the time from onset to death.
    public struct Cause: Sendable, Hashable {
        public var name: String
        public var icd10: String
        public var duration: String

        public init(name: String, icd10: String, duration: String) {
            self.name = name
            self.icd10 = icd10
            self.duration = duration
        }
    }

    /// The municipality that accepted the notification and its acceptance number.
    public var municipality: MunicipalityCode
    public var acceptanceNumber: String
    public var name: String
    public var kanaName: String
    public var sex: Sex
    public var birthDate: CalendarDate
    public var deathDate: CalendarDate
    /// 死亡時刻, `HH:MM`.
    public var deathTime: String
    public var place: Place
    /// The institution where the death happened, for hospitals and clinics.
    public var placeInstitution: InstitutionCode?
    public var address: String
    /// I (ア) the direct cause, then (イ), (ウ), (エ) what led to it.
    public var causes: [Cause]
    /// II: other conditions that contributed.
    public var contributing: Cause?
    public var kind: Kind
    /// The institution of the certifying physician.
    public var certifyingInstitution: InstitutionCode?

    public init(municipality: MunicipalityCode, acceptanceNumber: String, name: String, kanaName: String, sex: Sex,
                birthDate: CalendarDate, deathDate: CalendarDate, deathTime: String, place: Place,
                placeInstitution: InstitutionCode?, address: String, causes: [Cause], contributing: Cause?, kind: Kind,
                certifyingInstitution: InstitutionCode?) {
        self.municipality = municipality
        self.acceptanceNumber = acceptanceNumber
        self.name = name
        self.kanaName = kanaName
        self.sex = sex
        self.birthDate = birthDate
        self.deathDate = deathDate
        self.deathTime = deathTime
        self.place = place
        self.placeInstitution = placeInstitution
        self.address = address
        self.causes = causes
        self.contributing = contributing
        self.kind = kind
        self.certifyingInstitution = certifyingInstitution
    }
}
