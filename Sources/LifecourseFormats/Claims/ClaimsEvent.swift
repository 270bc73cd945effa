public import LifecourseCore

/// What a claims file yields, in file order.
public enum ClaimsEvent: Sendable {
    /// The header record: IR (医科) or YK (調剤).
    case institution(InstitutionRecord)
    /// A claim read whole.
    case claim(Claim)
    /// A claim that could not be read; the rest of the file goes on.
    case quarantined(QuarantinedClaim)
    /// A record outside any claim whose type is not known (kept, not fatal).
    case unknownRecord(UnknownRecord)
    /// The GO record.
    case trailer(TrailerRecord)
    /// Something wrong with the file as a whole that does not stop its claims from being read,
    /// e.g. GO totals that do not match the claims.
    case warning(SourceError)
}
