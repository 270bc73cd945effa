public import LifecourseCore

/// The patient as a hospital's record system holds them (PID).
public struct SSMIX2Patient: Sendable, Hashable {
    public var id: String
    public var familyName: String
    public var givenName: String
    public var familyKana: String
    public var givenKana: String
    public var birthDate: CalendarDate
    public var sex: Sex
    public var postalCode: String
    public var address: String
    /// The health-insurance card the hospital holds (IN1 of the basic information), when it holds one.
    public var card: InsuranceCard?

    public init(id: String, familyName: String, givenName: String, familyKana: String, givenKana: String,
                birthDate: CalendarDate, sex: Sex, postalCode: String, address: String, card: InsuranceCard? = nil) {
        self.card = card
        self.id = id
        self.familyName = familyName
        self.givenName = givenName
        self.familyKana = familyKana
        self.givenKana = givenKana
        self.birthDate = birthDate
        self.sex = sex
        self.postalCode = postalCode
        self.address = address
    }
}

/// A disease on the problem list (PRB): name, code, ICD-10, dates and outcome.
public struct SSMIX2Disease: Sendable, Hashable {
    public var name: String
    /// The claims 傷病名コード when known, else nil.
    public var claimsCode: String?
    public var icd10: String
    public var onset: CalendarDate
    public var isMain: Bool
    /// 転帰: nil while continuing; the date and kind when it ended.
    public var ended: (date: CalendarDate, outcome: DiagnosisOutcome)?

    public init(name: String, claimsCode: String?, icd10: String, onset: CalendarDate, isMain: Bool,
                ended: (date: CalendarDate, outcome: DiagnosisOutcome)? = nil) {
        self.name = name
        self.claimsCode = claimsCode
        self.icd10 = icd10
        self.onset = onset
        self.isMain = isMain
        self.ended = ended
    }

    public static func == (lhs: SSMIX2Disease, rhs: SSMIX2Disease) -> Bool {
        lhs.name == rhs.name && lhs.icd10 == rhs.icd10 && lhs.onset == rhs.onset && lhs.isMain == rhs.isMain
            && lhs.ended?.date == rhs.ended?.date && lhs.ended?.outcome == rhs.ended?.outcome
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(icd10)
        hasher.combine(onset)
    }
}

/// One drug of a prescription order (RXE with TQ1 and RXR).
public struct SSMIX2DrugOrder: Sendable, Hashable {
    public var hot9: String
    public var name: String
    /// Amount per day in `unit`.
    public var dailyAmount: Double
    /// The unit code and name, e.g. `TAB`, `錠`.
    public var unitCode: String
    public var unitName: String
    public var days: Int
    /// The JAMI dosage code and its text, and how many times a day it says.
    public var dosageCode: String
    public var dosageText: String
    public var timesPerDay: Int

    public init(hot9: String, name: String, dailyAmount: Double, unitCode: String, unitName: String, days: Int,
                dosageCode: String, dosageText: String, timesPerDay: Int = 1) {
        self.timesPerDay = max(1, timesPerDay)
        self.hot9 = hot9
        self.name = name
        self.dailyAmount = dailyAmount
        self.unitCode = unitCode
        self.unitName = unitName
        self.days = days
        self.dosageCode = dosageCode
        self.dosageText = dosageText
    }
}

/// One laboratory result (OBX with its JLAC10 code).
public struct SSMIX2Observation: Sendable, Hashable {
    public var jlac10: String
    public var name: String
    public var value: String
    public var unit: String
    public var referenceRange: String
    /// H, L or empty.
    public var flag: String

    public init(jlac10: String, name: String, value: String, unit: String, referenceRange: String, flag: String) {
        self.jlac10 = jlac10
        self.name = name
        self.value = value
        self.unit = unit
        self.referenceRange = referenceRange
        self.flag = flag
    }
}

/// Builds the HL7 v2.5 messages of SS-MIX2 standardized storage as a hospital's system sends them, in the
/// shapes of the SS-MIX2 specification (標準化ストレージ 構成の説明と構築ガイドライン).
public struct SSMIX2Messages: Sendable {
    public let facility: String
    public let application: String

    public init(facility: String, application: String = "LCSYN") {
        self.facility = facility
        self.application = application
    }

