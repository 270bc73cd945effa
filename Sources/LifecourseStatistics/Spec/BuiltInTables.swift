/// The tables the plan names (統計情報の例), for one calendar year. Each is an ordinary ``TableSpec``: `lifecourse
/// stats --built-in NAME --year 2024` computes one, and writing it out as JSON gives a file to adapt.
public enum BuiltInTables {
    /// The names, in the plan's order.
    public static let names = ["prescription-volume", "patients-by-hba1c", "care-needs", "lab-distribution", "persons-treated"]

    /// The built-in table `name` for `year`, nil for an unknown name.
    public static func spec(_ name: String, year: Int) -> TableSpec? {
        let period = TableSpec.Period(from: "\(year)-01-01", to: "\(year)-12-31")
        let prefecture = TableDimension(.prefecture), sex = TableDimension(.sex), age = TableDimension(.ageBand, width: 10)
        switch name {
        case "prescription-volume":
            return TableSpec(name: name, title: "処方数量 (地域 × 病床規模 × 医薬品成分) / prescribed quantity by region, "
                             + "bed-size class and drug", source: .prescriptions, measure: TableMeasure(.quantity),
                             dimensions: [prefecture, TableDimension(.bedSize), TableDimension(.drug, level: "ingredient")],
                             period: period)
        case "patients-by-hba1c":
            return TableSpec(name: name, title: "HbA1c区分別の患者数 (地域 × 性 × 年齢階級) / patients by region, sex, "
                             + "age band and HbA1c category", source: .persons, measure: TableMeasure(.persons),
                             dimensions: [prefecture, sex, age,
                                          TableDimension(.labCategory, cuts: [5.6, 6.5, 8.0], item: "3D046")],
                             period: period)
        case "care-needs":
            return TableSpec(name: name, title: "要介護度別の要介護者数 (地域 × 性 × 年齢階級) / persons needing care by "
                             + "region, sex, age band and care level", source: .care, measure: TableMeasure(.persons),
                             dimensions: [prefecture, sex, age, TableDimension(.careLevel)], period: period)
        case "lab-distribution":
            return TableSpec(name: name, title: "HbA1cの分布 (地域 × 性 × 年齢階級) / HbA1c distribution by region, sex "
                             + "and age band", source: .measurements, measure: TableMeasure(.distribution, item: "3D046"),
                             dimensions: [prefecture, sex, age], period: period)
        case "persons-treated":
            return TableSpec(name: name, title: "薬効分類別の治療患者数 (地域 × 性 × 年齢階級) / persons treated by region, "
                             + "sex, age band and drug class", source: .persons, measure: TableMeasure(.persons),
                             dimensions: [prefecture, sex, age, TableDimension(.drug, level: "class")], period: period)
        default:
            return nil
        }
    }
}
