/// Jaro–Winkler similarity (Winkler 1990) over Unicode scalars, so that kana and kanji compare character by
/// character: 1 for equal strings, 0 for nothing in common; a shared prefix of up to four characters counts extra.
public enum JaroWinkler {
    public static func similarity(_ a: String, _ b: String, prefixScale: Double = 0.1) -> Double {
        similarity(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value), prefixScale: prefixScale)
    }

    public static func similarity(_ a: [UInt32], _ b: [UInt32], prefixScale: Double = 0.1) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity(a, b, prefixScale: prefixScale) } }
    }

    public static func similarity(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>,
                                  prefixScale: Double = 0.1) -> Double {
        let jaro = self.jaro(a, b)
        var prefix = 0
        while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * prefixScale * (1 - jaro)
    }

    /// Jaro similarity: matches within half the longer length, and half the transpositions among them. The
    /// matched flags live on the stack (names are short), so a comparison allocates nothing.
    static func jaro(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
            flags.initialize(repeating: false)
            let matchedA = UnsafeMutableBufferPointer(rebasing: flags[0..<a.count])
            let matchedB = UnsafeMutableBufferPointer(rebasing: flags[a.count...])
            var matches = 0
            for i in a.indices {
                let low = max(0, i - window), high = min(b.count - 1, i + window)
                guard low <= high else { continue }
                for j in low...high where !matchedB[j] && a[i] == b[j] {
                    matchedA[i] = true
                    matchedB[j] = true
                    matches += 1
                    break
                }
            }
            guard matches > 0 else { return 0 }
            var transpositions = 0
            var j = 0
            for i in a.indices where matchedA[i] {
                while !matchedB[j] { j += 1 }
                if a[i] != b[j] { transpositions += 1 }
                j += 1
            }
            let m = Double(matches)
            return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
        }
    }
}
