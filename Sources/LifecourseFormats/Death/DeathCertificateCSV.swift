import LifecourseCore

/// The death CSV Lifecourse accepts: no public electronic format exists, so this one is documented here and in
/// the README. UTF-8, CRLF, a header row, RFC 4180 quoting; dates `YYYY-MM-DD`; one certificate per row.
///
/// Columns (in order): 受理市区町村, 受理番号, 氏名, 氏名カナ, 性別 (1 男, 2 女), 生年月日, 死亡年月日, 死亡時刻,
/// 死亡場所種別 (1 病院 … 7 その他), 死亡場所医療機関コード, 住所, then for I(ア), I(イ), I(ウ), I(エ) and II each
/// 傷病名, ICD-10 and 発病から死亡までの期間, then 死因の種類 (1 病死及び自然死 … 10 不詳) and 診断医療機関コード.
public enum DeathCertificateCSV {
    public static let header = [
        "受理市区町村", "受理番号", "氏名", "氏名カナ", "性別", "生年月日", "死亡年月日", "死亡時刻", "死亡場所種別",
        "死亡場所医療機関コード", "住所",
        "I(ア)傷病名", "I(ア)ICD10", "I(ア)期間", "I(イ)傷病名", "I(イ)ICD10", "I(イ)期間",
        "I(ウ)傷病名", "I(ウ)ICD10", "I(ウ)期間", "I(エ)傷病名", "I(エ)ICD10", "I(エ)期間",
        "II傷病名", "IIICD10", "II期間", "死因の種類", "診断医療機関コード",
    ]

    /// The row of one certificate.
    public static func row(_ certificate: DeathCertificate) -> [String] {
        var fields = [
            certificate.municipality.code, certificate.acceptanceNumber, certificate.name, certificate.kanaName,
            certificate.sex.claimsCode, certificate.birthDate.description, certificate.deathDate.description,
            certificate.deathTime, String(certificate.place.rawValue), certificate.placeInstitution?.code ?? "",
            certificate.address,
        ]
        for index in 0..<4 {
            let cause = index < certificate.causes.count ? certificate.causes[index] : nil
            fields += [cause?.name ?? "", cause?.icd10 ?? "", cause?.duration ?? ""]
        }
        fields += [certificate.contributing?.name ?? "", certificate.contributing?.icd10 ?? "",
                   certificate.contributing?.duration ?? ""]
        fields += [String(certificate.kind.rawValue), certificate.certifyingInstitution?.code ?? ""]
        return fields
    }

    /// A whole file: the header and the rows, CRLF-terminated.
    public static func file(_ certificates: [DeathCertificate]) -> String {
        ([header] + certificates.map(row)).map { $0.map(CSVField.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
