import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore

/// A file as the reading thread found it before reading it: unchanged since it was stored (not opened), refused,
/// ignored (an SS-MIX2 file its sender superseded), or ready with its SHA-256, format and what its reader needs to
/// know beyond the bytes.
struct PreparedFile: Sendable {
    enum State: Sendable {
        /// Readable; `receivedBefore` when the store already holds it whole (its events are then not sent).
        case ready(digest: Data, format: SourceFormat, receivedBefore: Bool)
        /// The same path with the same size and modification time was stored whole before: not read again.
        case unchanged(ReceiptRecord)
        /// Left aside on purpose (an SS-MIX2 file its sender marked superseded), for this reason.
        case ignored(String)
        /// Not stored at all, for this reason.
        case refused(String)
    }

    /// A path as found on disk: its keyed hash (paths may hold patient IDs), size and modification time.
    struct Stamp: Sendable {
        let key: Data
        let size: Int
        let modifiedNS: Int64
    }

    let path: String
    let size: Int
    let state: State
    /// What the reader needs to know beyond the bytes: the SS-MIX2 storage place and the sender.
    let origin: FileOrigin
    /// How the path was found, remembered once the file is stored.
    let found: Stamp?

    init(path: String, store: SQLiteStore, institution: InstitutionCode? = nil) {
        self.path = path
        let found = Self.stamp(path, keys: store.keys)
        self.found = found
        (size, state, origin) = Self.examine(path, found: found, store: store, institution: institution)
    }

    private static func examine(_ path: String, found: Stamp?, store: SQLiteStore,
                                institution: InstitutionCode?) -> (size: Int, state: State, origin: FileOrigin) {
        var origin = FileOrigin(institution: institution)
        if let found, let receipt = unchangedReceipt(found, store: store) {
            return (found.size, .unchanged(receipt), origin)
        }
        let digest: Data, size: Int, format: SourceFormat?
        do {
            (digest, size) = try FileDigest.read(path: path)
            format = try FormatDetector.detect(path: path)
        } catch {
            return (0, .refused("\(path): cannot be read (\(error.localizedDescription)); nothing was stored"), origin)
        }
        guard let format else { return (size, .refused(unknownFormat(path)), origin) }
        do throws(SourceError) {
            origin = try self.origin(of: path, format: format, institution: institution)
        } catch {
            return (size, .refused("\(error); nothing was stored"), origin)
        }
        if origin.storage?.condition == .superseded {
            return (size, .ignored("\(path): condition flag 0 — superseded by a later file of the same order; ignored"), origin)
        }
        // The writer checks again inside its transaction; this only spares reading files received before.
        let receivedBefore = (try? store.read { try $0.isReceivedWhole(digest: digest) }) ?? false
        return (size, .ready(digest: digest, format: format, receivedBefore: receivedBefore), origin)
    }

    static func stamp(_ path: String, keys: KeyRing) -> Stamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Stamp(key: keys.blindKey(URL(fileURLWithPath: path).standardizedFileURL.path, kind: "path"),
                     size: Int(status.st_size),
                     modifiedNS: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }

    /// The receipt of what was stored from this path, when the file has kept its size and modification time.
    private static func unchangedReceipt(_ stamp: Stamp, store: SQLiteStore) -> ReceiptRecord? {
        try? store.read { reader -> ReceiptRecord? in
            guard let known = try reader.receivedPath(key: stamp.key), known.size == stamp.size,
                  known.modifiedNS == stamp.modifiedNS, let receipt = try reader.receipt(digest: known.digest),
                  try reader.storedUnitCount(fileDigest: known.digest) == receipt.unitsAccepted else { return nil }
            return receipt
        }
    }

    /// What the path tells the reader: an SS-MIX2 file's place in its storage (checked against the rules) and the
    /// hospital of the storage's folder; a FHIR file's institution from the nearest folder named by its code.
    static func origin(of path: String, format: SourceFormat, institution: InstitutionCode?) throws(SourceError) -> FileOrigin {
        var origin = FileOrigin(institution: institution)
        switch format {
        case .ssmix2:
            origin.storage = try SSMIX2Storage.locate(path: path)
            origin.institution = institution ?? origin.storage.flatMap { try? InstitutionCode($0.storageFolderName) }
        case .fhir:
            origin.institution = institution ?? URL(fileURLWithPath: path).deletingLastPathComponent().pathComponents
                .reversed().lazy.compactMap { try? InstitutionCode($0) }.first
        default:
            break
        }
        return origin
    }

    /// Why a file of no known format is refused; for a file named as an SS-MIX2 message, what is wrong with its
    /// place first.
    static func unknownFormat(_ path: String) -> String {
        switch Result(catching: { () throws(SourceError) in try SSMIX2Storage.locate(path: path) }) {
        case .success(.some):
            return "\(path): named as an SS-MIX2 message but it does not start with an MSH segment; nothing was stored"
        case .failure(let misplaced):
            return "\(misplaced); besides, it does not start with an MSH segment; nothing was stored"
        case .success(.none):
            return """
                \(path): not a file Lifecourse can read (a claims file starts with its IR or YK record, a death CSV \
                with its header 受理市区町村,受理番号,氏名,…, a care file with an NT or 01 record, an SS-MIX2 message \
                with MSH, a 特定健診 archive is a ZIP or a CDA document, FHIR is a JSON object); nothing was stored
                """
        }
    }
}