    private func header(_ type: String, control: String, timestamp: String) -> HL7Message {
        HL7Message(type: type, controlID: control, timestamp: String(timestamp.prefix(14)), sendingApplication: application,
                   sendingFacility: facility)
    }

    private func pid(_ patient: SSMIX2Patient) -> HL7Segment {
        var pid = HL7Segment("PID")
        pid[1] = "0001"
        pid[3] = HL7Segment.join(components: [patient.id, "", "", "", "PI"])
        pid[5] = HL7Segment.join(components: [patient.familyName, patient.givenName, "", "", "", "", "L", "I"]) + "~"
            + HL7Segment.join(components: [patient.familyKana, patient.givenKana, "", "", "", "", "L", "P"])
        pid[7] = patient.birthDate.compact
        pid[8] = patient.sex == .female ? "F" : patient.sex == .male ? "M" : "U"
        pid[11] = HL7Segment.join(components: ["", "", "", "", patient.postalCode, "JPN", "H", patient.address])
        return pid
    }

    private func pv1(_ setting: String, admitted: CalendarDate? = nil, discharged: CalendarDate? = nil) -> HL7Segment {
        var pv1 = HL7Segment("PV1")
        pv1[1] = "0001"
        pv1[2] = setting
        pv1[3] = "01^^^^^C"
        if let admitted { pv1[44] = admitted.compact }
        if let discharged { pv1[45] = discharged.compact }
        return pv1
    }

    /// ADT-00: the patient's basic information (ADT^A08).
    public func patient(_ patient: SSMIX2Patient, control: String, timestamp: String) -> HL7Message {
        var message = header("ADT^A08^ADT_A01", control: control, timestamp: timestamp)
        var evn = HL7Segment("EVN")
        evn[2] = String(timestamp.prefix(14))
        message.append(evn)
        message.append(pid(patient))
        message.append(pv1("N"))
        if let card = patient.card {
            // IN1-2 the plan by its 法別番号, IN1-3 保険者番号, IN1-10 記号, IN1-11 番号, IN1-17 本人 or 家族.
            var in1 = HL7Segment("IN1")
            in1[1] = "1"
            in1[2] = HL7Segment.join(components: [String(card.insurerNumber.prefix(card.insurerNumber.count == 8 ? 2 : 0)),
                                                  "", "JHSD0001"])
            in1[3] = card.insurerNumber
            in1[10] = HL7Segment.escape(card.symbol ?? "")
            in1[11] = HL7Segment.escape(card.number)
            message.append(in1)
        }
        return message
    }

    /// ADT-12: an outpatient visit (ADT^A04).
    public func outpatientVisit(_ patient: SSMIX2Patient, day: CalendarDate, control: String, timestamp: String) -> HL7Message {
        var message = header("ADT^A04^ADT_A01", control: control, timestamp: timestamp)
        var evn = HL7Segment("EVN")
        evn[2] = day.compact
        message.append(evn)
        message.append(pid(patient))
        message.append(pv1("O"))
        return message
    }

    /// ADT-22 (ADT^A01) and ADT-52 (ADT^A03): admission and discharge.
    public func stay(_ patient: SSMIX2Patient, admitted: CalendarDate, discharged: CalendarDate?, control: String,
                     timestamp: String) -> HL7Message {
        var message = header(discharged == nil ? "ADT^A01^ADT_A01" : "ADT^A03^ADT_A03", control: control,
                             timestamp: timestamp)
        var evn = HL7Segment("EVN")
        evn[2] = (discharged ?? admitted).compact
        message.append(evn)
        message.append(pid(patient))
        message.append(pv1("I", admitted: admitted, discharged: discharged))
        return message
    }

