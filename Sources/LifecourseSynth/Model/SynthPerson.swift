import LifecourseCore
import LifecourseFormats

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
    var conditions = ConditionState()
    var clinic: Int
    var hospital: Int
    /// 要介護認定: the level granted (nil when never certified) and the month the certification runs from.
    var careLevel: CareLevel?
    var careCertifiedMonth = 0
    /// Followed for chronic conditions at the hospital rather than the clinic.
    var followedAtHospital = false
    var deathDate: CalendarDate?
    /// The last institutions the person visited (a first visit bills 初診料).
    var visited = SIMD4<Int32>(repeating: -1)

    /// Records a visit; true when it is the first at that institution.
    mutating func visit(_ institution: Int) -> Bool {
        let value = Int32(institution)
        if visited[0] == value || visited[1] == value || visited[2] == value || visited[3] == value { return false }
        visited = SIMD4(value, visited[0], visited[1], visited[2])
        return true
    }
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

extension SynthPerson {
    /// The postal code records give for the person (stable; not a real code of the municipality).
    var postalCode: String {
        (100 + municipality % 800).zeroPadded(to: 3) + "-" + (id % 10_000).zeroPadded(to: 4)
    }

    /// Prefecture and municipality, as a hospital or clinic system records the address.
    var address: String {
        let place = Geography.municipalities[municipality]
        return ((try? Prefecture(code: place.prefectureCode))?.name ?? "") + place.name
    }
}
