import LifecourseCore
public import LifecourseFormats

/// A care certification and a care claim of one insured person, for tests of the care reader and its ingest.
public enum CareSamples {
    public static func certification() throws -> CareCertification {
        CareCertification(insurerNumber: "131011", insuredNumber: "0000123456", name: "佐藤　花子", kanaName: "サトウ　ハナコ",
                          birthDate: try CalendarDate(iso: "1940-06-01"), sex: .female, level: .care2,
                          certifiedOn: try CalendarDate(iso: "2024-04-10"), validFrom: try CalendarDate(iso: "2024-04-01"),
                          validUntil: try CalendarDate(iso: "2025-03-31"))
    }

    public static func claim() throws -> CareClaim {
        CareClaim(serviceMonth: try YearMonth(year: 2024, month: 5), providerNumber: "1371000015", insurerNumber: "131011",
                  insuredNumber: "0000123456", birthDate: try CalendarDate(iso: "1940-06-01"), sex: .female, level: .care2,
                  services: [.init(kind: "11", units: 4200, days: 12), .init(kind: "15", units: 6800, days: 8)])
    }
}
