/// A master file loaded into the store.
public struct MasterImportRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var sha256: String
    public var fileName: String
    public var kind: String
    public var rowsRead: Int
    public var rowsLoaded: Int
    public var problems: Int
    public var importedAt: String
}

/// A code used in the research store that no loaded master knows.
public struct MissingMasterCode: Sendable, Hashable, Codable {
    public var kind: String
    public var code: String
    /// How many research rows carry it.
    public var rows: Int
}
