public import LifecourseCore
import GRDB

/// A DPC claim's stay, for `research.dpc_stay`.
public struct DPCStayRow: Sendable, Hashable {
    public var person: ResearchID
    public var claimID: Int64
    /// 診断群分類番号 (14 characters); its first six are the disease (MDC 2 + 4).
    public var groupCode: String
    public var admissionDate: CalendarDate
    public var dischargeDate: CalendarDate?
    public var outcome: Int?
    public var coefficient: Double?
    public var bundledPoints: Int?
    public var adjustmentPoints: Int?
    public var monthPoints: Int?
    public var sourceRecordID: Int64

    public init(person: ResearchID, claimID: Int64, groupCode: String, admissionDate: CalendarDate,
                dischargeDate: CalendarDate?, outcome: Int?, coefficient: Double?, bundledPoints: Int?,
                adjustmentPoints: Int?, monthPoints: Int?, sourceRecordID: Int64) {
        self.person = person
        self.claimID = claimID
        self.groupCode = groupCode
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.outcome = outcome
        self.coefficient = coefficient
        self.bundledPoints = bundledPoints
        self.adjustmentPoints = adjustmentPoints
        self.monthPoints = monthPoints
        self.sourceRecordID = sourceRecordID
    }
}

/// One length-of-stay band of a DPC stay's bundled payment, for `research.dpc_bundle`.
public struct DPCBundleRow: Sendable, Hashable {
    public var stayID: Int64
    public var person: ResearchID
    public var month: YearMonth
    public var adjustment: String
    public var period: String
    public var pointsPerDay: Int
    public var days: Int
    public var subtotal: Int
    public var sourceRecordID: Int64
    public var sourceLine: Int?

    public init(stayID: Int64, person: ResearchID, month: YearMonth, adjustment: String, period: String,
                pointsPerDay: Int, days: Int, subtotal: Int, sourceRecordID: Int64, sourceLine: Int?) {
        self.stayID = stayID
        self.person = person
        self.month = month
        self.adjustment = adjustment
        self.period = period
        self.pointsPerDay = pointsPerDay
        self.days = days
        self.subtotal = subtotal
        self.sourceRecordID = sourceRecordID
        self.sourceLine = sourceLine
    }
}

extension StoreTransaction {
    public func insertDPCStay(_ row: DPCStayRow) throws -> Int64 {
        try insertRow("""
            INSERT INTO research.dpc_stay (person_id, claim_id, group_code, mdc6, admission_date, discharge_date,
                dpc_outcome, coefficient, bundled_points, adjustment_points, month_points, source_record_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.claimID); $0.add(row.groupCode);
            $0.add(String(row.groupCode.prefix(6))); $0.add(row.admissionDate.description);
            $0.add(row.dischargeDate?.description); $0.add(row.outcome); $0.add(row.coefficient);
            $0.add(row.bundledPoints); $0.add(row.adjustmentPoints); $0.add(row.monthPoints);
            $0.add(row.sourceRecordID)
        }
    }

    public func insertDPCBundle(_ row: DPCBundleRow) throws {
        try insertRow("""
            INSERT INTO research.dpc_bundle (dpc_stay_id, person_id, service_month, adjustment, period, points_per_day,
                days, subtotal, source_record_id, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.stayID); $0.add(row.person.rawValue); $0.add(row.month.description); $0.add(row.adjustment);
            $0.add(row.period); $0.add(row.pointsPerDay); $0.add(row.days); $0.add(row.subtotal);
            $0.add(row.sourceRecordID); $0.add(row.sourceLine)
        }
    }
}

/// A DPC stay as the research store keeps it.
public struct StoredDPCStay: Sendable, Hashable {
    public var person: ResearchID
    public var groupCode: String
    public var admissionDate: String
    public var dischargeDate: String?
    public var outcome: Int?
    public var coefficient: Double?
    public var bundledPoints: Int?
    public var monthPoints: Int?
    /// (period, points per day, days, subtotal) of each band, in file order.
    public var bundles: [[Int]]
}

extension StoreReader {
    /// The DPC stays of a person, in admission order, with their bundled bands.
    public func dpcStays(of person: ResearchID) throws -> [StoredDPCStay] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM research.dpc_stay WHERE person_id = ? ORDER BY admission_date, dpc_stay_id
            """, arguments: [person.rawValue])
        return try rows.map { row in
            let bands = try Row.fetchAll(db, sql: """
                SELECT period, points_per_day, days, subtotal FROM research.dpc_bundle WHERE dpc_stay_id = ?
                ORDER BY dpc_bundle_id
                """, arguments: [row["dpc_stay_id"] as Int64])
            return StoredDPCStay(
                person: person, groupCode: row["group_code"], admissionDate: row["admission_date"],
                dischargeDate: row["discharge_date"], outcome: row["dpc_outcome"], coefficient: row["coefficient"],
                bundledPoints: row["bundled_points"], monthPoints: row["month_points"],
                bundles: bands.map { [Int($0["period"] as String) ?? 0, $0["points_per_day"], $0["days"], $0["subtotal"]] })
        }
    }
}
