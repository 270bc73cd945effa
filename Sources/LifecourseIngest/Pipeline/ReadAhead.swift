import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore

/// The reading half of an ingest. On a thread of its own it prepares each file — SHA-256, size, format, whether
/// it was received whole before — and reads it into ``FileEvent``s, while the caller's thread links and stores
/// what it sent before. The queue between them holds at most ``capacity`` messages, so memory stays bounded
/// whatever the files.
///
/// Every file gives one ``Message/file(_:)`` message; a file that is ready to store is followed by its events and
/// one ``Message/end(recordsRead:failure:)``. The writer takes every message of every file, in order, also of
/// files it does not store (``skipFile()``), so the reading thread always finishes.
final class ReadAhead: Sendable {
    enum Message: Sendable {
        case file(PreparedFile)
        case events([FileEvent], bytesRead: Int)
        /// The file was read to its end, or could not be read further (`failure`).
        case end(recordsRead: Int, failure: String?)
    }

    static let capacity = 64
    static let eventsPerMessage = 128

    private let queue = BoundedQueue<Message>(capacity: ReadAhead.capacity)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading `files` in order; `institution` is the sender of SS-MIX2 storage when the command names it.
    init(files: [String], store: SQLiteStore, institution: InstitutionCode? = nil) {
        let queue = queue
        let finished = finished
        let thread = Thread {
            var keys = LookupKeysAhead(keyRing: store.keys)
            for path in files { Self.read(path, store: store, institution: institution, keys: &keys, into: queue) }
            finished.signal()
        }
        thread.name = "lifecourse-read-ahead"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next message.
    func take() -> Message { queue.take() }

    /// The next file's preparation.
    func nextFile() -> PreparedFile {
        guard case .file(let prepared) = queue.take() else {
            preconditionFailure("the read-ahead queue lost its order: a file's messages were not all taken")
        }
        return prepared
    }

    /// Takes the rest of the current file's messages up to its end, unread.
    func skipRest() {
        while true {
            if case .end = queue.take() { return }
        }
    }

    /// Takes the next file's messages, unread.
    func skipFile() {
        if case .ready(_, _, receivedBefore: _) = nextFile().state { skipRest() }
    }

    /// Waits for the reading thread, once every message has been taken.
    func wait() { finished.wait() }

    private static func read(_ path: String, store: SQLiteStore, institution: InstitutionCode?,
                             keys: inout LookupKeysAhead, into queue: BoundedQueue<Message>) {
        let prepared = PreparedFile(path: path, store: store, institution: institution)
        queue.put(.file(prepared))
        guard case .ready(_, let format, let receivedBefore) = prepared.state else { return }
        guard !receivedBefore else {
            queue.put(.end(recordsRead: 0, failure: nil))
            return
        }
        var events: [FileEvent] = []
        var bytesRead = 0
        do {
            let records = try FileEvent.read(path, format: format, origin: prepared.origin,
                                             progress: { bytesRead = $0 }) { event in
                events.append(keys.adding(to: event))
                if events.count == eventsPerMessage {
                    queue.put(.events(events, bytesRead: bytesRead))
                    events = []
                }
            }
            if !events.isEmpty { queue.put(.events(events, bytesRead: bytesRead)) }
            queue.put(.end(recordsRead: records, failure: nil))
        } catch {
            // The events sent before are rolled back with the file by the writer.
            queue.put(.end(recordsRead: 0, failure: "\(error)"))
        }
    }
}

/// A file as the reading thread found it before reading it.
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

    let path: String
    let size: Int
    let state: State
    /// What the reader needs to know beyond the bytes: the SS-MIX2 storage place and sender.
    let origin: FileOrigin
    /// The path's keyed hash and how it was found, remembered once the file is stored.
    let found: (key: Data, size: Int, modifiedNS: Int64)?

    init(path: String, store: SQLiteStore, institution: InstitutionCode? = nil) {
        self.path = path
        var origin = FileOrigin(institution: institution)
        var status = stat()
        let stamp: (key: Data, size: Int, modifiedNS: Int64)? = stat(path, &status) == 0
            ? (store.keys.blindKey(URL(fileURLWithPath: path).standardizedFileURL.path, kind: "path"), Int(status.st_size),
               Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
            : nil
        found = stamp
        if let stamp, let receipt = Self.unchangedReceipt(stamp, store: store) {
            size = stamp.size
            self.origin = origin
            state = .unchanged(receipt)
            return
        }
        let digest: Data
        let size: Int
        let format: SourceFormat?
        do {
            (digest, size) = try FileDigest.read(path: path)
            format = try FormatDetector.detect(path: path)
        } catch {
            self.size = 0
            self.origin = origin
            state = .refused("\(path): cannot be read (\(error.localizedDescription)); nothing was stored")
            return
        }
        self.size = size
        guard let format else {
            self.origin = origin
            // A file named as an SS-MIX2 message: say what is wrong with its place first, then with its content.
            switch Result(catching: { () throws(SourceError) in try SSMIX2Storage.locate(path: path) }) {
            case .success(.some):
                state = .refused("\(path): named as an SS-MIX2 message but it does not start with an MSH segment; nothing was stored")
                return
            case .failure(let misplaced):
                state = .refused("\(misplaced); besides, it does not start with an MSH segment; nothing was stored")
                return
            case .success(.none):
                break
            }
            state = .refused("""
                \(path): not a file Lifecourse can read (a claims file starts with its IR or YK record, a death CSV \
                with its header 受理市区町村,受理番号,氏名,…, a care file with an NT or 01 record, an SS-MIX2 message \
                with MSH, a 特定健診 archive as a ZIP or a CDA document, FHIR JSON with a resourceType); nothing was stored
                """)
            return
        }
        if format == .fhir, origin.institution == nil {
            // FHIR files kept under a folder named by their institution's code (as the generator keeps them).
            origin.institution = URL(fileURLWithPath: path).deletingLastPathComponent().pathComponents.reversed()
                .lazy.compactMap { try? InstitutionCode($0) }.first
        }
        if format == .ssmix2 {
            do throws(SourceError) {
                origin.storage = try SSMIX2Storage.locate(path: path)
            } catch {
                self.origin = origin
                state = .refused("\(error); nothing was stored")
                return
            }
            origin.institution = origin.institution ?? origin.storage.flatMap { try? InstitutionCode($0.storageFolderName) }
            if let storage = origin.storage, storage.condition == .superseded {
                self.origin = origin
                state = .ignored("\(path): condition flag 0 — superseded by a later file of the same order; ignored")
                return
            }
        }
        self.origin = origin
        // The writer checks again inside its transaction; this only spares reading files received before.
        let receivedBefore = (try? store.read { try $0.isReceivedWhole(digest: digest) }) ?? false
        state = .ready(digest: digest, format: format, receivedBefore: receivedBefore)
    }

    /// The receipt of what was stored from this path, when the file has kept its size and modification time.
    private static func unchangedReceipt(_ stamp: (key: Data, size: Int, modifiedNS: Int64),
                                         store: SQLiteStore) -> ReceiptRecord? {
        try? store.read { reader -> ReceiptRecord? in
            guard let known = try reader.receivedPath(key: stamp.key), known.size == stamp.size,
                  known.modifiedNS == stamp.modifiedNS, try reader.isReceivedWhole(digest: known.digest) else { return nil }
            return try reader.receipt(digest: known.digest)
        }
    }
}
