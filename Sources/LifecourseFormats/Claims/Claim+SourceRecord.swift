public import LifecourseCore

extension Claim {
    /// The claim as a ``SourceRecord``: the patient's identity, the month's encounter, and one event per
    /// diagnosis, item and comment, dated by the day-by-day counts (or the month's first day when an item has
    /// none). A DPC claim's items come from its coding data (CD: every item given, bundled or not, on its day;
    /// its SI/IY/TO records repeat the items billed outside the bundle, so they add no events), its diagnoses
    /// from SB (with ICD-10 and role) besides any SY; a 歯科 claim's diagnoses from HS (with teeth).
    public var sourceRecord: SourceRecord {
        var record = kind == .pharmacy ? dispensingSourceRecord : medicalSourceRecord
        record.freeText = symptomNotes.map { located in
            UnknownRecord(recordType: "SJ", text: [located.value.kind ?? "", located.value.text].joined(separator: ","),
                          position: located.position)
        }
        return record
    }

    /// A 医科, DPC or 歯科 claim as a ``SourceRecord``.
    private var medicalSourceRecord: SourceRecord {
        let month = header.serviceMonth
        var events = diagnosisEvents
        var span = DaySpan()
        let coding = dpc?.coding ?? []
        events += itemEvents(coding.isEmpty ? services : [], span: &span)
        for located in coding {
            let item = located.value
            span.add(item.date, item.date)
            events.append(item.event(at: located.position))
        }
        var setting: Encounter.Setting = header.claimType.isInpatient ? .inpatient : .outpatient
        var start = span.first ?? month.firstDay
        var end = span.last ?? span.first ?? month.firstDay
        if let stay = dpc?.group.value {
            setting = .inpatient
            start = max(stay.admissionDate, month.firstDay)
            end = stay.dischargeDate.map { min($0, month.lastDay) } ?? month.lastDay
        }
        let encounter = Encounter(setting: setting, startDate: start, endDate: max(start, end),
                                  admissionDate: header.admissionDate ?? dpc?.group.value.admissionDate)
        return SourceRecord(
            format: kind == .dental ? .dentalClaims : .medicalClaims, position: position, lastLine: lastLine,
            sender: .institution(institution.institution), identity: identity, encounter: encounter, events: events,
            claim: facts, unknownRecords: unknownRecords)
    }

    /// The billing facts of the claim: its number, type and months, the main payer's points and days, each payer's
    /// cost, and the bed count (医科), the prescriber (調剤) or the DPC stay when the claim has them.
    private var facts: ClaimFacts {
        var facts = ClaimFacts(
            claimNumber: header.claimNumber, claimType: header.claimType.code, serviceMonth: header.serviceMonth,
            billingMonth: institution.billingMonth,
            points: insurance.first?.totalPoints ?? publicExpenses.first?.totalPoints,
            actualDays: insurance.first?.actualDays ?? publicExpenses.first?.actualDays, bedCount: header.bedCount,
            prescriber: header.prescriber?.institution, type: header.claimType)
        facts.costs = costs
        facts.dpc = dpc?.stay(month: header.serviceMonth)
        return facts
    }

    /// The first and last days items were given on.
    struct DaySpan {
        var first: CalendarDate?
        var last: CalendarDate?

        mutating func add(_ start: CalendarDate, _ end: CalendarDate) {
            first = min(first ?? start, start)
            last = max(last ?? end, end)
        }
    }

    /// SY, HS and SB diagnoses.
    private var diagnosisEvents: [ClinicalEvent] {
        let month = header.serviceMonth
        var events = [ClinicalEvent]()
        for located in diagnoses {
            let diagnosis = located.value
            let ended = diagnosis.outcome != .continuing
            events.append(.diagnosis(.init(
                system: .claimsDisease, code: diagnosis.code, name: diagnosis.name, startDate: diagnosis.startDate,
                endDate: ended ? month.lastDay : nil, outcome: diagnosis.outcome, modifiers: diagnosis.modifiers,
                isMain: diagnosis.isMain, position: located.position)))
        }
        for located in dentalDiagnoses {
            let diagnosis = located.value
            let outcome = diagnosis.outcome ?? header.treatmentOutcome ?? .continuing
            events.append(.diagnosis(.init(
                system: .claimsDisease, code: diagnosis.code, name: diagnosis.name,
                startDate: diagnosis.startDate ?? header.treatmentStart ?? month.firstDay,
                endDate: outcome == .continuing ? nil : month.lastDay, outcome: outcome, modifiers: diagnosis.modifiers,
                isMain: diagnosis.isMain,
                bodySite: diagnosis.teeth.isEmpty ? nil : diagnosis.teeth.joined(separator: " "),
                position: located.position)))
        }
        if let dpc {
            let stay = dpc.group.value
            let discharged = stay.dischargeDate.flatMap { $0.yearMonth == month ? $0 : nil }
            for located in dpc.diagnoses {
                let diagnosis = located.value
                events.append(.diagnosis(.init(
                    system: .claimsDisease, code: diagnosis.code, name: diagnosis.name, startDate: stay.admissionDate,
                    endDate: discharged, outcome: diagnosis.isCauseOfDeath ? .died : .continuing,
                    modifiers: diagnosis.modifiers, isMain: diagnosis.isMain, icd10: diagnosis.icd10,
                    role: diagnosis.role, position: located.position)))
            }
        }
        return events
    }

