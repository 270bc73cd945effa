import LifecourseCore

/// Reads the records of the documented care layout (see ``CareFileWriter``).
enum CareRecordReader {
    static let certificationColumns = ["レコード種別", "保険者番号", "被保険者番号", "氏名", "氏名カナ", "性別", "生年月日",
                                       "要介護状態区分", "認定年月日", "有効期間開始", "有効期間終了"]
    static let basicColumns = ["レコード種別", "サービス提供年月", "事業所番号", "保険者番号", "被保険者番号", "生年月日", "性別",
                               "要介護状態区分"]
    static let detailColumns = ["レコード種別", "サービス種類コード", "単位数", "日数"]
    static let remarkColumns = ["レコード種別", "摘要"]
    static let totalColumns = ["レコード種別", "合計単位数", "明細件数"]

    /// The columns of a record kind, or nil for a kind the layout does not have.
    static func columns(of kind: String) -> [String]? {
        switch kind {
        case "NT": certificationColumns
        case "01": basicColumns
        case "02": detailColumns
        case "16": remarkColumns
        case "10": totalColumns
        default: nil
        }
    }

    /// A row with its column names, after checking its kind and column count.
    static func row(_ record: CSVRecord, file: String) throws(SourceError) -> CSVRow {
        let position = SourcePosition(file: file, line: record.line, byteOffset: record.byteOffset)
        if let problem = record.problem {
            throw SourceError(at: position.field(problem.field), problem: problem.description,
                              fix: "correct the row in the sending system and send it again")
        }
        let kind = record.fields.first ?? ""
        guard let names = columns(of: kind) else {
            throw SourceError(at: position.field(1), problem: "'\(kind)' is not a record kind of the care layout",
                              fix: "send NT (認定), or 01, 02, 16 and 10 (給付費) records as the README's formats section lists them")
        }
        guard record.fields.count == names.count else {
            throw SourceError(at: position, problem: "a \(kind) record has \(names.count) fields; this one has \(record.fields.count)",
                              fix: "quote fields that contain commas, and send every field even when empty")
        }
        return CSVRow(fields: record.fields, position: position, names: names)
    }

    static func level(_ row: CSVRow, _ index: Int) throws(SourceError) -> CareLevel {
        try row.enumeration(index, CareLevel.self, "01 非該当, 12–13 要支援1–2 or 21–25 要介護1–5", parse: { $0 })
    }

    static func sex(_ row: CSVRow, _ index: Int) throws(SourceError) -> Sex {
        try row.value(index) { text throws(ValueError) in try Sex(claimsCode: text) }
    }

    /// An NT record.
    static func certification(_ row: CSVRow) throws(SourceError) -> CareCertification {
        let validFrom = try row.date(9)
        let validUntil = try row.date(10)
        guard validFrom <= validUntil else {
            throw row.error(10, "the period ends (\(validUntil)) before it starts (\(validFrom))")
        }
        return CareCertification(
            insurerNumber: try row.digits(1, count: 6, "a 介護保険 insurer number"),
            insuredNumber: try row.digits(2, count: 10, "a 被保険者番号"), name: try row.required(3),
            kanaName: row.trimmed(4), birthDate: try row.date(6), sex: try sex(row, 5), level: try level(row, 7),
            certifiedOn: try row.date(8), validFrom: validFrom, validUntil: validUntil)
    }

    /// A claim from its 01 record, its 02 and 16 records and its 10 record; the 10 record's totals must agree.
    static func claim(basic: CSVRow, details rows: [CSVRow], total: CSVRow) throws(SourceError) -> CareClaim {
        var services = [CareService]()
        var remarks = [Located<String>]()
        for row in rows where row.fields[0] == "16" {
            remarks.append(Located(try row.required(1), at: row.position))
        }
        for detail in rows where detail.fields[0] == "02" {
            services.append(CareService(kind: try detail.digits(1, count: 2, "a サービス種類コード"),
                                              units: try detail.integer(2, in: 0...9_999_999),
                                              days: try detail.integer(3, in: 0...31)))
        }
        let units = services.reduce(0) { $0 + $1.units }
        let statedUnits = try total.integer(1, in: 0...99_999_999)
        guard statedUnits == units else {
            throw total.error(1, "the total \(statedUnits) differs from the sum of the 02 records' units, \(units)",
                              fix: "send the claim again with its 02 and 10 records as billed")
        }
        let statedCount = try total.integer(2, in: 0...999)
        guard statedCount == services.count else {
            throw total.error(2, "the claim has \(services.count) 02 records, not \(statedCount)",
                              fix: "send the claim again with all its 02 records")
        }
        return CareClaim(
            serviceMonth: try basic.value(1) { text throws(ValueError) in try DateCode.month(text) },
            providerNumber: try basic.digits(2, count: 10, "a 事業所番号"),
            insurerNumber: try basic.digits(3, count: 6, "a 介護保険 insurer number"),
            insuredNumber: try basic.digits(4, count: 10, "a 被保険者番号"), birthDate: try basic.date(5),
            sex: try sex(basic, 6), level: try level(basic, 7), services: services, remarks: remarks)
    }
}
