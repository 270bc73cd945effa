public import Foundation
import LifecourseCore
import LifecourseFormats

/// Generates a synthetic population month by month and writes what each institution would send, with the
/// ground truth in `truth/`.
///
/// Output layout:
/// - `claims/medical/PP/INSTITUTION/YYYYMM/{shaho,kokuho}/RECEIPTC.UKE` — 医科 claims per institution, month and
///   payer (社保 to 支払基金, 国保 and 後期 to 国保連), CP932 with CRLF.
/// - `claims/pharmacy/PP/PHARMACY/YYYYMM/{shaho,kokuho}/RECEIPTY.UKE` — 調剤 claims of the pharmacies that fill
///   the prescriptions of institutions without in-house dispensing (院外処方).
/// - `ssmix2/INSTITUTION/…` — each hospital's SS-MIX2 standardized storage (ISO-2022-JP HL7 v2.5).
/// - `checkups/INSURER/{centre}_{insurer}_{yyyymmdd}1_1.zip` — 特定健診 sending archives (index, summary and one
///   CDA document per examinee) from checkup centres and the clinics that examine 国保 members.
/// - `deaths/MUNICIPALITY/YYYYMM.csv` — death certificates in the documented CSV.
/// - `care/INSURER/YYYYMM/{NINTEI,KYUFU}.csv` — 要介護認定 and 介護給付費 records in the documented layout.
/// - `fhir/INSTITUTION/YYYYMM/PATIENT.json` — FHIR R4 JP Core bundles from clinics whose systems send them.
/// - `truth/persons.csv`, `truth/claims.csv`, `truth/ssmix2_patients.csv`, `truth/deaths.csv`,
///   `truth/institutions.csv` — who everyone is and which person each record is about. Only evaluation code
///   reads these.
/// - `manifest.json` — the configuration and the counts.
///
/// The same configuration gives byte-identical output: every random draw comes from a stream derived from
/// the seed, persons are visited in a fixed order, and files are written in a fixed order.
public struct SynthGenerator: Sendable {
    public let config: SynthConfig

    public init(config: SynthConfig) {
        self.config = config
    }

