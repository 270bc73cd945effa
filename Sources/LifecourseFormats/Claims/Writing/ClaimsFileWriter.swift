public import LifecourseCore

/// Writes 医科, DPC and 歯科 claims files (レセ電) in the layout the reader reads: CP932, CRLF, one record per
/// line, fields separated by commas without quoting. Used by the synthetic-data generator.
///
/// Dates are written western (`YYYYMMDD`) or, for systems that still do, as era codes (`GYYMMDD`). The IR
/// record's 点数表 (the institution code's third digit) chooses the 医科 or 歯科 layout.
public struct ClaimsFileWriter: Sendable {
    public let dateStyle: ClaimsDateStyle
    var lines = ClaimsLines()
    private var dental = false

    public init(dateStyle: ClaimsDateStyle = .western) {
        self.dateStyle = dateStyle
    }

    /// Starts the file with its IR record.
    public mutating func institution(_ code: InstitutionCode, payer: Int, name: String, billingMonth: YearMonth,
                                     phone: String = "") {
        dental = code.feeSchedule == .dental
        lines.append(["IR", String(payer), code.prefecture.codeText, String(code.feeSchedule.rawValue), code.localCode,
                      "", name, month(billingMonth), "00", phone])
    }

    /// Adds one claim.
    public mutating func claim(_ claim: WrittenClaim) {
        lines.append(dental ? dentalHeader(claim.header) : medicalHeader(claim.header))
        if let card = claim.insurance {
            // 医科 writes a 予備 field after 合計点数 that 歯科 does not.
            var ho = ["HO", card.insurerNumber, card.symbol, card.number, String(claim.actualDays), String(claim.points)]
            ho += [String](repeating: "", count: dental ? 8 : 9)
            lines.appendPayerPart(ho)
        }
        for expense in claim.publicExpenses {
            lines.appendPayerPart(["KO", expense.payerNumber, expense.recipientNumber, "", String(claim.actualDays),
                                   String(claim.points), "", "", "", "", "", ""])
        }
        lines.addClaimPoints(claim.points)
        if let branch = claim.qualification {
            lines.append(["SN", "1", branch.confirmation, "", "", "", branch.branch, "", ""])
        }
        if let dpc = claim.dpc { append(dpc, month: claim.header.serviceMonth) }
        for diagnosis in claim.diagnoses {
            if dental {
                lines.append(["HS", claim.header.admissionDate == nil ? "" : date(diagnosis.startDate),
                              claim.header.admissionDate == nil ? "" : String(diagnosis.outcome.rawValue),
                              diagnosis.teeth.joined(), diagnosis.code, diagnosis.modifiers.joined(),
                              diagnosis.name ?? "", "", "", diagnosis.isMain ? "01" : "", "", "", ""])
            } else {
                lines.append(["SY", diagnosis.code, date(diagnosis.startDate), String(diagnosis.outcome.rawValue),
                              diagnosis.modifiers.joined(), diagnosis.name ?? "", diagnosis.isMain ? "01" : "", ""])
            }
        }
        for item in claim.items {
            lines.append(dental ? dentalItem(item) : medicalItem(item))
            for comment in item.comments {
                lines.append(["CO", "", item.burdenKind, comment.code, comment.text])
            }
        }
        if let coding = claim.dpc?.coding {
            for item in coding {
                lines.append(["CD", date(item.date), item.category, String(item.sequence), String(item.detail), item.code,
                              item.quantity.map(ClaimsLines.quantity) ?? "", item.count.map(String.init) ?? "",
                              item.unitCode ?? "", String(item.times), item.deviceName ?? ""])
            }
        }
    }

    private func medicalHeader(_ header: WrittenClaim.Header) -> [String] {
        var re = [String](repeating: "", count: 38)
        re[0] = "RE"
        fillCommonHeader(&re, header)
        re[8] = header.admissionDate.map(date) ?? ""
        re[12] = header.bedCount.map(String.init) ?? ""
        re[13] = header.chartNumber
        re[36] = header.kanaName ?? ""
        return re
    }

    /// The 歯科 RE layout: 診療開始日 and 転帰区分 after 入院年月日, カルテ番号 at 15, カタカナ氏名 at 25.
    private func dentalHeader(_ header: WrittenClaim.Header) -> [String] {
        var re = [String](repeating: "", count: 27)
        re[0] = "RE"
        fillCommonHeader(&re, header)
        re[8] = header.admissionDate.map(date) ?? ""
        re[9] = header.treatmentStart.map(date) ?? ""
        re[10] = header.treatmentOutcome.map { String($0.rawValue) } ?? ""
        re[15] = header.chartNumber
        re[25] = header.kanaName ?? ""
        return re
    }

    private func fillCommonHeader(_ re: inout [String], _ header: WrittenClaim.Header) {
        re[1] = String(header.claimNumber)
        re[2] = header.claimType
        re[3] = month(header.serviceMonth)
        re[4] = header.name
        re[5] = header.sex.claimsCode
        re[6] = date(header.birthDate)
        re[7] = header.benefitRate.map(String.init) ?? ""
    }

    private func days(_ item: WrittenClaim.Item) -> [String] {
        var days = [String](repeating: "", count: 31)
        for (day, count) in item.dayCounts { days[day - 1] = String(count) }
        return days
    }

    private func medicalItem(_ item: WrittenClaim.Item) -> [String] {
        var fields = [item.recordType, item.category ?? "", item.burdenKind, item.code,
                      item.quantity.map(ClaimsLines.quantity) ?? "", item.points.map(String.init) ?? "",
                      String(item.times)]
        if item.recordType == "TO" {
            fields += ["", "", "", item.name ?? ""]
        }
        return fields + ["", "", "", "", "", ""] + days(item)
    }

    /// The 歯科 layouts: no comments; IY adds 医薬品区分; TO puts 点数 and 回数 after the product name; SS has a
    /// second quantity and 35 (加算コード, 数量) pairs before 点数.
    private func dentalItem(_ item: WrittenClaim.Item) -> [String] {
        let head = [item.recordType, item.category ?? "", item.burdenKind, item.code,
                    item.quantity.map(ClaimsLines.quantity) ?? ""]
        let tail = [item.points.map(String.init) ?? "", String(item.times)]
        switch item.recordType {
        case "SS":
            var additions = [String](repeating: "", count: 70)
            for (index, addition) in item.additions.prefix(35).enumerated() {
                additions[2 * index] = addition.code
                additions[2 * index + 1] = addition.quantity.map(String.init) ?? ""
            }
            return head + [""] + additions + tail + days(item)
        case "TO":
            return head + ["", "", "", "", "", "", item.name ?? ""] + tail + days(item)
        case "IY":
            return head + tail + [""] + days(item)
        default:
            return head + tail + days(item)
        }
    }

    /// Ends the file with its GO record and returns its bytes.
    /// - Throws: ``TextEncodingError`` when a value cannot be written in CP932.
    public mutating func finish() throws(TextEncodingError) -> [UInt8] {
        try lines.finish()
    }

    func date(_ value: CalendarDate) -> String { dateStyle.text(value) }

    func month(_ value: YearMonth) -> String { dateStyle.text(value) }

}

