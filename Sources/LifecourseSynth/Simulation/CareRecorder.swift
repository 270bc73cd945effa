import Foundation
import LifecourseCore
import LifecourseFormats

/// Collects a month's long-term care records by municipality (the 介護保険 insurer) and writes them:
/// certifications in the month they start or are renewed, and one claim per provider and certified person.
struct CareRecorder {
    private var certifications = [Int: [CareCertification]]()
    private var claims = [Int: [CareClaim]]()
    private var people = [Int: [Int]]()

    mutating func record(_ person: SynthPerson, month: YearMonth, seed: UInt64) {
        guard let level = person.careLevel, person.isAlive || person.deathDate!.yearMonth == month else { return }
        let insurer = Geography.municipalities[person.municipality].code6
        let insured = LongTermCare.insuredNumber(person)
        if person.careCertifiedMonth == month.index {
            let start = month.firstDay
            certifications[person.municipality, default: []].append(CareCertification(
                insurerNumber: insurer, insuredNumber: insured,
                name: person.surname.kanji + "　" + person.givenName.kanji,
                kanaName: person.surname.kana + " " + person.givenName.kana, birthDate: person.birthDate,
                sex: person.sex, level: level, certifiedOn: start.adding(days: -10), validFrom: start,
                validUntil: YearMonth(index: month.index + 11).lastDay))
        }
        var random = SynthRandom.stream(seed, 10, UInt64(person.id) << 24 | UInt64(month.index))
        let days = person.deathDate.map { $0.yearMonth == month ? $0.day : month.dayCount } ?? month.dayCount
        let services = LongTermCare.services(level: level, days: days, random: &random)
        guard !services.isEmpty else { return }
        let facility = services.contains { $0.kind == "51" }
        // Providers note in 摘要 a death during the month and the month a certification starts.
        var remarks = [String]()
        if person.careCertifiedMonth == month.index { remarks.append("認定有効期間の開始月") }
        if let death = person.deathDate, death.yearMonth == month { remarks.append("\(death.day)日死亡により終了") }
        let position = SourcePosition(file: "KYUFU.csv")
        claims[person.municipality, default: []].append(CareClaim(
            serviceMonth: month,
            providerNumber: LongTermCare.providerNumber(municipality: person.municipality, facility: facility),
            insurerNumber: insurer, insuredNumber: insured, birthDate: person.birthDate, sex: person.sex, level: level,
            services: services, remarks: remarks.map { Located($0, at: position) }))
        people[person.municipality, default: []].append(person.id)
    }

    /// Writes the month's files and the truth rows; returns how many files were written.
    mutating func write(month: YearMonth, to output: URL, truth: OutputFile, known: inout Set<String>) throws -> Int {
        var files = 0
        let folder = month.compact
        for municipality in Set(certifications.keys).union(claims.keys).sorted() {
            let insurer = Geography.municipalities[municipality].code6
            if let records = certifications[municipality] {
                try OutputFile.write(Array(CareFileWriter.certifications(records).utf8),
                                     to: output.appendingPathComponent("care/\(insurer)/\(folder)/NINTEI.csv"))
                files += 1
            }
            if let records = claims[municipality] {
                try OutputFile.write(Array(CareFileWriter.claims(records).utf8),
                                     to: output.appendingPathComponent("care/\(insurer)/\(folder)/KYUFU.csv"))
                files += 1
                for (record, person) in zip(records, people[municipality]!) {
                    let key = "\(insurer),\(record.insuredNumber)"
                    if known.insert(key).inserted { try truth.write("\(key),\(person)\n") }
                }
            }
        }
        certifications = [:]
        claims = [:]
        people = [:]
        return files
    }
}
