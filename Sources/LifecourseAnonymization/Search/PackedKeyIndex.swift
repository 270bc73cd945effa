/// Numbers 64-bit keys 0, 1, 2 … in the order they first come: an open-addressing table with linear probing that
/// starts small and doubles at half full. Grouping a million classes into a few thousand, the table stays in the
/// processor's cache, where `Dictionary` (generic hashing) or a table sized for the worst case (a million slots, a
/// cache miss per class) were several times slower. Its storage is raw memory owned by the instance: no
/// copy-on-write check per probe. Used by one thread at a time, inside one grouping.
final class PackedKeyIndex {
    private var keys: UnsafeMutablePointer<UInt64>
    private var numbers: UnsafeMutablePointer<Int32>
    private var size: Int
    private(set) var count = 0

    init() {
        size = 1 << 12
        keys = .allocate(capacity: size)
        numbers = .allocate(capacity: size)
        numbers.initialize(repeating: -1, count: size)
    }

    deinit {
        keys.deallocate()
        numbers.deallocate()
    }

    /// The key's number, and whether it was new (then it got the next number).
    func number(_ key: UInt64) -> (number: Int, isNew: Bool) {
        let mask = size - 1
        var slot = Self.slot(key, mask)
        while true {
            let number = numbers[slot]
            if number < 0 { break }
            if keys[slot] == key { return (Int(number), false) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        numbers[slot] = Int32(count)
        count += 1
        if count * 2 > size { grow() }
        return (count - 1, true)
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    private func grow() {
        let (oldKeys, oldNumbers, oldSize) = (keys, numbers, size)
        size *= 2
        keys = .allocate(capacity: size)
        numbers = .allocate(capacity: size)
        numbers.initialize(repeating: -1, count: size)
        let mask = size - 1
        for index in 0..<oldSize where oldNumbers[index] >= 0 {
            var slot = Self.slot(oldKeys[index], mask)
            while numbers[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            numbers[slot] = oldNumbers[index]
        }
        oldKeys.deallocate()
        oldNumbers.deallocate()
    }
}
