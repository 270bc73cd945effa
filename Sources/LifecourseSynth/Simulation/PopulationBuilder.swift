import LifecourseCore

/// Builds the population at the start of the first month: persons drawn from the census pyramid, children
/// and non-working spouses placed on an insured person's card as dependants, conditions assigned by their
/// prevalence, and the institutions the population needs.
struct PopulationBuilder {
    let config: SynthConfig
    let start: CalendarDate
    let prefectures: WeightedTable<Int>

    init(config: SynthConfig) {
        self.config = config
        start = try! CalendarDate(year: config.firstYear, month: 1, day: 1)
        prefectures = config.prefectureTable
    }

    func build() -> (persons: [SynthPerson], institutions: [SynthInstitution]) {
        var random = SynthRandom.stream(config.seed, 1)
        var persons = [SynthPerson]()
        persons.reserveCapacity(config.persons + config.persons / 50)
        while persons.count < config.persons {
            let (band, sex) = random.pick(Demography.ageSexTable)
            let age = band == 100 ? 100 + random.int(0...4) : band + random.int(0...4)
            persons.append(makePerson(id: persons.count, age: age, sex: sex, random: &random))
            if age < 1, random.chance(Demography.twinShare), persons.count < config.persons {
                var twin = makePerson(id: persons.count, age: 0, sex: random.chance(0.5) ? .male : .female,
                                      random: &random, birthDate: persons[persons.count - 1].birthDate)
                twin.household = persons[persons.count - 1].household
                twin.prefecture = persons[persons.count - 1].prefecture
                twin.municipality = persons[persons.count - 1].municipality
                twin.surname = persons[persons.count - 1].surname
                persons.append(twin)
            }
        }
        formHouseholds(&persons, random: &random)
        let institutions = InstitutionBuilder(config: config).build(for: persons)
        assignInstitutions(&persons, institutions: institutions)
        assignConditions(&persons)
        return (persons, institutions)
    }

    private func makePerson(id: Int, age: Int, sex: Sex, random: inout SynthRandom,
                            birthDate: CalendarDate? = nil) -> SynthPerson {
        var own = SynthRandom.stream(config.seed, 2, UInt64(id))
        let birth = birthDate ?? start.adding(days: -(age * 365 + own.int(0...364) + age / 4))
        let prefecture = own.pick(prefectures)
        let municipality = own.pick(Geography.municipalityTables[prefecture]!)
        let surname = NamePool.surname(prefecture: prefecture, random: &own)
        let given = NamePool.givenName(sex: sex, birthYear: birth.year, random: &own)
        let coverage = Self.ownCoverage(age: start.age(bornOn: birth), prefecture: prefecture,
                                        municipality: municipality, random: &own)
        return SynthPerson(id: id, household: id, sex: sex, birthDate: birth, surname: surname, givenName: given,
                           prefecture: prefecture, municipality: municipality, coverage: coverage, clinic: -1,
                           hospital: -1, random: own)
    }

    /// The insurance a person holds in their own name at an age.
    static func ownCoverage(age: Int, prefecture: Int, municipality: Int, random: inout SynthRandom) -> Coverage {
        let kind: InsuranceKind
        switch age {
        case 75...: kind = .kouki
        case 65..<75: kind = random.chance(0.2) ? employment(&random) : .kokuho
        case 60..<65: kind = random.chance(0.55) ? employment(&random) : .kokuho
        case 20..<60: kind = random.chance(0.78) ? employment(&random) : .kokuho
        default: kind = .kokuho
        }
        return newCard(kind, prefecture: prefecture, municipality: municipality, random: &random)
    }

    static func employment(_ random: inout SynthRandom) -> InsuranceKind {
        let draw = random.uniform()
        return draw < 0.52 ? .kyokai : draw < 0.88 ? .kumiai : .kyosai
    }

    /// A new card of a kind: insurer by prefecture (and municipality for 国保), 記号 and 番号 as such insurers
    /// print them.
    static func newCard(_ kind: InsuranceKind, prefecture: Int, municipality: Int, random: inout SynthRandom) -> Coverage {
        let serial = kind == .kokuho ? municipality : random.int(0...40)
        let insurer = Insurers.number(kind, prefecture: prefecture, serial: serial)
        let symbol: String
        let number: String
        switch kind {
        case .kyokai:
            symbol = String(random.int(10_000_000...99_999_999))
            number = String(random.int(1...9_999))
        case .kumiai:
            symbol = String(random.int(1...9_999))
            number = String(random.int(1...99_999))
        case .kyosai:
            symbol = String(random.int(10...99))
            number = String(random.int(100_000...999_999))
        case .kokuho:
            symbol = String(random.int(1...99))
            number = String(random.int(100_000...9_999_999))
        case .kouki:
            symbol = ""
            number = String(random.int(10_000_000...99_999_999))
        }
        return Coverage(kind: kind, insurerNumber: insurer, symbol: symbol, number: number, branch: 0)
    }

