public import LifecourseCore

extension CareCertification {
    /// The certification as a source record: name, kana, birth date, sex and the care card for the vault; the
    /// level and period for the research store; sent by the insurer.
    public func sourceRecord(position: SourcePosition, lastLine: Int?) -> SourceRecord {
        SourceRecord(
            format: .careRecords, position: position, lastLine: lastLine, sender: .insurer(insurerNumber),
            identity: PersonIdentity(name: name, kanaName: kanaName.isEmpty ? nil : kanaName, birthDate: birthDate,
                                     sex: sex, careInsurance: CareInsuranceCard(insurerNumber: insurerNumber,
                                                                                insuredNumber: insuredNumber)),
            encounter: nil, events: [], claim: nil,
            care: .certification(.init(insurerNumber: insurerNumber, level: level, certifiedOn: certifiedOn,
                                       validFrom: validFrom, validUntil: validUntil)),
            unknownRecords: [])
    }
}

extension CareClaim {
    /// The claim as a source record: birth date, sex and the care card for the vault (a care claim carries no
    /// name); the month's services for the research store; sent by the insurer.
    public func sourceRecord(position: SourcePosition, lastLine: Int?) -> SourceRecord {
        var record = SourceRecord(
            format: .careRecords, position: position, lastLine: lastLine, sender: .insurer(insurerNumber),
            identity: PersonIdentity(birthDate: birthDate, sex: sex,
                                     careInsurance: CareInsuranceCard(insurerNumber: insurerNumber,
                                                                      insuredNumber: insuredNumber)),
            encounter: nil, events: [], claim: nil,
            care: .claim(.init(serviceMonth: serviceMonth, providerNumber: providerNumber, insurerNumber: insurerNumber,
                               level: level, services: services)),
            unknownRecords: [])
        record.freeText = remarks.map { UnknownRecord(recordType: "16", text: $0.value, position: $0.position) }
        return record
    }
}
