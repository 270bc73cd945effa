/// A code that is read from its text form and written back as it (institution and municipality codes): its
/// `Codable` form is that text, checked on decoding.
public protocol TextCode: Codable {
    init(_ text: String) throws(ValueError)
    var code: String { get }
}

extension TextCode {
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
