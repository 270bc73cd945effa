import Foundation
import LifecourseCore
import LifecourseFormats
#if canImport(FoundationXML)
import FoundationXML
#endif

enum CheckupSamples {
    static func document(kana: String = "ヤマダ タロウ", branch: String? = "01") throws -> CheckupDocument {
        CheckupDocument(
            examinee: .init(insurerNumber: "06139463", symbol: "ＡＢ－０１", number: "123", branch: branch,
                            kanaName: kana, sex: .male, birthDate: try CalendarDate(year: 1970, month: 1, day: 2),
                            postalCode: "100-0001", address: "東京都千代田区"),
            centre: .init(code: "1311234567", name: "千代田健診センター"), examDate: try CalendarDate(year: 2024, month: 6, day: 3),
            createdOn: try CalendarDate(year: 2024, month: 7, day: 1),
            observations: [
                .init(itemCode: "9N001000000000001", name: "身長", value: .quantity("170.2", unit: "cm")),
                .init(itemCode: "9N736000000000011", name: "喫煙", value: .code("2", system: nil, display: "いいえ")),
                .init(itemCode: "9N511000000000049", name: "医師の診断（判定）", value: .text("異常なし <要再検> & 経過観察")),
            ])
    }
}

/// The elements and attributes of an XML document, read with Foundation's parser.
final class XMLOutline: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text: [String: String] = [:]
    private var current = ""

    static func read(_ xml: String) throws -> XMLOutline {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = outline
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return outline
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        current = name
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text[current, default: ""] += string
    }

    func attributes(of name: String) -> [[String: String]] {
        elements.filter { $0.name == name }.map(\.attributes)
    }
}
