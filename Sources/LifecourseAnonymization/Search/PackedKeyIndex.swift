/// Numbers 64-bit keys 0, 1, 2 … in the order they first come: an open-addressing table with linear probing that
/// starts small and doubles at half full. Grouping a million classes into a few thousand, the table stays in the
/// processor's cache, where `Dictionary` (generic hashing) or a table sized for the worst case (a million slots, a
/// cache miss per class) were several times slower.
struct PackedKeyIndex {
    private var keys: [UInt64]
    private var numbers: [Int32]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 1 << 12)
        numbers = Array(repeating: -1, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    /// The key's number, and whether it was new (then it got the next number).
    mutating func number(_ key: UInt64) -> (number: Int, isNew: Bool) {
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
        if count * 2 > numbers.count { grow() }
        return (count - 1, true)
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    private mutating func grow() {
        let (oldKeys, oldNumbers) = (keys, numbers)
        let size = numbers.count * 2
        keys = Array(repeating: 0, count: size)
        numbers = Array(repeating: -1, count: size)
        mask = size - 1
        for (key, number) in zip(oldKeys, oldNumbers) where number >= 0 {
            var slot = Self.slot(key, mask)
            while numbers[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            numbers[slot] = number
        }
    }
}
