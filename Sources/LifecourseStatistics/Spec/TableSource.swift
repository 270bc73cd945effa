/// What a statistical table counts: its unit, and where each unit's region, institution and date come from.
///
/// | source | one unit is | region and institution | date |
/// |---|---|---|---|
/// | `persons` | a person with a claim in the period | the institution that sent most of their claims in the period | the period's end |
/// | `care` | a person with a care certification (要介護認定) valid in the period | the insurer (保険者, a municipality) of the latest | the period's end |
/// | `prescriptions` | a drug line of a claim (IY) in the period | the prescribing institution (for a pharmacy's claim, the one that wrote the prescription) | the drug's date |
/// | `claims` | a claim (レセプト) of a month in the period | the institution that sent it | its month |
/// | `measurements` | a person with a value of the measure's lab item in the period (their latest) | the institution that measured it | the value's date |
public enum TableSource: String, Sendable, Hashable, Codable, CaseIterable {
    case persons, care, prescriptions, claims, measurements

    /// Whether a unit is a person (then a person is in exactly one cell of each single-valued dimension).
    public var unitIsPerson: Bool { self != .prescriptions && self != .claims }
}
