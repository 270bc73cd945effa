public import LifecourseCore

/// Where a message goes in SS-MIX2 standardized storage:
/// `root/{ID 1–3}/{ID 4–6}/{ID}/{day or -}/{data type}/{ID}_{day or -}_{type}_{order 15}_{timestamp 17}_{dept or -}_{flag}`.
public struct SSMIX2Path: Sendable, Hashable {
    public enum DataType: String, Sendable, CaseIterable {
        case patient = "ADT-00"
        case outpatientVisit = "ADT-12"
        case admission = "ADT-22"
        case discharge = "ADT-52"
        case allergy = "ADT-61"
        case diseases = "PPR-01"
        case prescriptionOrder = "OMP-01"
        case labResults = "OML-11"

        /// Data not tied to a day sits under `-`.
        public var isDayless: Bool { self == .patient || self == .diseases || self == .allergy }
    }

    public var patientID: String
    public var day: CalendarDate?
    public var type: DataType
    /// 15 characters.
    public var orderNumber: String
    /// `yyyyMMddHHmmssfff`.
    public var timestamp: String
    public var department: String?
    /// 1 valid, 0 invalid (superseded), 2 past history.
    public var condition: Int

    public init(patientID: String, day: CalendarDate?, type: DataType, orderNumber: String, timestamp: String,
                department: String?, condition: Int = 1) {
        self.patientID = patientID
        self.day = day
        self.type = type
        self.orderNumber = orderNumber
        self.timestamp = timestamp
        self.department = department
        self.condition = condition
    }

    /// The path relative to the storage root.
    public var relativePath: String {
        let id = Array(patientID)
        let first = String(id.prefix(3))
        let second = String(id.dropFirst(3).prefix(3))
        let dayText = type.isDayless ? "-" : (day.map { $0.compact } ?? "-")
        let name = [patientID, dayText, type.rawValue, orderNumber, timestamp, department ?? "-", String(condition)]
            .joined(separator: "_")
        return [first, second, patientID, dayText, type.rawValue, name].joined(separator: "/")
    }
}
