public import LifecourseCore

/// Writes 調剤 (pharmacy) claims files in the レセ電 layout for pharmacies: CP932, CRLF, comma-separated
/// without quoting, opened by a YK record and closed by a GO record.
///
/// Records written per claim, with their field counts after the record id:
/// RE 41, HO 13, KO 9, SN 8; then for each 処方箋受付 one SH (9), CZ (70) and IY (9 each) group per 剤 and one
/// KI (113) with the fees charged once per reception (調剤基本料, 薬学管理料). GO counts the HO and KO records,
/// as in 医科 files. The layout follows the
/// 記録条件仕様 (調剤用) as FORMATS.md lists its record types; see the README's formats section.
public struct DispensingClaimsFileWriter: Sendable {
    public let dateStyle: ClaimsDateStyle
    private var lines = ClaimsLines()

    public init(dateStyle: ClaimsDateStyle = .western) {
        self.dateStyle = dateStyle
    }

    /// Starts the file with its YK record.
    public mutating func pharmacy(_ code: InstitutionCode, payer: Int, name: String, billingMonth: YearMonth,
                                  phone: String = "") {
        lines.append(["YK", String(payer), code.prefecture.codeText, String(code.feeSchedule.rawValue), code.localCode,
                      name, dateStyle.text(billingMonth), "00", phone])
    }

    /// Adds one claim.
    public mutating func claim(_ claim: WrittenDispensingClaim) {
        let header = claim.header
        var re = ClaimsLines.empty("RE", fields: 41)
        re[1] = String(header.claimNumber)
        re[2] = header.claimType
        re[3] = dateStyle.text(header.serviceMonth)
        re[4] = header.name
        re[5] = header.sex.claimsCode
        re[6] = dateStyle.text(header.birthDate)
        re[7] = header.benefitRate.map(String.init) ?? ""
        re[9] = claim.prescriber.code.prefecture.codeText
        re[10] = String(claim.prescriber.code.feeSchedule.rawValue)
        re[11] = claim.prescriber.code.localCode
        re[12] = claim.prescriber.name
        re[35] = header.chartNumber
        re[41] = header.kanaName ?? ""
        lines.append(re)
        let points = claim.points
        if let card = claim.insurance {
            var ho = ClaimsLines.empty("HO", fields: 13)
            ho[1] = card.insurerNumber
            ho[2] = card.symbol
            ho[3] = card.number
            ho[4] = String(claim.receptions.count)
            ho[5] = String(points)
            lines.appendPayerPart(ho)
        }
        for expense in claim.publicExpenses {
            var ko = ClaimsLines.empty("KO", fields: 9)
            ko[1] = expense.payerNumber
            ko[2] = expense.recipientNumber
            ko[4] = String(claim.receptions.count)
            ko[5] = String(points)
            lines.appendPayerPart(ko)
        }
        if let qualification = claim.qualification {
            lines.append(["SN", "1", qualification.confirmation, "", "", "", qualification.branch, "", ""])
        }
        var prescriptionNumber = 0
        for (receptionIndex, reception) in claim.receptions.enumerated() {
            for prescription in reception.prescriptions {
                prescriptionNumber += 1
                write(prescription, number: prescriptionNumber, reception: reception, receptionNumber: receptionIndex + 1)
            }
            var ki = ClaimsLines.empty("KI", fields: 113)
            ki[1] = dateStyle.text(reception.dispensingDate)
            ki[2] = String(receptionIndex + 1)
            ki[3] = "1"
            ki[4] = reception.basicFee.code
            ki[5] = String(reception.basicFee.points)
            for (slot, fee) in reception.guidanceFees.prefix(12).enumerated() {
                let start = 7 + slot * 4
                ki[start] = "1"
                ki[start + 1] = fee.code
                ki[start + 2] = "1"
                ki[start + 3] = String(fee.points)
            }
            lines.append(ki)
        }
        lines.addClaimPoints(points)
    }

    private mutating func write(_ prescription: WrittenDispensingClaim.Prescription, number: Int,
                                reception: WrittenDispensingClaim.Reception, receptionNumber: Int) {
        var sh = ClaimsLines.empty("SH", fields: 9)
        sh[1] = number.zeroPadded(to: 2)
        sh[2] = prescription.form
        sh[3] = prescription.usage
        sh[5] = String(prescription.unitDrugPoints)
        lines.append(sh)
        var cz = ClaimsLines.empty("CZ", fields: 70)
        cz[1] = "1"
        cz[2] = dateStyle.text(reception.prescriptionDate)
        cz[3] = dateStyle.text(reception.dispensingDate)
        cz[4] = String(receptionNumber)
        cz[5] = String(prescription.days)
        // A fee slot: 負担区分, 算定区分, 算定先No (the 剤), コード, 点数.
        func fee(_ fee: WrittenDispensingClaim.Fee?, at start: Int) {
            guard let fee else { return }
            cz.replaceSubrange(start..<start + 5, with: ["1", "1", number.zeroPadded(to: 2), fee.code, String(fee.points)])
        }
        fee(prescription.preparation, at: 6)
        cz[13] = String(prescription.drugPoints)
        fee(prescription.management, at: 57)
        lines.append(cz)
        for drug in prescription.drugs {
            var iy = ClaimsLines.empty("IY", fields: 9)
            iy[1] = "1"
            iy[2] = drug.code
            iy[3] = ClaimsLines.quantity(drug.dailyQuantity)
            lines.append(iy)
        }
    }

    /// Ends the file with its GO record and returns its bytes.
    /// - Throws: ``TextEncodingError`` when a value cannot be written in CP932.
    public mutating func finish() throws(TextEncodingError) -> [UInt8] {
        try lines.finish()
    }


}
