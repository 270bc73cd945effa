extension ClinicalCodes {
    /// 歯科 codes. The procedure codes and their 令和6年 points agree in two independent public dental claims
    /// projects (歯科初診料 301000110 267 points, 歯科再診料 301001610 58, 歯科疾患管理料 302000110 100) but are not
    /// checked against the 歯科診療行為マスター, which the masters fixture does not hold; dental diagnoses are written
    /// uncoded (0000999 with the name), as for other unverified diagnoses.
    enum Dental {
        static let firstVisit = Procedure(name: "歯科初診料", code: "301000110", points: 267)
        static let revisit = Procedure(name: "歯科再診料", code: "301001610", points: 58)
        static let management = Procedure(name: "歯科疾患管理料", code: "302000110", points: 100)
        static let caries = Diagnosis(name: "う蝕", claimsCode: nil, icd10: "K029")
        static let periodontitis = Diagnosis(name: "慢性歯周炎", claimsCode: nil, icd10: "K053")

        /// A 歯式コード: "10", the FDI tooth number, the tooth's state (0 present) and part (0 unspecified).
        static func tooth(_ fdi: Int) -> String { "10\(fdi)00" }
    }

    /// The DPC billing of a hip fracture treated by hemiarthroplasty.
    ///
    /// 診断群分類 160800xx01xxxx (股関節・大腿近位の骨折, 人工骨頭挿入術 肩、股等) and the 区分番号 K0811
    /// (人工骨頭挿入術 股) are the published names; the points per day of the three length-of-stay bands are
    /// approximations of the 2024 点数表 (the generator has no copy of it). The devices are from the 特定器材
    /// master in the fixtures (人工股関節用材 骨頭用 バイポーラカップ and ステムヘッド).
    enum HipFractureDPC {
        static let groupCode = "160800xx01xxxx"
        static let operationSection = "K0811"
        static let operationName = "人工骨頭挿入術（股）"
        /// (last day of the band, points per day): 入院期間Ⅰ, Ⅱ, Ⅲ.
        static let bands = [(9, 2_748), (19, 2_031), (60, 1_726)]
        static let devices = ["710010733", "710010618"]
        static let fractureICD10 = "S7200"
    }
}
