public import LifecourseStore

/// What became of one file.
public struct IngestReport: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Read and stored; ``IngestReport/receipt`` says how many units were accepted and quarantined.
        case ingested
        /// The same bytes were received before; nothing was changed.
        case alreadyReceived = "already-received"
        /// The same path, size and modification time as a file stored before: not read again.
        case unchanged
        /// Left aside on purpose (an SS-MIX2 file marked superseded, condition flag 0); nothing was stored.
        case ignored
        /// The file could not be read at all; nothing was stored.
        case failed
    }

    public var file: String
    public var status: Status
    public var receipt: ReceiptRecord?
    /// Why a file failed.
    public var message: String?

    public init(file: String, status: Status, receipt: ReceiptRecord?, message: String?) {
        self.file = file
        self.status = status
        self.receipt = receipt
        self.message = message
    }

    /// Units accepted by this run (zero when the file had been received before).
    public var acceptedNow: Int { status == .ingested ? receipt?.unitsAccepted ?? 0 : 0 }
    /// Units quarantined by this run.
    public var quarantinedNow: Int { status == .ingested ? receipt?.unitsQuarantined ?? 0 : 0 }
}

/// How far an ingest has come, for a progress line.
public struct IngestProgress: Sendable {
    public var file: String
    public var fileIndex: Int
    public var fileCount: Int
    public var bytesRead: Int
    public var fileSize: Int
    public var unitsRead: Int
    /// Set once every file is stored, while a bulk load builds the indexes by person it dropped.
    public var isBuildingIndexes = false
}
