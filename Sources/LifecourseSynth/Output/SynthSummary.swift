/// What a generator run wrote.
public struct SynthSummary: Sendable, Hashable, Codable {
    public var persons = 0
    public var births = 0
    public var deaths = 0
    public var institutions = 0
    /// 医科 and 歯科 claims files and claims; of the claims, how many are 歯科 and how many DPC.
    public var claimsFiles = 0
    public var claims = 0
    public var dentalClaims = 0
    public var dpcClaims = 0
    /// 調剤 claims files and claims.
    public var dispensingFiles = 0
    public var dispensingClaims = 0
    /// 特定健診 archives and the documents in them.
    public var checkupArchives = 0
    public var checkups = 0
    public var deathFiles = 0
    public var ssmix2Files = 0
    public var careFiles = 0
    public var fhirFiles = 0
    public var bytes = 0

    public init() {}
}

/// How far a generator run has come.
public struct SynthProgress: Sendable {
    public var month: String
    public var monthIndex: Int
    public var monthCount: Int
    public var claims: Int
}
