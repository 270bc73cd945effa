import LifecourseLinkage
import LifecourseStore

/// Computes, on the reading thread, the blind keys and the vault's sealed fields of each identity the first time it comes from its source in
/// the run — when the writing thread's link cache will not know it, and the linker needs them. Later units of the
/// same identity go without (the writer finds the person in its cache, or computes the keys itself when the cache
/// was cleared). Bounded like the link cache.
struct LookupKeysAhead {
    let keyRing: KeyRing
    private var seen: Set<LinkCache.Key> = []

    init(keyRing: KeyRing) {
        self.keyRing = keyRing
    }

    /// The event with its identity's blind keys when it is a unit whose identity is new to the run.
    mutating func adding(to event: FileEvent) -> FileEvent {
        guard case .unit(let unit) = event, unit.keys == nil else { return event }
        let record = unit.record
        let unknownRecords = unit.unknownRecords
        let key = LinkCache.Key(record)
        if seen.count >= LinkCache.capacity { seen.removeAll() }
        guard seen.insert(key).inserted else {
            return .unit(ReadUnit(record, unknownRecords: unknownRecords, keys: UnitKeys(cacheKey: key, lookup: nil)))
        }
        let lookup = IdentityLookupKeys(record.identity, source: record.identitySource, keyRing: keyRing)
        return .unit(ReadUnit(record, unknownRecords: unknownRecords, keys: UnitKeys(cacheKey: key, lookup: lookup)))
    }
}
