public import Foundation
public import LifecourseCore

/// What a clinic's FHIR-capable system sends about one patient for one month: a JP Core `collection` Bundle
/// with the Patient, their Coverage and its payer, the Encounter, Conditions, MedicationRequests and
/// laboratory Observations. Written as JSON with sorted keys, so that the same input gives the same bytes.
public struct JPCoreBundle: Sendable {
    public struct Patient: Sendable {
        public var id: String
        public var familyName: String
        public var givenName: String
        public var familyKana: String
        public var givenKana: String
        public var sex: Sex
        public var birthDate: CalendarDate
        public var postalCode: String
        public var address: String

        public init(id: String, familyName: String, givenName: String, familyKana: String, givenKana: String, sex: Sex,
                    birthDate: CalendarDate, postalCode: String, address: String) {
            self.id = id
            self.familyName = familyName
            self.givenName = givenName
            self.familyKana = familyKana
            self.givenKana = givenKana
            self.sex = sex
            self.birthDate = birthDate
            self.postalCode = postalCode
            self.address = address
        }
    }

    public struct Card: Sendable {
        public var insurerNumber: String
        public var symbol: String
        public var number: String
        public var branch: String?

        public init(insurerNumber: String, symbol: String, number: String, branch: String?) {
            self.insurerNumber = insurerNumber
            self.symbol = symbol
            self.number = number
            self.branch = branch
        }
    }

    public struct Condition: Sendable {
        public var name: String
        public var claimsCode: String?
        public var icd10: String
        public var onset: CalendarDate
        public var resolved: Bool

        public init(name: String, claimsCode: String?, icd10: String, onset: CalendarDate, resolved: Bool) {
            self.name = name
            self.claimsCode = claimsCode
            self.icd10 = icd10
            self.onset = onset
            self.resolved = resolved
        }
    }

    public struct Prescription: Sendable {
        public var hot9: String
        public var yj: String?
        public var name: String
        public var dailyAmount: Double
        public var unitCode: String
        public var unitName: String
        public var days: Int

        public init(hot9: String, yj: String?, name: String, dailyAmount: Double, unitCode: String, unitName: String,
                    days: Int) {
            self.hot9 = hot9
            self.yj = yj
            self.name = name
            self.dailyAmount = dailyAmount
            self.unitCode = unitCode
            self.unitName = unitName
            self.days = days
        }
    }

    public var institution: String
    public var patient: Patient
    public var card: Card?
    public var visitDays: [CalendarDate]
    public var conditions: [Condition]
    public var prescriptions: [Prescription]

    public init(institution: String, patient: Patient, card: Card?, visitDays: [CalendarDate], conditions: [Condition],
                prescriptions: [Prescription]) {
        self.institution = institution
        self.patient = patient
        self.card = card
        self.visitDays = visitDays
        self.conditions = conditions
        self.prescriptions = prescriptions
    }

