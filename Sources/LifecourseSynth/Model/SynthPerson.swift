import LifecourseCore

/// One simulated person's state. Only the generator and the ground truth see it.
struct SynthPerson: Sendable {
    let id: Int
    var household: Int
    let sex: Sex
    let birthDate: CalendarDate
    var surname: NamePool.Name
    var givenName: NamePool.Name
    var prefecture: Int
    var municipality: Int
    var coverage: Coverage
    /// Onset month index (months since the epoch month) per condition, or nil.
    var onsets: [ChronicCondition: Int] = [:]
    /// Conditions diagnosed and under regular care, with the drug chosen for each.
    var treated: [ChronicCondition: String?] = [:]
    var clinic: Int
    var hospital: Int
    var deathDate: CalendarDate?
    /// Institutions the person has visited (the first visit bills 初診料).
    var visited: [Int] = []
    var random: SynthRandom

    var isAlive: Bool { deathDate == nil }

    func age(on date: CalendarDate) -> Int { date.age(bornOn: birthDate) }
}

/// Months counted from year 0, so that conditions can store an onset as one number.
extension YearMonth {
    var index: Int { year * 12 + month - 1 }

    init(index: Int) {
        try! self.init(year: index / 12, month: index % 12 + 1)
    }
}
