public import LifecourseCore

/// One research ID with how much is known about it.
public struct PersonListing: Sendable, Hashable, Codable {
    public var researchID: ResearchID
    public var sex: Sex
    public var birthYear: Int?
    /// Institutions, municipalities and insurers that sent data about the person.
    public var institutions: Int
    /// Files the person's data came from.
    public var files: Int
    public var claims: Int
    /// Clinical rows: diagnoses, drugs, procedures, devices, notes, measurements, observations, deaths, care
    /// certifications and care services.
    public var rows: Int
}
