/// A person's chronic conditions in fixed space (no allocation per person, which matters at 1.8 million):
/// the onset month of each condition, and whether it is treated and with which of its drugs.
struct ConditionState: Sendable, Hashable {
    private var onsets = SIMD16<Int32>(repeating: -1)
    /// -1 not treated; 0 treated without a drug; n > 0 treated with `drugKeys[n - 1]`.
    private var treatment = SIMD16<Int8>(repeating: -1)

    func onset(_ condition: ChronicCondition) -> Int? {
        let value = onsets[condition.rawValue]
        return value < 0 ? nil : Int(value)
    }

    func has(_ condition: ChronicCondition) -> Bool { onsets[condition.rawValue] >= 0 }

    mutating func begin(_ condition: ChronicCondition, month: Int) {
        onsets[condition.rawValue] = Int32(month)
    }

    func isTreated(_ condition: ChronicCondition) -> Bool { treatment[condition.rawValue] >= 0 }

    /// The drug prescribed for a treated condition, by key of `ClinicalCodes.drugs`.
    func drug(_ condition: ChronicCondition) -> String? {
        let value = Int(treatment[condition.rawValue])
        return value > 0 ? condition.drugKeys[value - 1] : nil
    }

    /// Starts treatment, choosing one of the condition's drugs.
    mutating func treat(_ condition: ChronicCondition, random: inout SynthRandom) {
        let keys = condition.drugKeys
        treatment[condition.rawValue] = keys.isEmpty ? 0 : Int8(random.int(1...keys.count))
    }

    /// The conditions the person has, in a fixed order.
    var present: [ChronicCondition] { ChronicCondition.allCases.filter(has) }
}
