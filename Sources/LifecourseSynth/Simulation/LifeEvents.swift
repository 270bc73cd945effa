import LifecourseCore

/// What happens to persons in a month: death, births, moves, marriage, job changes, turning 75, and new
/// conditions. Rates are monthly; sources are those of ``Demography`` and ``ChronicCondition``.
struct LifeEvents {
    let config: SynthConfig
    let institutions: [SynthInstitution]
    let clinicsByMunicipality: [Int: [Int]]
    let clinicsByPrefecture: [Int: [Int]]
    let hospitalsByPrefecture: [Int: [Int]]
    let prefectures: WeightedTable<Int>

    init(config: SynthConfig, institutions: [SynthInstitution]) {
        self.config = config
        prefectures = config.prefectureTable
        self.institutions = institutions
        clinicsByMunicipality = Dictionary(grouping: institutions.filter { $0.kind == .clinic }.map(\.index)) {
            institutions[$0].municipality
        }
        clinicsByPrefecture = Dictionary(grouping: institutions.filter { $0.kind == .clinic }.map(\.index)) {
            institutions[$0].prefecture
        }
        hospitalsByPrefecture = Dictionary(grouping: institutions.filter { $0.kind == .hospital }.map(\.index)) {
            institutions[$0].prefecture
        }
    }

    /// Steps every living person through `month`; newborns are appended to `persons`. `branches` holds the
    /// last 枝番 given on each card (insurer and number), so that a newborn gets the next one.
    func step(_ persons: inout [SynthPerson], month: YearMonth, branches: inout [String: Int]) {
        let count = persons.count
        for index in 0..<count where persons[index].isAlive {
            var person = persons[index]
            var random = person.random
            stepPerson(&person, month: month, random: &random, persons: &persons, branches: &branches)
            person.random = random
            persons[index] = person
        }
    }

    /// The key of a card in `branches`.
    static func cardKey(_ coverage: Coverage) -> String {
        coverage.insurerNumber + "|" + coverage.symbol + "|" + coverage.number
    }

    private func stepPerson(_ person: inout SynthPerson, month: YearMonth, random: inout SynthRandom,
                            persons: inout [SynthPerson], branches: inout [String: Int]) {
        let day = month.firstDay
        let age = Double(person.age(on: day)) + Double(month.month) / 24
        // Death: the life table's hazard, raised for the person's conditions relative to persons of their age.
        var risk = 1.0
        for condition in person.conditions.present { risk += condition.relativeRisk - 1 }
        let hazard = Demography.monthlyDeathHazard(age: age, sex: person.sex) * risk
            / ChronicCondition.averageRelativeRisk(age: age, sex: person.sex)
        if random.chance(hazard) {
            person.deathDate = try! month.day(random.int(1...month.dayCount))
            return
        }
        // New conditions.
        for condition in ChronicCondition.allCases where !person.conditions.has(condition) {
            if random.chance(condition.monthlyIncidence(age: age, sex: person.sex)) {
                person.conditions.begin(condition, month: month.index)
                if random.chance(condition.treatedShare) { person.conditions.treat(condition, random: &random) }
            }
        }
        LongTermCare.step(&person, month: month, age: age, random: &random)
        let wholeAge = person.age(on: month.lastDay)
        // 後期高齢者医療 from the month of the 75th birthday.
        if wholeAge >= 75, person.coverage.kind != .kouki {
            person.coverage = PopulationBuilder.newCard(.kouki, prefecture: person.prefecture,
                                                        municipality: person.municipality, random: &random)
        }
        // Job change for insured employees: a new insurer and a new card.
        if (20..<60).contains(wholeAge), !person.coverage.isDependant, person.coverage.kind != .kokuho,
           random.chance(0.004) {
            person.coverage = PopulationBuilder.newCard(PopulationBuilder.employment(&random), prefecture: person.prefecture,
                                                        municipality: person.municipality, random: &random)
        }
        // Retirement to 国保 in the early sixties.
        if (60..<65).contains(wholeAge), !person.coverage.isDependant,
           [.kyokai, .kumiai, .kyosai].contains(person.coverage.kind), random.chance(0.012) {
            person.coverage = PopulationBuilder.newCard(.kokuho, prefecture: person.prefecture,
                                                        municipality: person.municipality, random: &random)
        }
        // Marriage: the wife takes the husband's surname (96% of marriages) and his card as a dependant.
        if (24...38).contains(wholeAge), person.sex == .female, !person.coverage.isDependant, random.chance(0.005) {
            person.surname = NamePool.surname(prefecture: person.prefecture, random: &random)
            if random.chance(0.35) {
                var card = PopulationBuilder.newCard(PopulationBuilder.employment(&random), prefecture: person.prefecture,
                                                     municipality: person.municipality, random: &random)
                card.branch = 1
                person.coverage = card
            }
        }
        // Moving house: 30% of moves leave the prefecture.
        if random.chance(0.003) {
            move(&person, random: &random)
        }
        // Births to women 20–44, on the mother's card; 1% twins on the same card with the next 枝番.
        if person.sex == .female, random.chance(Demography.monthlyBirthRate(age: wholeAge)) {
            let birth = try! month.day(random.int(1...month.dayCount))
            let twins = random.chance(Demography.twinShare)
            for _ in 0..<(twins ? 2 : 1) {
                let key = Self.cardKey(person.coverage)
                let branch = max(branches[key, default: 0], person.coverage.branch) + 1
                branches[key] = branch
                persons.append(newborn(mother: person, birth: birth, branch: branch, id: persons.count))
            }
        }
    }

    private func move(_ person: inout SynthPerson, random: inout SynthRandom) {
        if random.chance(0.3) {
            person.prefecture = random.pick(prefectures)
        }
        person.municipality = random.pick(Geography.municipalityTables[person.prefecture]!)
        person.clinic = random.element(clinicsByMunicipality[person.municipality]
            ?? clinicsByPrefecture[person.prefecture] ?? Array(clinicsByPrefecture.values.joined().sorted()))
        person.hospital = random.element(hospitalsByPrefecture[person.prefecture]
            ?? Array(hospitalsByPrefecture.values.joined().sorted()))
        if person.coverage.kind == .kokuho || person.coverage.kind == .kouki, !person.coverage.isDependant {
            person.coverage = PopulationBuilder.newCard(person.coverage.kind, prefecture: person.prefecture,
                                                        municipality: person.municipality, random: &random)
        }
    }

    private func newborn(mother: SynthPerson, birth: CalendarDate, branch: Int, id: Int) -> SynthPerson {
        var random = SynthRandom.stream(config.seed, 2, UInt64(id))
        let sex: Sex = random.chance(0.512) ? .male : .female
        var card = mother.coverage
        card.branch = branch
        return SynthPerson(
            id: id, household: mother.household, sex: sex, birthDate: birth, surname: mother.surname,
            givenName: NamePool.givenName(sex: sex, birthYear: birth.year, random: &random),
            prefecture: mother.prefecture, municipality: mother.municipality, coverage: card,
            clinic: mother.clinic, hospital: mother.hospital, random: random)
    }
}
