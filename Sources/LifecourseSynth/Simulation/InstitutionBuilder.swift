import LifecourseCore

/// Creates the institutions a population needs: a clinic for about every 1,200 persons in each municipality
/// (at least one), a hospital for about every 15,000 in each prefecture (at least one), and a pharmacy (保険薬局)
/// for about every 2,000 persons in each municipality (at least one; Japan has about 62,000 pharmacies,
/// 衛生行政報告例 2022), and a checkup centre (健診機関) for about every 30,000 persons in each prefecture (at least
/// one), a dental clinic (歯科診療所) for about every 1,800 persons in each municipality (at least one; Japan has
/// about 67,000, 医療施設調査 2022), with real-format 10-digit codes (点数表 3 for dental clinics, 4 for
/// pharmacies) and beds drawn from the national bed-size mix (医療施設調査). The first hospital of each
/// prefecture and every hospital of 200 beds or more is a DPC hospital (DPC対象病院: about 1,760 of 8,200
/// hospitals, most acute-care beds).
struct InstitutionBuilder {
    let config: SynthConfig

    func build(for persons: [SynthPerson]) -> [SynthInstitution] {
        var random = SynthRandom.stream(config.seed, 3)
        var perMunicipality = [Int: Int]()
        var perPrefecture = [Int: Int]()
        for person in persons {
            perMunicipality[person.municipality, default: 0] += 1
            perPrefecture[person.prefecture, default: 0] += 1
        }
        var institutions = [SynthInstitution]()
        var serials = [Int: Int]()
        func code(prefecture: Int, schedule: FeeSchedule, municipality: Int) -> InstitutionCode {
            let serial = serials[prefecture, default: 0] + 1
            serials[prefecture] = serial
            let district = 1 + municipality % 90
            let body = prefecture.zeroPadded(to: 2) + String(schedule.rawValue) + district.zeroPadded(to: 2) + (serial % 10_000).zeroPadded(to: 4)
            let check = CheckDigit.luhn(for: body)!
            return try! InstitutionCode(body + String(check))
        }
        for municipality in perMunicipality.keys.sorted() {
            let place = Geography.municipalities[municipality]
            let count = max(1, perMunicipality[municipality]! / 1200)
            for number in 1...count {
                institutions.append(SynthInstitution(
                    index: institutions.count, kind: .clinic,
                    code: code(prefecture: place.prefectureCode, schedule: .medical, municipality: municipality),
                    name: "\(place.name)第\(number)クリニック", prefecture: place.prefectureCode,
                    municipality: municipality, beds: random.chance(0.06) ? random.int(1...19) : 0,
                    dispensesInHouse: random.chance(0.25), sendsFHIR: random.chance(0.15),
                    habits: SystemHabits(noise: config.noise, random: &random)))
            }
        }
        for prefecture in perPrefecture.keys.sorted() {
            let count = max(1, perPrefecture[prefecture]! / 15_000)
            let places = Geography.municipalities(in: prefecture)
            for number in 1...count {
                let place = places[number % places.count]
                let municipality = Geography.municipalities.firstIndex(of: place)!
                var hospital = SynthInstitution(
                    index: institutions.count, kind: .hospital,
                    code: code(prefecture: prefecture, schedule: .medical, municipality: municipality),
                    name: "\(place.name)総合病院\(number == 1 ? "" : String(number))", prefecture: prefecture,
                    municipality: municipality, beds: random.pick(Self.bedSizes) + random.int(0...49),
                    dispensesInHouse: false, sendsFHIR: false, habits: SystemHabits(noise: config.noise, random: &random))
                hospital.participatesInDPC = number == 1 || hospital.beds >= 200
                institutions.append(hospital)
            }
        }
        for municipality in perMunicipality.keys.sorted() {
            let place = Geography.municipalities[municipality]
            for number in 1...max(1, perMunicipality[municipality]! / 2000) {
                institutions.append(SynthInstitution(
                    index: institutions.count, kind: .pharmacy,
                    code: code(prefecture: place.prefectureCode, schedule: .pharmacy, municipality: municipality),
                    name: "\(place.name)\(number == 1 ? "" : String(number))薬局", prefecture: place.prefectureCode,
                    municipality: municipality, beds: 0, dispensesInHouse: true, sendsFHIR: false,
                    habits: SystemHabits(noise: config.noise, random: &random)))
            }
        }
        for prefecture in perPrefecture.keys.sorted() {
            let places = Geography.municipalities(in: prefecture)
            for number in 1...max(1, perPrefecture[prefecture]! / 30_000) {
                let place = places[(number * 7) % places.count]
                let municipality = Geography.municipalities.firstIndex(of: place)!
                institutions.append(SynthInstitution(
                    index: institutions.count, kind: .checkupCentre,
                    code: code(prefecture: prefecture, schedule: .medical, municipality: municipality),
                    name: "\(place.name)健診センター\(number == 1 ? "" : String(number))", prefecture: prefecture,
                    municipality: municipality, beds: 0, dispensesInHouse: false, sendsFHIR: false,
                    habits: SystemHabits(noise: config.noise, random: &random)))
            }
        }
        for municipality in perMunicipality.keys.sorted() {
            let place = Geography.municipalities[municipality]
            for number in 1...max(1, perMunicipality[municipality]! / 1800) {
                institutions.append(SynthInstitution(
                    index: institutions.count, kind: .dentalClinic,
                    code: code(prefecture: place.prefectureCode, schedule: .dental, municipality: municipality),
                    name: "\(place.name)第\(number)歯科医院", prefecture: place.prefectureCode, municipality: municipality,
                    beds: 0, dispensesInHouse: false, sendsFHIR: false,
                    habits: SystemHabits(noise: config.noise, random: &random)))
            }
        }
        return institutions
    }

    /// Hospital bed-size classes and their shares (厚生労働省「医療施設調査」 2020: 20–99 beds 68%, 100–199 21%,
    /// 200–299 6%, 300–499 4%, 500+ 2%).
    static let bedSizes = WeightedTable([(20, 0.35), (50, 0.33), (100, 0.21), (200, 0.06), (300, 0.04), (500, 0.02)])
}

