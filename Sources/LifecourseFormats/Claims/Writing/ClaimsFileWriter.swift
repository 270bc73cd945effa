public import LifecourseCore

/// Writes claims files (レセ電) in the layout the reader reads: CP932, CRLF, one record per line, fields
/// separated by commas without quoting. Used by the synthetic-data generator.
///
/// Dates are written western (`YYYYMMDD`) or, for systems that still do, as era codes (`GYYMMDD`).
public struct ClaimsFileWriter: Sendable {
    public let dateStyle: ClaimsDateStyle
    private var lines = ClaimsLines()

    public init(dateStyle: ClaimsDateStyle = .western) {
        self.dateStyle = dateStyle
    }

    /// Starts the file with its IR record.
    public mutating func institution(_ code: InstitutionCode, payer: Int, name: String, billingMonth: YearMonth,
                                     phone: String = "") {
        lines.append(["IR", String(payer), code.prefecture.codeText, String(code.feeSchedule.rawValue), code.localCode,
                      "", name, month(billingMonth), "00", phone])
    }

    /// Adds one claim.
    public mutating func claim(_ claim: WrittenClaim) {
        let header = claim.header
        var re = [String](repeating: "", count: 38)
        re[0] = "RE"
        re[1] = String(header.claimNumber)
        re[2] = header.claimType
        re[3] = month(header.serviceMonth)
        re[4] = header.name
        re[5] = header.sex.claimsCode
        re[6] = date(header.birthDate)
        re[7] = header.benefitRate.map(String.init) ?? ""
        re[8] = header.admissionDate.map(date) ?? ""
        re[12] = header.bedCount.map(String.init) ?? ""
        re[13] = header.chartNumber
        re[36] = header.kanaName ?? ""
        lines.append(re)
        if let card = claim.insurance {
            lines.appendPayerPart(["HO", card.insurerNumber, card.symbol, card.number, String(claim.actualDays),
                                   String(claim.points), "", "", "", "", "", "", "", "", ""])
        }
        for expense in claim.publicExpenses {
            lines.appendPayerPart(["KO", expense.payerNumber, expense.recipientNumber, "", String(claim.actualDays),
                                   String(claim.points), "", "", "", "", "", ""])
        }
        lines.addClaimPoints(claim.points)
        if let branch = claim.qualification {
            lines.append(["SN", "1", branch.confirmation, "", "", "", branch.branch, "", ""])
        }
        for diagnosis in claim.diagnoses {
            lines.append(["SY", diagnosis.code, date(diagnosis.startDate), String(diagnosis.outcome.rawValue),
                          diagnosis.modifiers.joined(), diagnosis.name ?? "", diagnosis.isMain ? "01" : "", ""])
        }
        for item in claim.items {
            var fields = [item.recordType, item.category ?? "", item.burdenKind, item.code,
                          item.quantity.map(ClaimsLines.quantity) ?? "", item.points.map(String.init) ?? "",
                          String(item.times)]
            if item.recordType == "TO" {
                fields += ["", "", "", item.name ?? ""]
            }
            fields += ["", "", "", "", "", ""]
            var days = [String](repeating: "", count: 31)
            for (day, count) in item.dayCounts { days[day - 1] = String(count) }
            lines.append(fields + days)
            for comment in item.comments {
                lines.append(["CO", "", item.burdenKind, comment.code, comment.text])
            }
        }
    }

    /// Ends the file with its GO record and returns its bytes.
    /// - Throws: ``TextEncodingError`` when a value cannot be written in CP932.
    public mutating func finish() throws(TextEncodingError) -> [UInt8] {
        try lines.finish()
    }

    private func date(_ value: CalendarDate) -> String { dateStyle.text(value) }

    private func month(_ value: YearMonth) -> String { dateStyle.text(value) }

}

