import LifecourseCore
import LifecourseFormats
import Synchronization

/// The identities one ingest run has already linked, so that a patient who appears in many files (every month at
/// the same clinic) is linked once: the same identity from the same source gives the same person, which is what
/// the linker's `same-identity` rule would find in the vault at the price of normalizing, hashing and a lookup.
///
/// Links follow the store's transactions: those made while a file is read stay with the file until it is stored
/// (``fileStored()``) or fails (``fileFailed()``); those of stored files stay with their batch until the batch
/// commits (``commit()``) or rolls back (``discard()``). So a file or a batch that fails leaves nothing behind.
/// The cache lives for one run only (the vault can change between runs: merges, splits) and is cleared when it
/// holds ``capacity`` identities, so memory stays bounded.
final class LinkCache: Sendable {
    /// An identity from a source, as a 128-bit fingerprint: two of the process's randomly seeded hashes of the
    /// format, the sender and every field of the identity, each started from a different tag. The cache holds
    /// hundreds of thousands of keys, and keeping the identities themselves (names, cards) took more memory than
    /// the store's page caches; two different identities share a fingerprint with a chance of about 2⁻¹²⁸ a pair.
    struct Key: Hashable, Sendable {
        private let first: UInt64
        private let second: UInt64

        init(format: String, sender: String, identity: PersonIdentity) {
            func hash(_ tag: UInt8) -> UInt64 {
                var hasher = Hasher()
                hasher.combine(tag)
                hasher.combine(format)
                hasher.combine(sender)
                hasher.combine(identity)
                return UInt64(bitPattern: Int64(hasher.finalize()))
            }
            first = hash(1)
            second = hash(2)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(first)
        }
    }

    private struct State {
        var committed: [Key: LinkedIdentity] = [:]
        var batch: [Key: LinkedIdentity] = [:]
        var file: [Key: LinkedIdentity] = [:]
    }

    /// About 40 bytes an identity here and as many in the reading threads' ``LookupKeysAhead``: a million, the
    /// identities of some 500,000 persons' claims, cost some 80 MB.
    static let capacity = 1_000_000
    private let state = Mutex(State())

    func person(for key: Key) -> LinkedIdentity? {
        state.withLock { $0.file[key] ?? $0.batch[key] ?? $0.committed[key] }
    }

    func remember(_ person: LinkedIdentity, for key: Key) {
        state.withLock { $0.file[key] = person }
    }

    /// The file's rows are in the batch: its links go with the batch.
    func fileStored() {
        state.withLock { state in
            state.batch.merge(state.file) { _, new in new }
            state.file.removeAll()
        }
    }

    /// The file's rows were rolled back: forget its links.
    func fileFailed() {
        state.withLock { $0.file.removeAll() }
    }

    /// The batch committed: its links hold.
    func commit() {
        state.withLock { state in
            state.batch.merge(state.file) { _, new in new }
            if state.committed.count + state.batch.count > Self.capacity { state.committed.removeAll() }
            state.committed.merge(state.batch) { _, new in new }
            state.batch.removeAll()
            state.file.removeAll()
        }
    }

    /// The batch rolled back: forget every link made since the last commit.
    func discard() {
        state.withLock { state in
            state.batch.removeAll()
            state.file.removeAll()
        }
    }
}

/// A unit's person and the vault identity it was linked as.
struct LinkedIdentity: Sendable, Hashable {
    var person: ResearchID
    var identity: Int64
}

extension LinkCache.Key {
    /// The identity of a unit from its source.
    init(_ record: SourceRecord) {
        self.init(format: record.format.rawValue, sender: record.sender.code, identity: record.identity)
    }
}
