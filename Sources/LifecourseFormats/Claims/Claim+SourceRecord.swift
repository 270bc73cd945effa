public import LifecourseCore

extension Claim {
    /// The claim as a ``SourceRecord``: the patient's identity, the month's encounter, and one event per
    /// diagnosis, item and comment, dated by the day-by-day counts (or the month's first day when an item has
    /// none).
    public var sourceRecord: SourceRecord {
        let month = header.serviceMonth
        var events = [ClinicalEvent]()
        var lastServiceDate: CalendarDate?
        var firstDay: CalendarDate?
        var lastDay: CalendarDate?
        for located in diagnoses {
            let diagnosis = located.value
            let ended = diagnosis.outcome != .continuing
            events.append(.diagnosis(.init(
                system: .claimsDisease, code: diagnosis.code, name: diagnosis.name, startDate: diagnosis.startDate,
                endDate: ended ? month.lastDay : nil, outcome: diagnosis.outcome, modifiers: diagnosis.modifiers,
                isMain: diagnosis.isMain, position: located.position)))
        }
        // Items and comments interleave in file order; comments take the date of the item before them.
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
            if !days.isEmpty {
                firstDay = min(firstDay ?? start, start)
                lastDay = max(lastDay ?? end, end)
            }
            lastServiceDate = start
            let service = ClinicalEvent.Service(
                system: item.kind.codeSystem, code: item.code, name: item.productName, category: item.category,
                startDate: start, endDate: end, quantity: item.quantity,
                times: item.times ?? (days.isEmpty ? nil : item.dayCounts.reduce(0, +)), points: item.points,
                unitCode: item.unitCode, position: located.position)
            switch item.kind {
            case .procedure: events.append(.procedure(service))
            case .drug: events.append(.drug(service))
            case .device: events.append(.device(service))
            }
        }
        let encounter = Encounter(
            setting: header.claimType.isInpatient ? .inpatient : .outpatient,
            startDate: firstDay ?? month.firstDay, endDate: lastDay ?? firstDay ?? month.firstDay,
            admissionDate: header.admissionDate)
        let facts = ClaimFacts(
            claimNumber: header.claimNumber, claimType: header.claimType.code, serviceMonth: month,
            billingMonth: institution.billingMonth,
            points: insurance.first?.totalPoints ?? publicExpenses.first?.totalPoints,
            actualDays: insurance.first?.actualDays ?? publicExpenses.first?.actualDays, bedCount: header.bedCount)
        return SourceRecord(
            format: .medicalClaims, position: position, lastLine: lastLine, institution: institution.institution,
            identity: identity, encounter: encounter, events: events, claim: facts, unknownRecords: unknownRecords)
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
        case .procedure: .claimsProcedure
        case .drug: .claimsDrug
        case .device: .claimsDevice
        }
    }
}