    public func run(to output: URL, progress: (SynthProgress) -> Void = { _ in }) throws -> SynthSummary {
        var (persons, institutions) = PopulationBuilder(config: config).build()
        var summary = SynthSummary()
        summary.institutions = institutions.count
        let initialCount = persons.count
        let events = LifeEvents(config: config, institutions: institutions)
        let care = CareModel(config: config, institutions: institutions)
        var branches = [String: Int]()
        for person in persons {
            let key = LifeEvents.cardKey(person.coverage)
            branches[key] = max(branches[key, default: 0], person.coverage.branch)
        }
        let truthClaims = try OutputFile(output.appendingPathComponent("truth/claims.csv"))
        try truthClaims.write("file,claim_number,person_id\n")
        let truthDeaths = try OutputFile(output.appendingPathComponent("truth/deaths.csv"))
        try truthDeaths.write("file,acceptance_number,person_id\n")
        let certificates = DeathCertificates(config: config, institutions: institutions)
        let truthPatients = try OutputFile(output.appendingPathComponent("truth/ssmix2_patients.csv"))
        try truthPatients.write("hospital,patient_id,person_id\n")
        let ssmix2 = SSMIX2Recorder(config: config, output: output, truth: truthPatients)
        let truthFHIR = try OutputFile(output.appendingPathComponent("truth/fhir_patients.csv"))
        try truthFHIR.write("institution,patient_id,person_id\n")
        let fhir = FHIRRecorder(output: output, truth: truthFHIR)
        let truthCare = try OutputFile(output.appendingPathComponent("truth/care.csv"))
        try truthCare.write("insurer,insured_number,person_id\n")
        var knownCare = Set<String>()
        let truthCheckups = try OutputFile(output.appendingPathComponent("truth/checkups.csv"))
        try truthCheckups.write("archive,document,person_id\n")
        var checkups = CheckupRecorder(config: config, institutions: institutions)
        let months = config.months
        for (monthIndex, month) in months.enumerated() {
            events.step(&persons, month: month, branches: &branches)
            // One prefecture at a time, so that only one prefecture's month of claims is held in memory:
            // persons visit institutions of the prefecture they live in.
            var longTermCare = CareRecorder()
            var byPrefecture = [Int: [Int]]()
            for index in persons.indices { byPrefecture[persons[index].prefecture, default: []].append(index) }
            for prefecture in byPrefecture.keys.sorted() {
                var files = [String: (institution: Int, payer: Int, claims: [WrittenClaim], people: [Int])]()
                var pharmacyFiles = [String: (pharmacy: Int, payer: Int, claims: [WrittenDispensingClaim],
                                              people: [Int])]()
                for index in byPrefecture[prefecture]! {
                    var person = persons[index]
                    if let death = person.deathDate, death.yearMonth < month { continue }
                    if person.birthDate > month.lastDay { continue }
                    if config.outputs.contains(.care) { longTermCare.record(person, month: month, seed: config.seed) }
                    if config.outputs.contains(.checkups) { checkups.record(person, month: month) }
                    var random = SynthRandom.stream(config.seed, 6, UInt64(person.id) << 24 | UInt64(month.index))
                    for (institutionIndex, visits) in care.visits(of: &person, month: month, random: &random) {
                        let institution = institutions[institutionIndex]
                        let payer = [.kokuho, .kouki].contains(person.coverage.kind) ? 2 : 1
                        let key = "\(institution.code.code)|\(payer)"
                        var file = files[key] ?? (institutionIndex, payer, [], [])
                        let first = person.visit(institutionIndex)
                        file.claims.append(care.claim(number: file.claims.count + 1, person: person,
                                                      institution: institution, month: month, visits: visits,
                                                      firstVisit: first))
                        file.people.append(person.id)
                        files[key] = file
                        if let slip = care.prescriptionSlip(person: person, institution: institution, month: month,
                                                            visits: visits) {
                            let pharmacy = institutions[slip.pharmacy]
                            let key = "\(pharmacy.code.code)|\(payer)"
                            var file = pharmacyFiles[key] ?? (slip.pharmacy, payer, [], [])
                            file.claims.append(care.dispensingClaim(
                                number: file.claims.count + 1, person: person, pharmacy: pharmacy,
                                prescriber: institution, month: month, receptions: [slip.reception]))
                            file.people.append(person.id)
                            pharmacyFiles[key] = file
                        }
                        if institution.kind == .hospital, config.outputs.contains(.ssmix2) {
                            try ssmix2.record(person: person, hospital: institution, month: month, visits: visits)
                        } else if institution.sendsFHIR, institution.kind != .hospital, config.outputs.contains(.fhir) {
                            try fhir.record(person: person, clinic: institution, month: month, visits: visits,
                                            config: config)
                        }
                    }
                    persons[index] = person
                }
                for key in files.keys.sorted() where config.outputs.contains(.claims) {
                    let file = files[key]!
                    let institution = institutions[file.institution]
                    var writer = ClaimsFileWriter(dateStyle: institution.habits.eraDates ? .era : .western)
                    writer.institution(institution.code, payer: file.payer, name: institution.name,
                                       billingMonth: YearMonth(index: month.index + 1))
                    for claim in file.claims { writer.claim(claim) }
                    let dental = institution.kind == .dentalClinic
                    summary.bytes += try write(
                        try writer.finish(), kind: dental ? "dental" : "medical", institution: institution, payer: file.payer, month: month,
                        claims: file.claims.map(\.header.claimNumber), people: file.people, to: output,
                        truth: truthClaims)
                    summary.claimsFiles += 1
                    summary.claims += file.claims.count
                    if dental { summary.dentalClaims += file.claims.count }
                    summary.dpcClaims += file.claims.filter { $0.dpc != nil }.count
                }
                for key in pharmacyFiles.keys.sorted() where config.outputs.contains(.claims) {
                    let file = pharmacyFiles[key]!
                    let pharmacy = institutions[file.pharmacy]
                    var writer = DispensingClaimsFileWriter(dateStyle: pharmacy.habits.eraDates ? .era : .western)
                    writer.pharmacy(pharmacy.code, payer: file.payer, name: pharmacy.name,
                                    billingMonth: YearMonth(index: month.index + 1))
                    for claim in file.claims { writer.claim(claim) }
                    summary.bytes += try write(
                        try writer.finish(), kind: "pharmacy", institution: pharmacy, payer: file.payer, month: month,
                        claims: file.claims.map(\.header.claimNumber), people: file.people, to: output,
                        truth: truthClaims)
                    summary.dispensingFiles += 1
                    summary.dispensingClaims += file.claims.count
                }
                if config.outputs.contains(.checkups) {
                    let written = try checkups.write(month: month, to: output, truth: truthCheckups)
                    summary.checkupArchives += written.archives
                    summary.checkups += written.documents
                }
            }
            if config.outputs.contains(.care) {
                summary.careFiles += try longTermCare.write(month: month, to: output, truth: truthCare, known: &knownCare)
            }
            if config.outputs.contains(.deaths) {
                try writeDeaths(of: persons, in: month, certificates: certificates, to: output, truth: truthDeaths,
                                summary: &summary)
            }
            progress(SynthProgress(month: month.description, monthIndex: monthIndex, monthCount: months.count,
                                   claims: summary.claims))
        }
        try truthClaims.close()
        try truthDeaths.close()
        try truthPatients.close()
        try truthCare.close()
        try truthFHIR.close()
        try truthCheckups.close()
        summary.fhirFiles = fhir.files
        summary.ssmix2Files = ssmix2.files
        summary.persons = persons.count
        summary.births = persons.count - initialCount
        summary.deaths = persons.filter { !$0.isAlive }.count
        try TruthWriter(output: output).write(persons: persons, institutions: institutions)
        try writeManifest(summary, to: output)
        return summary
    }

