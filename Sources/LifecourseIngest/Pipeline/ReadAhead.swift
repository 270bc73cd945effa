import Foundation
import Synchronization
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
    /// Events the writer has stored, handed back so that the reading thread frees them: a unit is dozens of strings
    /// and arrays, and releasing them was a twentieth of the writing thread's work, which is the busier of the two.
    private let stored = StoredEvents()

    /// Starts reading `files` in order; `institution` is the sender of SS-MIX2 storage when the command names it.
    init(files: [String], store: SQLiteStore, institution: InstitutionCode? = nil) {
        let queue = queue
        let finished = finished
        let stored = stored
        let thread = Thread {
            var keys = LookupKeysAhead(keyRing: store.keys)
            for path in files {
                Self.read(path, store: store, institution: institution, keys: &keys, into: queue) {
                    // Dropped here, on this thread.
                    _ = stored.takeAll()
                }
            }
            finished.signal()
        }
        thread.name = "lifecourse-read-ahead"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next message.
    func take() -> Message { queue.take() }

    /// Hands back events the writer has stored, for the reading thread to free.
    func giveBack(_ events: [FileEvent]) {
        stored.add(events)
    }

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
                             keys: inout LookupKeysAhead, into queue: BoundedQueue<Message>,
                             freeStored: () -> Void) {
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
                    freeStored()
                }
            }
            if !events.isEmpty { queue.put(.events(events, bytesRead: bytesRead)) }
            queue.put(.end(recordsRead: records, failure: nil))
            freeStored()
        } catch {
            // The events sent before are rolled back with the file by the writer.
            queue.put(.end(recordsRead: 0, failure: "\(error)"))
        }
    }
}

/// Events stored by the writing thread, waiting to be freed by the reading thread.
private final class StoredEvents: Sendable {
    private let lists = Mutex<[[FileEvent]]>([])

    func add(_ events: [FileEvent]) {
        lists.withLock { $0.append(events) }
    }

    func takeAll() -> [[FileEvent]] {
        lists.withLock { lists in
            let taken = lists
            lists = []
            return taken
        }
    }
}
