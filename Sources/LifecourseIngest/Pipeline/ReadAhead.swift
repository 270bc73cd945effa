import Foundation
import Synchronization
import LifecourseCore
import LifecourseFormats
import LifecourseStore

/// The reading half of an ingest. On threads of their own it prepares each file — SHA-256, size, format, whether
/// it was received whole before — and reads it into ``FileEvent``s, while the caller's thread links and stores
/// what they sent before. The queues between them hold at most ``capacity`` messages each, so memory stays bounded
/// whatever the files.
///
/// Every file gives one ``Message/file(_:)`` message; a file that is ready to store is followed by its events and
/// one ``Message/end(recordsRead:failure:)``. The writer takes every message of every file, in order, also of
/// files it does not store (``skipFile()``), so the reading threads always finish.
///
/// With more than one lane, lane *k* of *n* reads the files *k*, *k + n*, … into a queue of its own, and the writer
/// takes each file from its lane's queue: reading a claim costs about as much as storing it, and with one reading
/// thread the writer waited for it a fifth of the time on 100,000 persons' claims.
final class ReadAhead: Sendable {
    enum Message: Sendable {
        case file(PreparedFile)
        case events([FileEvent], bytesRead: Int)
        /// The file was read to its end, or could not be read further (`failure`).
        case end(recordsRead: Int, failure: String?)
    }

    static let capacity = 64
    static let eventsPerMessage = 128
    /// A second reading thread where a core is free for it besides the writer's and the first reader's. With two the
    /// writer, which stores in one transaction, is the busier side, so more would only hold more messages. On two
    /// cores a second reader only took CPU time from the others: 300,000 persons' claims took no less time, with
    /// 6–10 s more CPU and 35 MB more memory. (Machines with more cores were not at hand to measure.)
    static var defaultLanes: Int { min(2, max(1, ProcessInfo.processInfo.activeProcessorCount - 1)) }

    private let lanes: [BoundedQueue<Message>]
    /// How many files the writer has begun to take: the last of them is read from `lanes[(begun - 1) % count]`.
    private let begun = Atomic<Int>(0)
    private let finished = DispatchSemaphore(value: 0)
    /// Events the writer has stored, handed back so that a reading thread frees them: a unit is dozens of strings
    /// and arrays, and releasing them was a twentieth of the writing thread's work.
    private let stored = StoredEvents()

    /// Starts reading `files` in order, on `lanes` threads (fewer when there are fewer files); `institution` is the
    /// sender of SS-MIX2 storage when the command names it.
    init(files: [String], store: SQLiteStore, institution: InstitutionCode? = nil,
         lanes: Int = ReadAhead.defaultLanes) {
        let count = max(1, min(lanes, files.count))
        self.lanes = (0..<count).map { _ in BoundedQueue<Message>(capacity: ReadAhead.capacity) }
        let finished = finished
        let stored = stored
        let keys = LookupKeysAhead(keyRing: store.keys)
        for (lane, queue) in self.lanes.enumerated() {
            let thread = Thread {
                for index in stride(from: lane, to: files.count, by: count) {
                    Self.read(files[index], place: index, store: store, institution: institution, keys: keys,
                              into: queue) {
                        // Dropped here, on a reading thread.
                        _ = stored.takeAll()
                    }
                }
                finished.signal()
            }
            thread.name = "lifecourse-read-ahead-\(lane + 1)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The queue of the file the writer is taking.
    private var current: BoundedQueue<Message> {
        lanes[(begun.load(ordering: .relaxed) - 1) % lanes.count]
    }

    /// The next message.
    func take() -> Message { current.take() }

    /// Hands back events the writer has stored, for a reading thread to free.
    func giveBack(_ events: [FileEvent]) {
        stored.add(events)
    }

    /// The next file's preparation.
    func nextFile() -> PreparedFile {
        let index = begun.add(1, ordering: .relaxed).oldValue
        guard case .file(let prepared) = lanes[index % lanes.count].take() else {
            preconditionFailure("the read-ahead queue lost its order: a file's messages were not all taken")
        }
        return prepared
    }

    /// Takes the rest of the current file's messages up to its end, unread.
    func skipRest() {
        while true {
            if case .end = current.take() { return }
        }
    }

    /// Takes the next file's messages, unread.
    func skipFile() {
        if case .ready(_, _, receivedBefore: _) = nextFile().state { skipRest() }
    }

    /// Waits for the reading threads, once every message has been taken.
    func wait() {
        for _ in lanes { finished.wait() }
    }

    /// Reads the file at `place` in the run into `queue`.
    private static func read(_ path: String, place: Int, store: SQLiteStore, institution: InstitutionCode?,
                             keys: LookupKeysAhead, into queue: BoundedQueue<Message>,
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
                events.append(keys.adding(to: event, file: place))
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

/// Events stored by the writing thread, waiting to be freed by a reading thread.
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