    /// The Bundle as JSON.
    public func json(id: String, timestamp: String) throws -> Data {
        var entries = [[String: Any]]()
        func add(_ type: String, _ localID: String, _ resource: [String: Any]) {
            var resource = resource
            resource["resourceType"] = type
            resource["id"] = localID
            entries.append(["fullUrl": "urn:uuid:\(localID)", "resource": resource])
        }
        let patientRef = ["reference": "urn:uuid:patient-\(patient.id)"]
        add("Patient", "patient-\(patient.id)", [
            "meta": ["profile": [JPCore.profile("JP_Patient")]],
            "identifier": [["system": JPCore.patientIdentifierSystem(institution: institution), "value": patient.id]],
            "name": [
                ["extension": [["url": JPCore.nameRepresentation, "valueCode": "IDE"]], "use": "official",
                 "text": patient.familyName + "　" + patient.givenName, "family": patient.familyName,
                 "given": [patient.givenName]],
                ["extension": [["url": JPCore.nameRepresentation, "valueCode": "SYL"]], "use": "official",
                 "text": patient.familyKana + "　" + patient.givenKana, "family": patient.familyKana,
                 "given": [patient.givenKana]],
            ],
            "gender": patient.sex == .male ? "male" : patient.sex == .female ? "female" : "unknown",
            "birthDate": patient.birthDate.description,
            "address": [["postalCode": patient.postalCode, "text": patient.address, "country": "JP"]],
        ])
        if let card {
            add("Organization", "payer-\(card.insurerNumber)", [
                "meta": ["profile": [JPCore.profile("JP_Organization")]],
                "extension": [["url": JPCore.insuranceOrganizationNo,
                               "valueIdentifier": ["system": JPCore.insurerNumberSystem, "value": card.insurerNumber]]],
                "identifier": [["system": JPCore.insurerNumberSystem, "value": card.insurerNumber]],
            ])
            var extensions: [[String: Any]] = [
                ["url": JPCore.insuredPersonSymbol, "valueString": card.symbol],
                ["url": JPCore.insuredPersonNumber, "valueString": card.number],
            ]
            if let branch = card.branch { extensions.append(["url": JPCore.insuredPersonSubNumber, "valueString": branch]) }
            var coverage: [String: Any] = [
                "meta": ["profile": [JPCore.profile("JP_Coverage")]], "extension": extensions, "status": "active",
                "subscriberId": card.symbol + "・" + card.number, "beneficiary": patientRef,
                "payor": [["reference": "urn:uuid:payer-\(card.insurerNumber)"]],
            ]
            if let branch = card.branch { coverage["dependent"] = branch }
            add("Coverage", "coverage-\(patient.id)", coverage)
        }
        for (index, day) in visitDays.enumerated() {
            add("Encounter", "encounter-\(patient.id)-\(index + 1)", [
                "meta": ["profile": [JPCore.profile("JP_Encounter")]], "status": "finished",
                "class": ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB",
                          "display": "ambulatory"],
                "subject": patientRef, "period": ["start": day.description, "end": day.description],
            ])
        }
        for (index, condition) in conditions.enumerated() {
            var codings: [[String: Any]] = []
            if let code = condition.claimsCode {
                codings.append(["system": JPCore.claimsDisease, "code": code, "display": condition.name])
            }
            codings.append(["system": JPCore.icd10, "code": condition.icd10])
            add("Condition", "condition-\(patient.id)-\(index + 1)", [
                "meta": ["profile": [JPCore.profile("JP_Condition")]],
                "clinicalStatus": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                               "code": condition.resolved ? "resolved" : "active"]]],
                "verificationStatus": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                                   "code": "confirmed"]]],
                "code": ["coding": codings, "text": condition.name], "subject": patientRef,
                "onsetDateTime": condition.onset.description,
            ])
        }
        for (index, drug) in prescriptions.enumerated() {
            var codings: [[String: Any]] = [["system": JPCore.hot9, "code": drug.hot9, "display": drug.name]]
            if let yj = drug.yj { codings.append(["system": JPCore.yj, "code": yj]) }
            let unit = ["system": JPCore.medicationUnit, "code": drug.unitCode, "unit": drug.unitName] as [String: Any]
            add("MedicationRequest", "medicationrequest-\(patient.id)-\(index + 1)", [
                "meta": ["profile": [JPCore.profile("JP_MedicationRequest")]], "status": "active", "intent": "order",
                "medicationCodeableConcept": ["coding": codings, "text": drug.name], "subject": patientRef,
                "authoredOn": visitDays.first?.description ?? "",
                "dosageInstruction": [[
                    "route": ["coding": [["system": JPCore.route, "code": "PO", "display": "口"]]],
                    "doseAndRate": [["rateRatio": [
                        "numerator": unit.merging(["value": drug.dailyAmount]) { $1 },
                        "denominator": ["value": 1, "system": "http://unitsofmeasure.org", "code": "d", "unit": "日"],
                    ]]],
                ]],
                "dispenseRequest": [
                    "quantity": unit.merging(["value": drug.dailyAmount * Double(drug.days)]) { $1 },
                    "expectedSupplyDuration": ["value": drug.days, "system": "http://unitsofmeasure.org", "code": "d",
                                               "unit": "日"],
                ],
            ])
        }
        let bundle: [String: Any] = ["resourceType": "Bundle", "id": id, "type": "collection", "timestamp": timestamp,
                                     "entry": entries]
        return try JSONSerialization.data(withJSONObject: bundle, options: [.sortedKeys, .prettyPrinted,
                                                                            .withoutEscapingSlashes])
    }
}
