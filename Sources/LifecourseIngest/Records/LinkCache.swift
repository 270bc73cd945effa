import LifecourseCore
import Synchronization

/// The identities one ingest run has already linked, so that a patient who appears in many files (every month at
/// the same clinic) is linked once: the same identity from the same source gives the same person, which is what
/// the linker's `same-identity` rule would find in the vault at the price of normalizing, hashing and a lookup.
///
/// Links made inside a file's transaction stay pending until it commits, so a file that fails leaves nothing
/// behind. The cache lives for one run only (the vault can change between runs: merges, splits) and is cleared
/// when it holds ``capacity`` identities, so memory stays bounded.
final class LinkCache: Sendable {
    struct Key: Hashable, Sendable {
        let format: String
        let sender: String
        let identity: PersonIdentity
    }

    private struct State {
        var committed: [Key: ResearchID] = [:]
        var pending: [Key: ResearchID] = [:]
    }

    static let capacity = 300_000
    private let state = Mutex(State())

    func person(for key: Key) -> ResearchID? {
        state.withLock { $0.pending[key] ?? $0.committed[key] }
    }

    func remember(_ person: ResearchID, for key: Key) {
        state.withLock { $0.pending[key] = person }
    }

    /// The file's transaction committed: its links hold.
    func commit() {
        state.withLock { state in
            if state.committed.count + state.pending.count > Self.capacity { state.committed.removeAll() }
            state.committed.merge(state.pending) { _, new in new }
            state.pending.removeAll()
        }
    }

    /// The file's transaction rolled back: forget its links.
    func discard() {
        state.withLock { $0.pending.removeAll() }
    }
}