/// One claim to write.
public struct WrittenClaim: Sendable {
    public struct Header: Sendable {
        public var claimNumber: Int
        public var claimType: String
        public var serviceMonth: YearMonth
        public var name: String
        public var kanaName: String?
        public var sex: Sex
        public var birthDate: CalendarDate
        public var benefitRate: Int?
        public var admissionDate: CalendarDate?
        public var bedCount: Int?
        public var chartNumber: String

        public init(claimNumber: Int, claimType: String, serviceMonth: YearMonth, name: String, kanaName: String?,
                    sex: Sex, birthDate: CalendarDate, benefitRate: Int?, admissionDate: CalendarDate?,
                    bedCount: Int?, chartNumber: String) {
            self.claimNumber = claimNumber
            self.claimType = claimType
            self.serviceMonth = serviceMonth
            self.name = name
            self.kanaName = kanaName
            self.sex = sex
            self.birthDate = birthDate
            self.benefitRate = benefitRate
            self.admissionDate = admissionDate
            self.bedCount = bedCount
            self.chartNumber = chartNumber
        }
    }

    public struct Card: Sendable {
        public var insurerNumber: String
        public var symbol: String
        public var number: String

        public init(insurerNumber: String, symbol: String, number: String) {
            self.insurerNumber = insurerNumber
            self.symbol = symbol
            self.number = number
        }
    }

    public struct PublicExpense: Sendable {
        public var payerNumber: String
        public var recipientNumber: String

        public init(payerNumber: String, recipientNumber: String) {
            self.payerNumber = payerNumber
            self.recipientNumber = recipientNumber
        }
    }

    public struct Qualification: Sendable {
        /// 確認区分: 01 online qualification check, 02 card shown.
        public var confirmation: String
        public var branch: String

        public init(confirmation: String, branch: String) {
            self.confirmation = confirmation
            self.branch = branch
        }
    }

    public struct Diagnosis: Sendable {
        public var code: String
        public var name: String?
        public var startDate: CalendarDate
        public var outcome: DiagnosisOutcome
        public var modifiers: [String]
        public var isMain: Bool

        public init(code: String, name: String?, startDate: CalendarDate, outcome: DiagnosisOutcome,
                    modifiers: [String] = [], isMain: Bool) {
            self.code = code
            self.name = name
            self.startDate = startDate
            self.outcome = outcome
            self.modifiers = modifiers
            self.isMain = isMain
        }
    }

    public struct Comment: Sendable {
        public var code: String
        public var text: String

        public init(code: String, text: String) {
            self.code = code
            self.text = text
        }
    }

    public struct Item: Sendable {
        /// SI, IY or TO.
        public var recordType: String
        public var category: String?
        public var burdenKind: String
        public var code: String
        public var quantity: Double?
        public var points: Int?
        public var times: Int
        public var name: String?
        /// Day of the month → count.
        public var dayCounts: [(Int, Int)]
        public var comments: [Comment]

        public init(recordType: String, category: String?, burdenKind: String = "1", code: String, quantity: Double?,
                    points: Int?, times: Int, name: String? = nil, dayCounts: [(Int, Int)], comments: [Comment] = []) {
            self.recordType = recordType
            self.category = category
            self.burdenKind = burdenKind
            self.code = code
            self.quantity = quantity
            self.points = points
            self.times = times
            self.name = name
            self.dayCounts = dayCounts
            self.comments = comments
        }
    }

    public var header: Header
    public var insurance: Card?
    public var publicExpenses: [PublicExpense]
    public var qualification: Qualification?
    public var diagnoses: [Diagnosis]
    public var items: [Item]
    public var actualDays: Int
    public var points: Int

    public init(header: Header, insurance: Card?, publicExpenses: [PublicExpense] = [], qualification: Qualification?,
                diagnoses: [Diagnosis], items: [Item], actualDays: Int, points: Int) {
        self.header = header
        self.insurance = insurance
        self.publicExpenses = publicExpenses
        self.qualification = qualification
        self.diagnoses = diagnoses
        self.items = items
        self.actualDays = actualDays
        self.points = points
    }
}