    /// SI, IY, TO and SS items with the comments between them, in file order; a comment takes the date of the
    /// item before it.
    private func itemEvents(_ services: [Located<ServiceRecord>], span: inout DaySpan) -> [ClinicalEvent] {
        let month = header.serviceMonth
        var events = [ClinicalEvent]()
        var lastServiceDate: CalendarDate?
        var itemIndex = 0
        var commentIndex = 0
        while itemIndex < services.count || commentIndex < comments.count {
            let takeComment = commentIndex < comments.count
                && (itemIndex >= services.count
                    || (comments[commentIndex].position.line ?? 0) < (services[itemIndex].position.line ?? 0))
            if takeComment {
                let located = comments[commentIndex]
                commentIndex += 1
                events.append(.note(.init(system: .claimsComment, code: located.value.code, text: located.value.text,
                                          date: lastServiceDate ?? month.firstDay, position: located.position)))
                continue
            }
            let located = services[itemIndex]
            itemIndex += 1
            let item = located.value
            let days = item.days
            // Days beyond the month's end are refused when the claim is read, so these dates exist.
            let start = days.first.flatMap { try? month.day($0) } ?? month.firstDay
            let end = days.last.flatMap { try? month.day($0) } ?? start
            if !days.isEmpty { span.add(start, end) }
            lastServiceDate = start
            let service = ClinicalEvent.Service(
                system: item.kind.codeSystem, code: item.code, name: item.productName, category: item.category,
                startDate: start, endDate: end, quantity: item.quantity,
                times: item.times ?? (days.isEmpty ? nil : item.dayCounts.reduce(0, +)), points: item.points,
                unitCode: item.unitCode, position: located.position)
            events.append(item.kind.event(service))
        }
        return events
    }

    /// A 調剤 claim as a ``SourceRecord``: each drug of each 剤 from its dispensing day for the days supplied
    /// (内服) or on that day (other forms), the 剤's fees on the same day, the reception fees (KI) on their day.
    private var dispensingSourceRecord: SourceRecord {
        let month = header.serviceMonth
        var events = [ClinicalEvent]()
        var dates = [CalendarDate]()
        func fee(_ code: String, on date: CalendarDate, times: Int?, points: Int?, at position: SourcePosition) {
            events.append(.procedure(.init(system: .claimsDispensingAct, code: code, name: nil, category: nil,
                                           startDate: date, endDate: date, quantity: nil, times: times, points: points,
                                           unitCode: nil, position: position)))
        }
        for group in prescriptions {
            let prescription = group.prescription.value
            guard let dispensing = group.dispensing else { continue }
            let record = dispensing.value
            let start = record.dispensingDate
            dates.append(start)
            let oral = prescription.form == "1" || prescription.form == "2"
            let end = oral ? start.adding(days: max(1, record.quantity) - 1) : start
            for (index, located) in group.drugs.enumerated() {
                let drug = located.value
                events.append(.drug(.init(
                    system: .claimsDrug, code: drug.code, name: nil, category: Self.category(form: prescription.form),
                    startDate: start, endDate: end, quantity: drug.quantity, times: record.quantity,
                    points: index == group.drugs.count - 1 ? record.drugPoints : nil, unitCode: nil,
                    position: located.position)))
            }
            for item in [record.preparation, record.management].compactMap({ $0 }) + record.additions {
                fee(item.code, on: start, times: 1, points: item.points, at: dispensing.position)
            }
        }
        for located in receptionFees {
            let record = located.value
            dates.append(record.date)
            for item in [record.basicFee].compactMap({ $0 }) + record.fees {
                fee(item.code, on: record.date, times: item.times, points: item.points, at: located.position)
            }
        }
        for located in comments {
            events.append(.note(.init(system: .claimsComment, code: located.value.code, text: located.value.text,
                                      date: dates.max() ?? month.firstDay, position: located.position)))
        }
        let first = dates.min() ?? month.firstDay
        return SourceRecord(
            format: .pharmacyClaims, position: position, lastLine: lastLine, sender: .institution(institution.institution),
            identity: identity,
            encounter: Encounter(setting: .outpatient, startDate: first, endDate: dates.max() ?? first, admissionDate: nil),
            events: events, claim: facts, unknownRecords: unknownRecords)
    }

