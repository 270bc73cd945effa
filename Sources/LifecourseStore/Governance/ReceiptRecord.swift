/// A receipt record (受領記録): one file received from an institution, what it held and what became of it.
public struct ReceiptRecord: Sendable, Hashable, Codable {
    public var id: Int64
    /// SHA-256 of the file's bytes, in hexadecimal.
    public var sha256: String
    public var fileName: String
    public var fileSize: Int
    public var format: String
    /// The sending institution's 10-digit code, when the file names it.
    public var institution: String?
    public var receivedAt: String
    /// Records (lines) read.
    public var recordsRead: Int
    /// Units (claims) read, accepted and quarantined.
    public var unitsRead: Int
    public var unitsAccepted: Int
    public var unitsQuarantined: Int
    /// Records of unknown types, kept encrypted.
    public var unknownRecords: Int
    /// Problems with the file as a whole that did not stop it (e.g. GO totals that do not match).
    public var warnings: [String]

    public init(id: Int64, sha256: String, fileName: String, fileSize: Int, format: String, institution: String?,
                receivedAt: String, recordsRead: Int, unitsRead: Int, unitsAccepted: Int, unitsQuarantined: Int,
                unknownRecords: Int, warnings: [String]) {
        self.id = id
        self.sha256 = sha256
        self.fileName = fileName
        self.fileSize = fileSize
        self.format = format
        self.institution = institution
        self.receivedAt = receivedAt
        self.recordsRead = recordsRead
        self.unitsRead = unitsRead
        self.unitsAccepted = unitsAccepted
        self.unitsQuarantined = unitsQuarantined
        self.unknownRecords = unknownRecords
        self.warnings = warnings
    }
}

/// A quarantined unit (claim) with its reason; the raw lines are decrypted only on request.
public struct QuarantineEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var receiptID: Int64
    public var fileName: String
    public var firstLine: Int?
    public var lastLine: Int?
    /// The line and column of the first problem.
    public var problemLine: Int?
    public var problemColumn: Int?
    public var problemCount: Int
    /// The first problem, with its position and the fix.
    public var problem: String
    public var quarantinedAt: String
    /// The unit's lines as received (CP932 decoded when possible), when asked for.
    public var rawText: String?
}
