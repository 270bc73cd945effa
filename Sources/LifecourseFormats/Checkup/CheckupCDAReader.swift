public import Foundation
public import LifecourseCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one 特定健診 CDA R2 document (UTF-8 XML) into a ``CheckupDocument``, with an event-driven parser (no
/// document tree is built): the examinee's card identifiers, kana name, sex, birth date and address from the header,
/// the centre, the exam day, and every observation coded in the 特定健診項目コード system wherever it sits in the
/// body, with the line it starts on.
public enum CheckupCDAReader {
    /// - Parameter file: the name errors give (an archive's entry is named `archive.zip!DATA/h….xml`).
    /// - Throws: ``SourceError`` with the line and column of malformed XML, or naming the header item that is
    ///   missing or wrong.
    public static func read(_ bytes: Data, file: String) throws(SourceError) -> CheckupDocument {
        try checkUTF8(bytes, file: file)
        let collector = Collector()
        let parser = XMLParser(data: bytes)
        parser.shouldProcessNamespaces = true
        parser.delegate = collector
        if !parser.parse() {
            // Where the parser stood when it found the error (it may read on to the end before it stops).
            let place = collector.errorPlace ?? (parser.lineNumber, parser.columnNumber)
            let position = SourcePosition(file: file, line: place.line, field: place.column)
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw SourceError(at: position, problem: "the document is not well-formed XML (\(Self.reason(code)))",
                              fix: "ask the sender for the document as its system wrote it; check that the archive was not damaged")
        }
        // libxml2 accepts a document cut short at an element boundary: its root must have closed.
        if !collector.closedRoot {
            throw SourceError(at: SourcePosition(file: file, line: parser.lineNumber, field: parser.columnNumber),
                              problem: "the document ends before its root element closes (\(collector.path.last.map { "inside <\($0)>" } ?? "no element at all"))",
                              fix: "the document was probably cut short; ask the sender for it again")
        }
        if let problem = collector.problem { throw SourceError(at: problem.position(file), problem: problem.text, fix: problem.fix) }
        return try collector.document(file: file)
    }

    /// Refuses bytes that are not UTF-8 before the parser sees them (Foundation's parser traps on some of them),
    /// naming the line and byte of the first bad one.
    static func checkUTF8(_ bytes: Data, file: String) throws(SourceError) {
        // The standard library's decoder, scalar by scalar, to know where the first bad byte is.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return
            case .error:
                throw SourceError(at: SourcePosition(file: file, line: line, byteOffset: offset),
                                  problem: "the document is not valid UTF-8 (byte \(offset))",
                                  fix: "ask the sender for the document in UTF-8, as the 特定健診 standard format requires")
            }
        }
    }

    /// The XML parser's error codes that damaged documents produce, in words.
    static func reason(_ code: Int) -> String {
        switch XMLParser.ErrorCode(rawValue: code) {
        case .tagNameMismatchError: "a closing tag does not match the element it closes"
        case .prematureDocumentEndError: "the document ends in the middle"
        case .ltRequiredError, .gtRequiredError: "a tag is not closed by >"
        case .invalidCharacterError, .invalidCharacterInEntityError: "a character is not allowed here"
        case .entityRefAtEOFError, .entityRefLoopError, .undeclaredEntityError, .entityNotStartedError,
             .entityNotFinishedError, .entityReferenceMissingSemiError, .entityReferenceWithoutNameError:
            "an entity reference (&…;) is broken"
        case .attributeNotStartedError, .attributeNotFinishedError,
             .attributeRedefinedError, .attributeHasNoValueError:
            "an attribute is broken"
        case .emptyDocumentError, .documentStartError: "there is no document element"
        case .extraContentError: "there is content after the document element"
        case .encodingNotSupportedError, .unknownEncodingError: "the encoding is not supported"
        default: "parser error \(code)"
        }
    }

    /// A problem found while parsing, placed when the file name is known.
    struct Problem {
        var line: Int
        var text: String
        var fix: String

        func position(_ file: String) -> SourcePosition { SourcePosition(file: file, line: line) }
    }

    /// Collects what the document says as the parser reports its elements.
    final class Collector: NSObject, XMLParserDelegate {
        var path: [String] = []
        var ids: [String: String] = [:]
        var reportKind: String?
        var createdOn: String?
        var examDate: String?
        var program: String?
        var kanaName = ""
        var sex: String?
        var birthTime: String?
        var postalCode = ""
        var address = ""
        var centreCode: String?
        var centreName = ""
        var observations: [CheckupDocument.Observation] = []
        var problem: Problem?
        var closedRoot = false
        var errorPlace: (line: Int, column: Int)?
        /// The observations being read, outermost first (one may sit inside another's entryRelationship): each
        /// with its code, name, line and value once they are read; and the text of an ST value.
        var open: [(code: String, name: String, line: Int, value: CheckupDocument.Value?)?] = []
        var current: (code: String, name: String, line: Int, value: CheckupDocument.Value?)? {
            get { open.last ?? nil }
            set { if !open.isEmpty { open[open.count - 1] = newValue } }
        }
        var valueText: String?
        var characters = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            path.append(name)
            characters = ""
            let parent = path.count > 1 ? path[path.count - 2] : ""
            switch name {
            case "code" where path.count == 2:
                reportKind = attributes["code"]
            case "effectiveTime" where path.count == 2:
                createdOn = attributes["value"]
            case "id" where parent == "patientRole":
                if let root = attributes["root"], let value = attributes["extension"] { ids[root] = value }
            case "administrativeGenderCode":
                sex = attributes["code"]
            case "birthTime":
                birthTime = attributes["value"]
            case "code" where parent == "serviceEvent":
                program = attributes["code"]
            case "effectiveTime" where parent == "serviceEvent":
                examDate = attributes["value"] ?? examDate
            case "low" where path.dropLast().last == "effectiveTime" && path.dropLast(2).last == "serviceEvent":
                examDate = attributes["value"]
            case "id" where parent == "representedOrganization" && centreCode == nil:
                if attributes["root"] == CheckupOID.centre { centreCode = attributes["extension"] }
            case "observation":
                open.append(nil)
            case "code" where parent == "observation" && attributes["codeSystem"] == CheckupOID.item:
                current = (attributes["code"] ?? "", attributes["displayName"] ?? "", parser.lineNumber, nil)
            case "value" where parent == "observation" && current != nil:
                let type = (attributes["type"] ?? attributes["xsi:type"] ?? "").split(separator: ":").last.map(String.init)
                switch type {
                case "PQ":
                    if let value = attributes["value"] { current?.value = .quantity(value, unit: attributes["unit"] ?? "") }
                case "CD", "CO", "CE":
                    if let code = attributes["code"] {
                        current?.value = .code(code, system: attributes["codeSystem"], display: attributes["displayName"] ?? "")
                    }
                case "ST":
                    valueText = ""
                default:
                    if attributes["nullFlavor"] == nil {
                        problem = problem ?? Problem(
                            line: parser.lineNumber,
                            text: "an observation's value has the type '\(type ?? "")', not PQ, CD, CO or ST",
                            fix: "send the value as the 特定健診 standard format defines it for the item")
                    }
                }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            errorPlace = errorPlace ?? (parser.lineNumber, parser.columnNumber)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            characters += string
            if valueText != nil { valueText! += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let parent = path.count > 1 ? path[path.count - 2] : ""
            switch name {
            case "name" where parent == "patient":
                kanaName = characters.trimmingCharacters(in: .whitespacesAndNewlines)
            case "postalCode" where parent == "addr":
                postalCode = characters.trimmingCharacters(in: .whitespacesAndNewlines)
                characters = ""
            case "addr" where parent == "patientRole":
                address = characters.trimmingCharacters(in: .whitespacesAndNewlines)
            case "name" where parent == "representedOrganization" && centreName.isEmpty:
                centreName = characters.trimmingCharacters(in: .whitespacesAndNewlines)
            case "value" where valueText != nil:
                current?.value = .text(valueText!)
                valueText = nil
            case "observation":
                if let observation = current, let value = observation.value {
                    var item = CheckupDocument.Observation(itemCode: observation.code, name: observation.name, value: value)
                    item.line = observation.line
                    observations.append(item)
                }
                if !open.isEmpty { open.removeLast() }
            default:
                break
            }
            path.removeLast()
            if path.isEmpty { closedRoot = true }
        }

        /// The document, once parsed whole.
        func document(file: String) throws(SourceError) -> CheckupDocument {
            func header(_ what: String, _ fix: String) -> SourceError {
                SourceError(at: SourcePosition(file: file, line: 1), problem: "the header has no \(what)", fix: fix)
            }
            func date(_ text: String?, _ what: String) throws(SourceError) -> CalendarDate {
                guard let text else { throw header(what, "send the document with its \(what)") }
                do {
                    return try DateCode.date(text.prefix(8))
                } catch {
                    throw SourceError(at: SourcePosition(file: file, line: 1), problem: "the \(what) '\(text)' is not a date: \(error)",
                                      fix: "send the \(what) as YYYYMMDD")
                }
            }
            guard let insurer = ids[CheckupOID.insurer], let number = ids[CheckupOID.number] else {
                throw header("insurance card (保険者番号 \(CheckupOID.insurer) and 被保険者証番号 \(CheckupOID.number))",
                             "send the examinee's card identifiers in recordTarget/patientRole/id")
            }
            guard let centreCode else {
                throw header("checkup centre (健診機関番号 \(CheckupOID.centre))", "send the centre in author/assignedAuthor/representedOrganization/id")
            }
            let sex: Sex
            switch self.sex {
            case "1": sex = .male
            case "2": sex = .female
            default:
                throw SourceError(at: SourcePosition(file: file, line: 1),
                                  problem: "administrativeGenderCode '\(self.sex ?? "")' is not 1 (男) or 2 (女)",
                                  fix: "send the sex coded as the 特定健診 standard format defines it (\(CheckupOID.sex))")
            }
            let examinee = CheckupDocument.Examinee(
                insurerNumber: insurer, symbol: ids[CheckupOID.symbol] ?? "", number: number,
                branch: ids[CheckupOID.branch], kanaName: kanaName, sex: sex,
                birthDate: try date(birthTime, "birth date (birthTime)"),
                postalCode: postalCode.isEmpty ? nil : postalCode, address: address.isEmpty ? nil : address)
            let exam = try date(examDate, "exam day (serviceEvent/effectiveTime)")
            return CheckupDocument(
                examinee: examinee, centre: .init(code: centreCode, name: centreName), examDate: exam,
                createdOn: (try? date(createdOn, "creation day")) ?? exam, reportKind: reportKind ?? "10",
                program: program ?? "010", observations: observations)
        }
    }
}
