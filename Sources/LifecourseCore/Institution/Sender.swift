/// Who sent a unit of data: a medical institution or pharmacy, a municipality (death records), or an insurer
/// (a 介護保険 insurer's care records; its 6-digit number is not always the municipality's code).
public enum Sender: Sendable, Hashable, CustomStringConvertible {
    case institution(InstitutionCode)
    case municipality(MunicipalityCode)
    case insurer(String)

    /// The code as stored (10 digits for institutions, 6 for municipalities).
    public var code: String {
        switch self {
        case .institution(let code): code.code
        case .municipality(let code): code.code
        case .insurer(let number): number
        }
    }

    /// The institution, when the sender is one.
    public var institution: InstitutionCode? {
        if case .institution(let code) = self { code } else { nil }
    }

    public var description: String { code }
}
