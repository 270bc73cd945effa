public import LifecourseCore

extension DeathCertificate {
    /// The certificate as a source record: the identity for the vault (name, kana, birth date, sex, address),
    /// the death for the research store, sent by the municipality that accepted it.
    public func sourceRecord(position: SourcePosition, lastLine: Int?) -> SourceRecord {
        func fact(_ line: String, _ cause: Cause) -> DeathCause {
            DeathCause(line: line, icd10: cause.icd10, name: cause.name.isEmpty ? nil : cause.name,
                             interval: cause.duration.isEmpty ? nil : cause.duration)
        }
        var lines = causes.enumerated().map { fact(DeathCertificateCSV.causeLines[$0.offset], $0.element) }
        if let contributing { lines.append(fact("II", contributing)) }
        let facts = DeathFacts(date: deathDate, time: deathTime.isEmpty ? nil : deathTime,
                               place: String(describing: place), placeInstitution: placeInstitution,
                               manner: String(describing: kind), certifyingInstitution: certifyingInstitution,
                               causes: lines)
        let identity = PersonIdentity(name: name, kanaName: kanaName.isEmpty ? nil : kanaName, birthDate: birthDate,
                                      sex: sex, address: address.isEmpty ? nil : address)
        return SourceRecord(format: .deathCertificates, position: position, lastLine: lastLine,
                            sender: .municipality(municipality), identity: identity, encounter: nil, events: [],
                            claim: nil, death: facts, unknownRecords: [])
    }
}