    /// The 診療識別 a 剤形 corresponds to: 内服 21, 屯服 22, 外用 23, 注射 31.
    static func category(form: String) -> String? {
        switch form {
        case "1", "2", "6", "7": "21"
        case "3": "22"
        case "5": "23"
        case "4": "31"
        default: nil
        }
    }

    /// The patient as the claim names them: RE name, kana, birth date and sex; the HO card with the SN 枝番;
    /// KO recipient certificates; the institution's chart number.
    public var identity: PersonIdentity {
        let branch = branchNumber
        let cards = insurance.map { record in
            InsuranceCard(insurerNumber: record.insurerNumber, symbol: record.cardSymbol, number: record.cardNumber,
                          branch: branch)
        }
        let publicCards = publicExpenses.map {
            PublicExpenseCard(payerNumber: $0.payerNumber, recipientNumber: $0.recipientNumber)
        }
        return PersonIdentity(
            name: header.name, kanaName: header.kanaName, birthDate: header.birthDate, sex: header.sex,
            insuranceCards: cards, publicExpenseCards: publicCards, patientNumber: header.chartNumber)
    }
}

extension ServiceRecord.Kind {
    var codeSystem: CodeSystem {
        switch self {
        case .procedure, .dentalProcedure: .claimsProcedure
        case .drug: .claimsDrug
        case .device: .claimsDevice
        }
    }

    /// The event an item of this kind is.
    func event(_ service: ClinicalEvent.Service) -> ClinicalEvent {
        switch self {
        case .procedure, .dentalProcedure: .procedure(service)
        case .drug: .drug(service)
        case .device: .device(service)
        }
    }
}

extension CodingRecord {
    /// The item as an event on its day.
    func event(at position: SourcePosition) -> ClinicalEvent {
        let kind = itemKind
        return kind.event(ClinicalEvent.Service(
            system: kind.codeSystem, code: code, name: deviceName, category: category, startDate: date, endDate: date,
            quantity: quantity ?? count.map(Double.init), times: times, points: nil, unitCode: unitCode,
            position: position))
    }
}

extension DPCRecords {
    /// The stay and the month's bundled payment as the research store keeps them.
    func stay(month: YearMonth) -> DPCStay {
        let group = self.group.value
        let billed = totals.map(\.value).first { $0.part.adjustment == "2" && $0.monthPoints != nil }
            ?? totals.map(\.value).first { $0.part.adjustment == "2" }
        let adjustments = totals.compactMap { $0.value.part.adjustment == "3" ? $0.value.adjustmentPoints : nil }
        return DPCStay(
            groupCode: group.groupCode, admissionDate: group.admissionDate, dischargeDate: group.dischargeDate,
            outcome: group.outcome,
            coefficient: (months.first { $0.month == month } ?? months.last)?.coefficient,
            bundledPoints: billed?.bundledPoints, adjustmentPoints: adjustments.isEmpty ? nil : adjustments.reduce(0, +),
            monthPoints: billed?.monthPoints,
            bundles: bundles.map { located in
                let bundle = located.value
                return DPCStay.Bundle(month: bundle.part.month, adjustment: bundle.part.adjustment, period: bundle.period,
                                      pointsPerDay: bundle.pointsPerDay, days: bundle.days, subtotal: bundle.subtotal,
                                      line: located.position.line)
            })
    }
}

extension Claim {
    /// The claim's payers and what each is billed, in the order of the file: HO, then each KO.
    var costs: [ClaimCost] {
        let digits = UnicodeNormalization.digits
        return insurance.map { record in
            let digits = digits(record.insurerNumber)
            return ClaimCost(payer: "insurance", lawCode: digits.count == 8 ? String(digits.prefix(2)) : "00",
                             points: record.totalPoints, patientBurden: record.patientBurden,
                             actualDays: record.actualDays)
        } + publicExpenses.map { record in
            ClaimCost(payer: "public-expense", lawCode: String(digits(record.payerNumber).prefix(2)),
                      points: record.totalPoints, patientBurden: record.patientBurden, actualDays: record.actualDays)
        }
    }
}
