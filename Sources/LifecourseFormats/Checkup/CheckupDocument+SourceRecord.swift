public import LifecourseCore

extension CheckupDocument {
    /// The document as a source record: the examinee's card, kana name, sex, birth date and address for the vault;
    /// each measured item (a quantity) as a measurement and each coded answer as an observation (`questionnaire`
    /// for the 問診 items 9N7…, 9N8…, `checkup` for judgements such as メタボリックシンドローム判定), on the exam day;
    /// text results (the doctor's comments) as free text, kept encrypted with the person.
    public func sourceRecord(position: SourcePosition, institution: InstitutionCode) -> SourceRecord {
        let card = InsuranceCard(insurerNumber: examinee.insurerNumber, symbol: examinee.symbol.isEmpty ? nil : examinee.symbol,
                                 number: examinee.number, branch: examinee.branch)
        let address = [examinee.postalCode, examinee.address].compactMap { $0 }.joined(separator: " ")
        let identity = PersonIdentity(kanaName: examinee.kanaName.isEmpty ? nil : examinee.kanaName,
                                      birthDate: examinee.birthDate, sex: examinee.sex, insuranceCards: [card],
                                      address: address.isEmpty ? nil : address)
        var events = [ClinicalEvent]()
        var freeText = [UnknownRecord]()
        for observation in observations {
            var at = position
            at.line = observation.line ?? position.line
            switch observation.value {
            case .quantity(let value, let unit):
                let number = Double(value)
                events.append(.measurement(ClinicalEvent.Measurement(
                    system: .jlac10, code: observation.itemCode, name: observation.name, date: examDate, number: number,
                    text: number == nil ? value : nil, unit: unit.isEmpty ? nil : unit, referenceRange: nil,
                    abnormalFlag: nil, position: at)))
            case .code(let code, _, _):
                let questionnaire = observation.itemCode.hasPrefix("9N7") || observation.itemCode.hasPrefix("9N8")
                events.append(.observation(ClinicalEvent.Observation(
                    category: questionnaire ? "questionnaire" : "checkup", system: .jlac10, code: observation.itemCode,
                    name: observation.name, date: examDate, valueCode: code, position: at)))
            case .text(let text):
                freeText.append(UnknownRecord(recordType: "checkup-text", text: observation.itemCode + " " + text,
                                              position: at))
            }
        }
        var record = SourceRecord(format: .checkups, position: position, lastLine: nil, sender: .institution(institution),
                                  identity: identity, encounter: nil, events: events, claim: nil, unknownRecords: [])
        record.freeText = freeText
        return record
    }
}