    /// PPR-01: the disease list (PPR^ZD1), one PRB per disease.
    public func diseases(_ patient: SSMIX2Patient, _ diseases: [SSMIX2Disease], control: String,
                         timestamp: String) -> HL7Message {
        var message = header("PPR^ZD1^PPR_ZD1", control: control, timestamp: timestamp)
        message.append(pid(patient))
        message.append(pv1("O"))
        for (index, disease) in diseases.enumerated() {
            var prb = HL7Segment("PRB")
            prb[1] = disease.ended == nil ? "AD" : "UP"
            prb[2] = String(timestamp.prefix(14))
            // The hospital's own disease codes (here the claims 傷病名コード) under a local coding system.
            prb[3] = HL7Segment.join(components: [disease.claimsCode ?? "", disease.name, "99LCD"])
            prb[4] = String(index + 1)
            prb[7] = disease.onset.compact
            prb[10] = HL7Segment.join(components: [disease.icd10, "", "I10"])
            if let ended = disease.ended {
                prb[9] = ended.date.compact
                // HL7 table 0241: F fully recovered, D dead; U (unknown) for treatment stopped or moved elsewhere.
                let code = switch ended.outcome {
                case .cured: "F"
                case .died: "D"
                case .continuing, .stopped: "U"
                }
                prb[14] = HL7Segment.join(components: [code, ended.outcome.japaneseName, "HL70241"])
            }
            prb[16] = disease.onset.compact
            if disease.isMain { prb[18] = "1^主診断^JHSD0007" }
            message.append(prb)
        }
        return message
    }

    /// OMP-01: a prescription order (RDE^O11), one ORC, RXE, TQ1 and RXR per drug.
    public func prescription(_ patient: SSMIX2Patient, order: String, day: CalendarDate, drugs: [SSMIX2DrugOrder],
                             control: String, timestamp: String) -> HL7Message {
        var message = header("RDE^O11^RDE_O11", control: control, timestamp: timestamp)
        message.append(pid(patient))
        message.append(pv1("O"))
        for (index, drug) in drugs.enumerated() {
            var orc = HL7Segment("ORC")
            orc[1] = "NW"
            orc[2] = order
            orc[4] = String(index + 1)
            orc[9] = String(timestamp.prefix(14))
            orc[29] = "O^外来患者オーダ^HL70482"
            message.append(orc)
            var rxe = HL7Segment("RXE")
            rxe[2] = HL7Segment.join(components: [drug.hot9, drug.name, "HOT9"])
            // RXE-3 the amount per time, RXE-19 per day (as the SS-MIX2 sample writes them).
            rxe[3] = Self.amount(drug.dailyAmount / Double(drug.timesPerDay))
            rxe[5] = HL7Segment.join(components: [drug.unitCode, drug.unitName, "MR9P"])
            rxe[10] = Self.amount(drug.dailyAmount * Double(drug.days))
            rxe[11] = HL7Segment.join(components: [drug.unitCode, drug.unitName, "MR9P"])
            rxe[19] = Self.amount(drug.dailyAmount)
            rxe[21] = "OHP^外来処方^MR9P~OHO^院外処方^MR9P"
            message.append(rxe)
            var tq1 = HL7Segment("TQ1")
            tq1[1] = "1"
            tq1[3] = drug.dosageCode + "&" + HL7Segment.escape(drug.dosageText) + "&JAMISDP01"
            tq1[6] = "\(drug.days)^d"
            tq1[7] = day.compact
            message.append(tq1)
            var rxr = HL7Segment("RXR")
            rxr[1] = "PO^口^HL70162"
            message.append(rxr)
        }
        return message
    }

    /// OML-11: laboratory results (OUL^R22) for one serum specimen.
    public func labResults(_ patient: SSMIX2Patient, order: String, collected: CalendarDate,
                           observations: [SSMIX2Observation], control: String, timestamp: String) -> HL7Message {
        var message = header("OUL^R22^OUL_R22", control: control, timestamp: timestamp)
        message.append(pid(patient))
        message.append(pv1("O"))
        var spm = HL7Segment("SPM")
        spm[1] = "1"
        spm[2] = order
        spm[4] = "023^血清^JC10"
        spm[17] = collected.compact + "0900"
        message.append(spm)
        var obr = HL7Segment("OBR")
        obr[1] = "1"
        obr[2] = order
        obr[4] = "E001^血液学的検査^99O03"
        obr[7] = collected.compact
        message.append(obr)
        for (index, observation) in observations.enumerated() {
            var obx = HL7Segment("OBX")
            obx[1] = String(index + 1)
            obx[2] = "NM"
            obx[3] = HL7Segment.join(components: [observation.jlac10, observation.name, "JC10"])
            obx[5] = observation.value
            obx[6] = HL7Segment.join(components: [observation.unit, observation.unit, "99XYZ"])
            obx[7] = observation.referenceRange
            obx[8] = observation.flag
            obx[11] = "F"
            obx[14] = collected.compact + "0900"
            message.append(obx)
        }
        return message
    }


    static func amount(_ value: Double) -> String { value.plainText }
}
