import LifecourseLinkage
import LifecourseStore
import Synchronization

/// Computes, on the reading threads, the blind keys and the vault's sealed fields of each identity the first time it
/// comes from its source in the run — when the writing thread's link cache will not know it, and the linker needs
/// them. Later units of the same identity go without (the writer finds the person in its cache, or computes the keys
/// itself when the cache was cleared). Bounded like the link cache.
///
/// Shared by the reading threads, which read different files at once: an identity's keys go with its unit in the
/// earliest file (in the writer's order) that has it, whichever thread came to it first — a later file that came
/// first gets them too, so the writer never has to work them out for a file before it.
final class LookupKeysAhead: Sendable {
    let keyRing: KeyRing
    /// The file (by place in the run) of each identity's first unit with keys.
    private let firstFile = Mutex<[LinkCache.Key: Int]>([:])

    init(keyRing: KeyRing) {
        self.keyRing = keyRing
    }

    /// The event with its identity's blind keys when it is a unit whose identity is new to the run up to `file`
    /// (the file's place in the run).
    func adding(to event: FileEvent, file: Int) -> FileEvent {
        guard case .unit(let unit) = event, unit.keys == nil else { return event }
        let record = unit.record
        let unknownRecords = unit.unknownRecords
        let key = LinkCache.Key(record)
        let isFirst = firstFile.withLock { firstFile in
            if let earlier = firstFile[key], earlier <= file { return false }
            if firstFile.count >= LinkCache.capacity { firstFile.removeAll() }
            firstFile[key] = file
            return true
        }
        guard isFirst else {
            return .unit(ReadUnit(record, unknownRecords: unknownRecords, keys: UnitKeys(cacheKey: key, lookup: nil)))
        }
        let lookup = IdentityLookupKeys(record.identity, source: record.identitySource, keyRing: keyRing)
        return .unit(ReadUnit(record, unknownRecords: unknownRecords, keys: UnitKeys(cacheKey: key, lookup: lookup)))
    }
}
