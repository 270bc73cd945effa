public import LifecourseCore

/// The facts of a death as a research store keeps them: no name, no address (those go to the vault).
public struct DeathFacts: Sendable, Hashable {
    public var date: CalendarDate
    /// `HH:MM`, when known.
    public var time: String?
    /// Where (病院, 自宅 …) as an English word: hospital, clinic, careHealthFacility, midwifery, nursingHome, home,
    /// other.
    public var place: String
    public var placeInstitution: InstitutionCode?
    /// 死因の種類 as an English word (natural, traffic, fall …).
    public var manner: String
    public var certifyingInstitution: InstitutionCode?
    /// Part I from the direct cause (ア) down, then part II.
    public var causes: [DeathCause]

    public init(date: CalendarDate, time: String?, place: String, placeInstitution: InstitutionCode?, manner: String,
                certifyingInstitution: InstitutionCode?, causes: [DeathCause]) {
        self.date = date
        self.time = time
        self.place = place
        self.placeInstitution = placeInstitution
        self.manner = manner
        self.certifyingInstitution = certifyingInstitution
        self.causes = causes
    }

    /// The underlying cause (原死因) as the certificate states it: the lowest line of part I, the condition that
    /// started the sequence. (Statistics offices apply WHO's selection rules on top; this is their input.)
    public var underlyingCause: DeathCause? {
        causes.last { $0.line.hasPrefix("I-") }
    }
}
