import LifecourseCore

/// The JSON the vault seals cards in: objects with their keys sorted and absent values left out, as JSONEncoder
/// with `.sortedKeys` writes them (it reads back with JSONDecoder), written directly because an ingest seals
/// tens of thousands of identities and JSONEncoder was a tenth of that work.
enum VaultJSON {
    static func text(_ cards: [InsuranceCard]) -> String {
        array(cards) { card in
            object([("branch", card.branch), ("insurerNumber", card.insurerNumber), ("number", card.number),
                    ("symbol", card.symbol)])
        }
    }

    static func text(_ cards: [PublicExpenseCard]) -> String {
        array(cards) { object([("payerNumber", $0.payerNumber), ("recipientNumber", $0.recipientNumber)]) }
    }

    static func text(_ card: CareInsuranceCard) -> String {
        object([("insuredNumber", card.insuredNumber), ("insurerNumber", card.insurerNumber)])
    }

    private static func array<T>(_ values: [T], _ element: (T) -> String) -> String {
        "[" + values.map(element).joined(separator: ",") + "]"
    }

    /// `fields` in key order; nil values are left out.
    private static func object(_ fields: [(String, String?)]) -> String {
        "{" + fields.compactMap { key, value in value.map { "\"\(key)\":" + quoted($0) } }.joined(separator: ",") + "}"
    }

    /// A JSON string: quotes, backslashes and control characters escaped (RFC 8259), everything else as it is.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