    /// Writes one claims file and its rows of `truth/claims.csv`; returns the file's size.
    private func write(_ bytes: [UInt8], kind: String, institution: SynthInstitution, payer: Int, month: YearMonth,
                       claims: [Int], people: [Int], to output: URL, truth: OutputFile) throws -> Int {
        let name = kind == "pharmacy" ? "RECEIPTY.UKE" : "RECEIPTC.UKE"
        let path = "claims/\(kind)/\(institution.prefecture.zeroPadded(to: 2))/\(institution.code.code)/"
            + "\(month.compact)/\(payer == 1 ? "shaho" : "kokuho")/\(name)"
        try OutputFile.write(bytes, to: output.appendingPathComponent(path))
        for (claim, person) in zip(claims, people) {
            try truth.write("\(path),\(claim),\(person)\n")
        }
        return bytes.count
    }

    /// The death certificates of the month, one CSV per accepting municipality.
    private func writeDeaths(of persons: [SynthPerson], in month: YearMonth, certificates: DeathCertificates,
                             to output: URL, truth: OutputFile, summary: inout SynthSummary) throws {
        let died = persons.filter { $0.deathDate?.yearMonth == month }
        let byMunicipality = Dictionary(grouping: died, by: \.municipality)
        for municipality in byMunicipality.keys.sorted() {
            let code = Geography.municipalities[municipality].code6
            let path = "deaths/\(code)/\(month.compact).csv"
            let people = byMunicipality[municipality]!
            let rows = people.enumerated().map { certificates.certificate(for: $1, number: $0 + 1) }
            try OutputFile.write(Array(DeathCertificateCSV.file(rows).utf8), to: output.appendingPathComponent(path))
            for (number, person) in people.enumerated() {
                try truth.write("\(path),\(number + 1),\(person.id)\n")
            }
            summary.deathFiles += 1
        }
    }

    private func writeManifest(_ summary: SynthSummary, to output: URL) throws {
        struct Manifest: Encodable {
            let generator = "lifecourse synth"
            let config: SynthConfig
            let summary: SynthSummary
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try OutputFile.write(Array(try encoder.encode(Manifest(config: config, summary: summary))),
                             to: output.appendingPathComponent("manifest.json"))
    }
}
