import LifecourseCore
import LifecourseFormats
import LifecourseLinkage

/// What the reading thread works out about a unit's identity, so that the writing thread does not: its link-cache
/// key (hashed once) and, the first time the identity comes from its source in the run, its blind keys and
/// sealed fields.
struct UnitKeys: Sendable {
    let cacheKey: LinkCache.Key
    let lookup: IdentityLookupKeys?
}

/// A unit read whole, with the number of unknown records kept inside it and what the reading thread worked out
/// about its identity. Shared by reference between the threads: a source record holds dozens of strings and
/// arrays, and handing it over by value retained and released each of them several times.
final class ReadUnit: Sendable {
    let record: SourceRecord
    let unknownRecords: Int
    let keys: UnitKeys?

    init(_ record: SourceRecord, unknownRecords: Int, keys: UnitKeys? = nil) {
        self.record = record
        self.unknownRecords = unknownRecords
        self.keys = keys
    }
}

/// What a reader needs to know about a file beyond its bytes.
struct FileOrigin: Sendable {
    /// The sender of SS-MIX2 storage, when the command or the storage's folder names it.
    var institution: InstitutionCode?
    /// The file's place in SS-MIX2 storage.
    var storage: SSMIX2File?
}

/// What is read from a file, whatever its format, in file order: the reading thread produces these, the
/// writing thread stores them (``FileEventWriter``).
enum FileEvent: Sendable {
    /// The sending institution or municipality as the file's header names it.
    case sender(String)
    /// A unit (claim, death, care record) read whole (``ReadUnit``).
    case unit(ReadUnit)
    /// A unit that could not be read, as received, with its first problem.
    case quarantined(firstLine: Int, lastLine: Int, problem: SourceError, problemCount: Int, raw: [UInt8])
    /// A record outside any unit whose type no reader knows.
    case unknownRecord(UnknownRecord)
    /// Something wrong with the file as a whole that does not stop its units from being read.
    case warning(String)

    /// Reads a file of a known format, calling `emit` with its events and `progress` with the bytes read.
    /// - Returns: the number of records (lines or CSV records) read.
    /// - Throws: when the file as a whole cannot be read, or what `emit` throws.
    static func read(_ path: String, format: SourceFormat, origin: FileOrigin = FileOrigin(), progress: (Int) -> Void,
                     emit: (FileEvent) throws -> Void) throws -> Int {
        switch format {
        case .medicalClaims, .dentalClaims, .pharmacyClaims:
            return try ClaimsFileReader(path: path).forEachEvent(progress: progress) { event in
                switch event {
                case .institution(let record):
                    try emit(.sender(record.institution.code))
                case .claim(let claim):
                    try emit(.unit(ReadUnit(claim.sourceRecord, unknownRecords: claim.unknownRecords.count)))
                case .quarantined(let claim):
                    try emit(.quarantined(firstLine: claim.firstLine, lastLine: claim.lastLine, problem: claim.problem,
                                          problemCount: claim.problemCount, raw: claim.rawBytes))
                case .unknownRecord(let record):
                    try emit(.unknownRecord(record))
                case .trailer:
                    break
                case .warning(let problem):
                    try emit(.warning(problem.description))
                }
            }
        case .deathCertificates:
            return try units(of: DeathFileReader(path: path), progress: progress, emit: emit)
        case .careRecords:
            return try units(of: CareFileReader(path: path), progress: progress, emit: emit)
        case .fhir:
            return try units(of: FHIRFileReader(path: path, institution: origin.institution), progress: progress, emit: emit)
        case .checkups:
            return try units(of: CheckupFileReader(path: path), progress: progress, emit: emit)
        case .ssmix2:
            return try units(of: SSMIX2FileReader(path: path, institution: origin.institution, storage: origin.storage),
                             progress: progress, emit: emit)
        }
    }

    private static func units(of reader: some SourceUnitReader, progress: (Int) -> Void,
                              emit: (FileEvent) throws -> Void) throws -> Int {
        try reader.forEachEvent(progress: progress) { event in
            switch event {
            case .record(let record):
                try emit(.unit(ReadUnit(record, unknownRecords: 0)))
            case .quarantined(let row):
                try emit(.quarantined(firstLine: row.firstLine, lastLine: row.lastLine, problem: row.problem,
                                      problemCount: 1, raw: row.rawBytes))
            case .warning(let problem):
                try emit(.warning(problem.description))
            }
        }
    }
}
