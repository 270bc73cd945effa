/// Distinct values numbered in the order they first come: each value kept once, and found again by its number.
public struct Interner<Value: Hashable>: Sendable where Value: Sendable {
    public private(set) var values: [Value] = []
    private var numbers: [Value: Int32] = [:]

    public init() {}

    /// The value's number, given now when it is new.
    public mutating func number(_ value: Value) -> Int32 {
        if let known = numbers[value] { return known }
        let number = Int32(values.count)
        values.append(value)
        numbers[value] = number
        return number
    }

    public subscript(number: Int32) -> Value { values[Int(number)] }

    public var count: Int { values.count }
}
