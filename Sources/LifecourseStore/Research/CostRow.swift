public import LifecourseCore
public import Foundation
import GRDB

/// What one payer of a claim is billed, for `research.cost`.
public struct CostRow: Sendable, Hashable {
    public var person: ResearchID
    /// The claim (`research.claim.claim_id`).
    public var claimID: Int64
    /// `insurance` (HO) or `public-expense` (KO).
    public var payerKind: String
    public var payerLawCode: String?
    /// 1 for the first payer record of the claim, 2 for the next …
    public var payerOrder: Int
    public var points: Int?
    public var paidByPatient: Int?
    public var actualDays: Int?
    public var sourceRecordID: Int64

    public init(person: ResearchID, claimID: Int64, payerKind: String, payerLawCode: String?, payerOrder: Int,
                points: Int?, paidByPatient: Int?, actualDays: Int?, sourceRecordID: Int64) {
        self.person = person
        self.claimID = claimID
        self.payerKind = payerKind
        self.payerLawCode = payerLawCode
        self.payerOrder = payerOrder
        self.points = points
        self.paidByPatient = paidByPatient
        self.actualDays = actualDays
        self.sourceRecordID = sourceRecordID
    }
}

/// OMOP concepts of the cost table: 32814 "Claim" (cost type) and 44818598 "Japanese yen" (currency).
let omopCostTypeClaim = 32814
let omopCurrencyYen = 44818598

extension StoreTransaction {
    public func insertCost(_ row: CostRow) throws {
        try insertRow("""
            INSERT INTO research.cost (person_id, cost_event_id, cost_domain_id, cost_type_concept_id,
                currency_concept_id, payer_kind, payer_law_code, payer_order, points, total_charge, paid_by_patient,
                actual_days, source_record_id)
            VALUES (?, ?, 'Visit', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.claimID); $0.add(omopCostTypeClaim); $0.add(omopCurrencyYen);
            $0.add(row.payerKind); $0.add(row.payerLawCode); $0.add(row.payerOrder); $0.add(row.points);
            $0.add(row.points.map { $0 * 10 }); $0.add(row.paidByPatient); $0.add(row.actualDays);
            $0.add(row.sourceRecordID)
        }
    }
}

extension StoreReader {
    /// The cost rows of a file's claims and the points billed to each claim's first payer — what the file's GO
    /// record totals (総件数 counts HO and KO records, 総合計点数 the main payers' points).
    public func costTotals(fileDigest: Data) throws -> (rows: Int, firstPayerPoints: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, coalesce(sum(CASE WHEN c.payer_order = 1 THEN c.points END), 0) AS points
            FROM research.cost c JOIN research.source_record s USING (source_record_id) WHERE s.file_digest = ?
            """, arguments: [fileDigest])
        return (row?["n"] ?? 0, row?["points"] ?? 0)
    }
}
