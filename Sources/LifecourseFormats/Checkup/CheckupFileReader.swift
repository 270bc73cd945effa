import Foundation
import LifecourseCore
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads 特定健診 results: a sending archive (ZIP: the index `ix08_V08.xml`, then one CDA document per examinee
/// under `DATA/`) or a single CDA document. Each document is one unit: read, or quarantined whole with its first
/// problem while the others are read. Documents are taken one at a time from the archive's directory, so memory
/// holds one document's bytes whatever the archive's size.
public struct CheckupFileReader: SourceUnitReader {
    /// A document larger than this is quarantined unread (a 特定健診 document is tens of kilobytes).
    public static let maximumDocumentBytes = 16 << 20
    /// A broken archive is kept in the quarantine whole when it is at most this large.
    public static let maximumKeptBytes = 64 << 20

    public let path: String

    public init(path: String) {
        self.path = path
    }

    @discardableResult
    public func forEachEvent(progress: (Int) -> Void, _ body: (SourceUnitEvent) throws -> Void) throws -> Int {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        let head = try handle.read(upToCount: 4) ?? Data()
        try? handle.close()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try readArchive(progress: progress, body)
        }
        let bytes = try ChunkedFile(path: path).bytes(limit: Self.maximumDocumentBytes, unit: "one 特定健診 document")
        progress(bytes.count)
        try document(Data(bytes), name: path, ordinal: 1, sender: nil, body)
        return 1
    }

    private func readArchive(progress: (Int) -> Void, _ body: (SourceUnitEvent) throws -> Void) throws -> Int {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            try quarantineWhole(SourceError(at: SourcePosition(file: path),
                                            problem: "the file starts as a ZIP archive but its directory cannot be read (\(error))",
                                            fix: "the archive is probably cut short or damaged; ask the sender for it again"), body)
            return 0
        }
        let entries = Array(archive)
        guard let indexEntry = entries.first(where: { $0.type == .file && Self.name(of: $0.path).hasPrefix("ix08") }) else {
            try quarantineWhole(SourceError(at: SourcePosition(file: path),
                                            problem: "the ZIP archive holds no 特定健診 index (ix08_V08.xml)",
                                            fix: "send the archive as the 特定健診 data exchange rules build it (index, summary, DATA/)"), body)
            return 0
        }
        let index = try? CheckupIndex.read(try Self.extract(indexEntry, from: archive, limit: Self.maximumDocumentBytes))
        let documents = entries.filter { $0.type == .file && $0.path.contains("DATA/") && $0.path.lowercased().hasSuffix(".xml") }
            .sorted { $0.path < $1.path }
        if let expected = index?.totalRecordCount, expected != documents.count {
            try body(.warning(SourceError(
                at: SourcePosition(file: path + "!" + indexEntry.path),
                problem: "the index announces \(expected) documents but the archive holds \(documents.count)",
                fix: "ask the sender whether documents are missing")))
        }
        var bytesRead = 0
        for (offset, entry) in documents.enumerated() {
            let name = path + "!" + entry.path
            bytesRead += Int(entry.compressedSize)
            defer { progress(bytesRead) }
            let data: Data
            do {
                data = try Self.extract(entry, from: archive, limit: Self.maximumDocumentBytes)
            } catch {
                try body(.quarantined(QuarantinedRow(
                    firstLine: offset + 1, lastLine: offset + 1,
                    problem: SourceError(at: SourcePosition(file: name), problem: "the document cannot be taken from the archive (\(error))",
                                         fix: "the archive is damaged; ask the sender for it again"),
                    rawBytes: [])))
                continue
            }
            try document(data, name: name, ordinal: offset + 1, sender: index?.sender, body)
        }
        return documents.count + 1
    }

    /// Reads one document and hands over its record, or its quarantine.
    private func document(_ data: Data, name: String, ordinal: Int, sender: String?,
                          _ body: (SourceUnitEvent) throws -> Void) throws {
        let record: SourceRecord
        do throws(SourceError) {
            let document = try CheckupCDAReader.read(data, file: name)
            let code = document.centre.code.isEmpty ? sender ?? "" : document.centre.code
            let institution: InstitutionCode
            do {
                institution = try InstitutionCode(code)
            } catch {
                throw SourceError(at: SourcePosition(file: name, line: 1),
                                  problem: "the centre's 健診機関番号 '\(code)' is not a 10-digit code: \(error)",
                                  fix: "send the centre's number as 都道府県 2 + 点数表 1 + 機関コード 7")
            }
            record = document.sourceRecord(position: SourcePosition(file: name, line: ordinal), institution: institution)
        } catch {
            try body(.quarantined(QuarantinedRow(firstLine: ordinal, lastLine: ordinal, problem: error,
                                                 rawBytes: [UInt8](data))))
            return
        }
        try body(.record(record))
    }

    private func quarantineWhole(_ problem: SourceError, _ body: (SourceUnitEvent) throws -> Void) throws {
        let kept = (try? ChunkedFile(path: path).bytes(limit: Self.maximumKeptBytes, unit: "one 特定健診 archive")) ?? []
        try body(.quarantined(QuarantinedRow(lastLine: 1, problem: problem, rawBytes: kept)))
    }

    static func name(of path: String) -> String { String(path.split(separator: "/").last ?? "") }

    /// An entry's bytes, refused past `limit`.
    static func extract(_ entry: Entry, from archive: Archive, limit: Int) throws -> Data {
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw SourceError(at: SourcePosition(file: entry.path), problem: "the document is larger than \(limit >> 20) MiB",
                              fix: "check the archive; a 特定健診 document is tens of kilobytes")
        }
        var data = Data()
        _ = try archive.extract(entry) { chunk in
            data.append(chunk)
            guard data.count <= limit else {
                throw SourceError(at: SourcePosition(file: entry.path), problem: "the document holds more than its directory says",
                                  fix: "the archive is damaged; ask the sender for it again")
            }
        }
        return data
    }
}

/// What a sending archive's index (ix08) says: the sender and how many documents the archive holds.
struct CheckupIndex {
    var sender: String?
    var totalRecordCount: Int?

    static func read(_ data: Data) throws -> CheckupIndex {
        final class Collector: NSObject, XMLParserDelegate {
            var index = CheckupIndex()
            var path: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == "id", path.last == "sender" { index.sender = attributes["extension"] }
                if name == "totalRecordCount" { index.totalRecordCount = attributes["value"].flatMap { Int($0) } }
                path.append(name)
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                path.removeLast()
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return collector.index
    }
}
