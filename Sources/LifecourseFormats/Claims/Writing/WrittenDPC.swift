public import LifecourseCore

/// The DPC records of a claim to write: BU, SB, KK, SK, GA, HH, GT (after SN) and CD (at the end).
public struct WrittenDPC: Sendable {
    public struct Diagnosis: Sendable {
        public var code: String
        public var name: String?
        public var icd10: String
        /// 傷病名区分 (別表22).
        public var role: String
        public var isCauseOfDeath: Bool

        public init(code: String, name: String?, icd10: String, role: String, isCauseOfDeath: Bool = false) {
            self.code = code
            self.name = name
            self.icd10 = icd10
            self.role = role
            self.isCauseOfDeath = isCauseOfDeath
        }
    }

    public struct Procedure: Sendable {
        public var code: String?
        public var section: String?
        public var date: CalendarDate?
        public var name: String?

        public init(code: String?, section: String?, date: CalendarDate?, name: String?) {
            self.code = code
            self.section = section
            self.date = date
            self.name = name
        }
    }

    /// One length-of-stay band: points per day × days.
    public struct Bundle: Sendable {
        public var period: String
        public var pointsPerDay: Int
        public var days: Int

        public init(period: String, pointsPerDay: Int, days: Int) {
            self.period = period
            self.pointsPerDay = pointsPerDay
            self.days = days
        }
    }

    public struct Coding: Sendable {
        public var date: CalendarDate
        public var category: String
        public var sequence: Int
        public var detail: Int
        public var code: String
        public var quantity: Double?
        public var count: Int?
        public var unitCode: String?
        public var times: Int
        public var deviceName: String?

        public init(date: CalendarDate, category: String, sequence: Int, detail: Int, code: String, quantity: Double?,
                    count: Int? = nil, unitCode: String? = nil, times: Int, deviceName: String? = nil) {
            self.date = date
            self.category = category
            self.sequence = sequence
            self.detail = detail
            self.code = code
            self.quantity = quantity
            self.count = count
            self.unitCode = unitCode
            self.times = times
            self.deviceName = deviceName
        }
    }

    public var groupCode: String
    public var admissionDate: CalendarDate
    public var dischargeDate: CalendarDate?
    public var outcome: Int?
    /// 予定・緊急入院区分.
    public var admissionKind: String
    public var ageAtAdmission: Int?
    public var diagnoses: [Diagnosis]
    public var procedures: [Procedure]
    /// 医療機関別係数.
    public var coefficient: Double
    public var bundles: [Bundle]
    public var coding: [Coding]

    public init(groupCode: String, admissionDate: CalendarDate, dischargeDate: CalendarDate?, outcome: Int?,
                admissionKind: String, ageAtAdmission: Int?, diagnoses: [Diagnosis], procedures: [Procedure],
                coefficient: Double, bundles: [Bundle], coding: [Coding]) {
        self.groupCode = groupCode
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.outcome = outcome
        self.admissionKind = admissionKind
        self.ageAtAdmission = ageAtAdmission
        self.diagnoses = diagnoses
        self.procedures = procedures
        self.coefficient = coefficient
        self.bundles = bundles
        self.coding = coding
    }

    /// 包括小計点数合算: the bands' points added up.
    public var subtotal: Int { bundles.reduce(0) { $0 + $1.pointsPerDay * $1.days } }

    /// 包括評価点数: the subtotal × 医療機関別係数, rounded to the nearest point.
    public var bundledPoints: Int { Int((Double(subtotal) * coefficient).rounded()) }
}

extension ClaimsFileWriter {
    /// Appends the DPC records of a claim of `month` that follow SN; CD records are appended after the claim's items.
    mutating func append(_ dpc: WrittenDPC, month serviceMonth: YearMonth) {
        let month = self.month(serviceMonth)
        lines.append(["BU", dpc.groupCode, date(dpc.admissionDate), dpc.dischargeDate.map(date) ?? "",
                      dpc.outcome.map(String.init) ?? "", ""])
        for diagnosis in dpc.diagnoses {
            lines.append(["SB", diagnosis.code, "", diagnosis.name ?? "", diagnosis.icd10, diagnosis.role,
                          diagnosis.isCauseOfDeath ? "1" : "", ""])
        }
        lines.append(["KK", "", "", dpc.admissionKind, "", "", dpc.ageAtAdmission.map(String.init) ?? "", "", "", "",
                      "", "", "", ""])
        for procedure in dpc.procedures {
            lines.append(["SK", procedure.code ?? "", procedure.section ?? "", procedure.date.map(date) ?? "", "", "",
                          procedure.name ?? ""])
        }
        let coefficient = String(format4: dpc.coefficient)
        lines.append(["GA", month, "2", "", "", coefficient, ""])
        for bundle in dpc.bundles {
            lines.append(["HH", month, "2", "1", "1", bundle.period, String(bundle.pointsPerDay),
                          String(bundle.days), String(bundle.pointsPerDay * bundle.days)])
        }
        lines.append(["GT", month, "2", "1", "1", String(dpc.subtotal), String(dpc.bundledPoints), "",
                      String(dpc.bundledPoints), "93", "", ""])
    }
}

extension String {
    /// A coefficient as DPC records write it: one integer digit, a point, four decimals (1.4231).
    init(format4 value: Double) {
        let scaled = Int((value * 10_000).rounded())
        self = "\(scaled / 10_000)." + String(scaled % 10_000).leftPadded(to: 4)
    }

    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
