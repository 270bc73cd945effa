import Foundation
import LifecourseCore
import LifecourseFormats

/// Collects a month's 特定健診 documents by checkup centre and insurer, and writes each group as a sending archive
/// (`checkups/INSURER/{sender}_{receiver}_{yyyymmdd}1_1.zip`, dated the first of the next month) with its rows of
/// `truth/checkups.csv`. 国保 members are examined at their clinic, everyone else at a checkup centre of their
/// prefecture.
struct CheckupRecorder {
    let model: CheckupModel
    let config: SynthConfig
    let institutions: [SynthInstitution]
    /// Checkup centres by prefecture, by index of `institutions`.
    let centres: [Int: [Int]]
    /// 特定健診 単価 (yen), a typical contract price.
    static let unitPrice = 8_000

    private var groups = [String: (centre: Int, insurer: String, documents: [CheckupDocument], people: [Int])]()

    init(config: SynthConfig, institutions: [SynthInstitution]) {
        self.config = config
        self.institutions = institutions
        model = CheckupModel(seed: config.seed)
        centres = Dictionary(grouping: institutions.filter { $0.kind == .checkupCentre }.map(\.index)) {
            institutions[$0].prefecture
        }
    }

    /// Records the person's checkup if they have one this month (and are alive on its day).
    mutating func record(_ person: SynthPerson, month: YearMonth) {
        guard model.isExamined(person, in: month) else { return }
        let day = try! month.day(1 + Int(truncatingIfNeeded: UInt64(person.id) &* 0xD6E8_FEB8_6659_FD93 >> 40) % 28)
        if let death = person.deathDate, death <= day { return }
        let centre: Int
        if person.coverage.kind == .kokuho {
            centre = person.clinic
        } else {
            let candidates = centres[person.prefecture]!
            centre = candidates[person.id % candidates.count]
        }
        let institution = institutions[centre]
        let written = WrittenIdentity(person: person, institution: institution, month: month, config: config)
        let insurer = person.coverage.insurerNumber.count == 6 ? "00" + person.coverage.insurerNumber
            : person.coverage.insurerNumber
        let document = CheckupDocument(
            examinee: .init(insurerNumber: insurer, symbol: written.symbol, number: written.number,
                            branch: written.branch, kanaName: written.kana, sex: person.sex,
                            birthDate: written.birthDate, postalCode: person.postalCode, address: person.address),
            centre: .init(code: institution.code.code, name: institution.name), examDate: day,
            createdOn: YearMonth(index: month.index + 1).firstDay, observations: model.observations(for: person, on: day))
        let key = "\(institution.code.code)|\(insurer)"
        groups[key, default: (centre, insurer, [], [])].documents.append(document)
        groups[key]!.people.append(person.id)
    }

    /// Writes the collected archives and forgets them; returns how many archives and documents were written.
    mutating func write(month: YearMonth, to output: URL, truth: OutputFile) throws -> (archives: Int, documents: Int) {
        var documents = 0
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let writer = CheckupArchiveWriter(sender: institutions[group.centre].code.code, receiver: group.insurer,
                                              createdOn: YearMonth(index: month.index + 1).firstDay,
                                              unitPrice: Self.unitPrice)
            let path = "checkups/\(group.insurer)/\(writer.rootName).zip"
            try writer.write(group.documents, to: output.appendingPathComponent(path))
            for (serial, person) in group.people.enumerated() {
                try truth.write("\(path),\(writer.documentName(serial: serial + 1)),\(person)\n")
            }
            documents += group.documents.count
        }
        let archives = groups.count
        groups = [:]
        return (archives, documents)
    }
}
