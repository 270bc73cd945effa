import LifecourseCore
import LifecourseFormats

/// The death certificates of the persons who died in a month, as the municipalities that accepted them pass
/// them on. Causes follow the person's conditions first; otherwise the national mix by age (厚生労働省「人口動態統計」
/// 2020: 心疾患 15%, 老衰 10% (mostly over 90), 脳血管疾患 8%, 肺炎 6%, 誤嚥性肺炎 3%, 不慮の事故 3%). Places: 病院 68%,
/// 自宅 16%, 老人ホーム 10%, 介護医療院・老健 4%, 診療所 2%.
struct DeathCertificates {
    let config: SynthConfig
    let institutions: [SynthInstitution]

    func certificate(for person: SynthPerson, number: Int) -> DeathCertificate {
        var random = SynthRandom.stream(config.seed, 7, UInt64(person.id))
        let death = person.deathDate!
        let age = person.age(on: death)
        var causes = [DeathCertificate.Cause]()
        let cancers = person.conditions.present.filter(\.isCancer)
        if let cancer = cancers.first {
            causes.append(.init(name: cancer.diagnosis.name, icd10: cancer.diagnosis.icd10,
                                duration: "\(random.int(1...5))年"))
        } else if person.conditions.has(.dementia), random.chance(0.5) {
            causes.append(.init(name: "誤嚥性肺炎", icd10: "J690", duration: "\(random.int(3...30))日"))
            causes.append(.init(name: "アルツハイマー型認知症", icd10: "G309", duration: "\(random.int(2...10))年"))
        } else if age >= 90, random.chance(0.45) {
            causes.append(.init(name: "老衰", icd10: "R54", duration: "\(random.int(1...3))年"))
        } else {
            let (name, icd10, duration) = random.pick(Self.commonCauses)
            causes.append(.init(name: name, icd10: icd10, duration: duration))
            if person.conditions.has(.hypertension), icd10.hasPrefix("I"), random.chance(0.4) {
                causes.append(.init(name: "高血圧症", icd10: "I10", duration: "\(random.int(5...20))年"))
            }
        }
        let contributing: DeathCertificate.Cause? = person.conditions.has(.diabetes)
            ? .init(name: "糖尿病", icd10: "E14", duration: "\(random.int(3...20))年")
            : person.conditions.has(.ckd) ? .init(name: "慢性腎臓病", icd10: "N189", duration: "\(random.int(2...10))年") : nil
        let place = random.pick(Self.places)
        let hospital = institutions[person.hospital]
        let clinic = institutions[person.clinic]
        let where_: InstitutionCode? = place == .hospital ? hospital.code : place == .clinic ? clinic.code : nil
        let municipality = Geography.municipalities[person.municipality]
        let kind: DeathCertificate.Kind = causes.first?.icd10 == "W19" ? .fall : .natural
        return DeathCertificate(
            municipality: municipality.code, acceptanceNumber: String(number),
            name: person.surname.kanji + "　" + person.givenName.kanji,
            kanaName: person.surname.kana + "　" + person.givenName.kana, sex: person.sex,
            birthDate: person.birthDate, deathDate: death,
            deathTime: random.int(0...23).zeroPadded(to: 2) + ":" + random.int(0...59).zeroPadded(to: 2), place: place,
            placeInstitution: where_,
            address: municipality.name + "\(random.int(1...9))丁目\(random.int(1...30))番\(random.int(1...20))号",
            causes: causes, contributing: contributing, kind: kind,
            certifyingInstitution: where_ ?? clinic.code)
    }

    static let commonCauses = WeightedTable<(String, String, String)>([
        (("心不全", "I509", "1年"), 9), (("急性心筋梗塞", "I219", "1日"), 4), (("脳梗塞", "I639", "1か月"), 5),
        (("脳出血", "I619", "3日"), 2.5), (("肺炎", "J189", "2週間"), 6), (("誤嚥性肺炎", "J690", "10日"), 3),
        (("腎不全", "N19", "6か月"), 2), (("敗血症", "A419", "5日"), 1.5), (("転倒", "W19", "1日"), 1.5),
    ])

    static let places = WeightedTable<DeathCertificate.Place>([
        (.hospital, 68), (.home, 16), (.nursingHome, 10), (.careHealthFacility, 4), (.clinic, 2),
    ])
}