    /// Places children under 20 and some spouses on the card of an adult in the same prefecture, of an age
    /// that makes them parent (22–42 years older) or spouse (within 5 years). Twins share one parent.
    private func formHouseholds(_ persons: inout [SynthPerson], random: inout SynthRandom) {
        var adults = [Int: [Int]]()  // prefecture * 200 + age → indices of insured adults who can head a household
        for person in persons {
            let age = person.age(on: start)
            if (22...70).contains(age), person.coverage.kind != .kouki {
                adults[person.prefecture * 200 + age, default: []].append(person.id)
            }
        }
        var nextBranch = [Int: Int]()
        func attach(_ index: Int, to head: Int) {
            let branch = nextBranch[head, default: 1]
            nextBranch[head] = branch + 1
            var card = persons[head].coverage
            card.branch = branch
            persons[index].coverage = card
            persons[index].household = persons[head].household
            persons[index].prefecture = persons[head].prefecture
            persons[index].municipality = persons[head].municipality
            if persons[index].age(on: start) < 20 { persons[index].surname = persons[head].surname }
        }
        var twinOf = [CalendarDate: Int]()
        for index in persons.indices {
            let person = persons[index]
            let age = person.age(on: start)
            if age < 20 {
                if let sibling = twinOf[person.birthDate], persons[sibling].household == person.household {
                    attach(index, to: persons[sibling].coverage.isDependant ? headOf(sibling, persons) : sibling)
                    continue
                }
                for _ in 0..<8 {
                    let key = person.prefecture * 200 + age + random.int(22...42)
                    if let candidates = adults[key], !candidates.isEmpty {
                        attach(index, to: random.element(candidates))
                        break
                    }
                }
                if age == 0 { twinOf[person.birthDate] = index }
            } else if (25...64).contains(age), person.sex == .female, random.chance(0.30) {
                let key = person.prefecture * 200 + age + random.int(-2...5)
                if let candidates = adults[key]?.filter({ persons[$0].sex == .male && !persons[$0].coverage.isDependant }),
                   !candidates.isEmpty {
                    let head = random.element(candidates)
                    attach(index, to: head)
                    persons[index].surname = persons[head].surname
                }
            }
        }
    }

    private func headOf(_ index: Int, _ persons: [SynthPerson]) -> Int {
        persons[index].household
    }

    private func assignInstitutions(_ persons: inout [SynthPerson], institutions: [SynthInstitution]) {
        let byMunicipality = Dictionary(grouping: institutions.filter { $0.kind == .clinic }, by: \.municipality)
        let hospitalsByPrefecture = Dictionary(grouping: institutions.filter { $0.kind == .hospital }, by: \.prefecture)
        for index in persons.indices {
            var random = persons[index].random
            persons[index].clinic = random.element(byMunicipality[persons[index].municipality]!).index
            persons[index].hospital = random.element(hospitalsByPrefecture[persons[index].prefecture]!).index
            persons[index].followedAtHospital = random.chance(0.2)
            persons[index].random = random
        }
    }

    private func assignConditions(_ persons: inout [SynthPerson]) {
        let startIndex = YearMonth(index: start.yearMonth.index).index
        for index in persons.indices {
            var random = persons[index].random
            let age = Double(persons[index].age(on: start))
            for condition in ChronicCondition.allCases {
                let p = condition.prevalence(age: age, sex: persons[index].sex)
                guard random.chance(p) else { continue }
                // Began some time ago: up to ten years, never before birth.
                let monthsAgo = min(random.int(0...120), Int(age * 12))
                persons[index].conditions.begin(condition, month: startIndex - monthsAgo)
                if random.chance(condition.treatedShare) { persons[index].conditions.treat(condition, random: &random) }
            }
            // Persons already certified for long-term care, renewed some time in the past year.
            if age >= 65 {
                let dementia = persons[index].conditions.has(.dementia)
                let share = Demography.interpolate(LongTermCare.certifiedShare, at: age, female: false)
                    * (dementia ? 3 : 1) / (1 + 2 * ChronicCondition.dementia.prevalence(age: age, sex: persons[index].sex))
                if random.chance(min(share, 0.95)) {
                    persons[index].careLevel = random.pick(LongTermCare.firstLevels)
                    persons[index].careCertifiedMonth = startIndex - random.int(0...11)
                }
            }
            persons[index].random = random
        }
    }
}
