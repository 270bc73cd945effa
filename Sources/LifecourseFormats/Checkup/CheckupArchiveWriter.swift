public import Foundation
public import LifecourseCore
import ZIPFoundation

/// Writes a 特定健診 sending archive (送付用ファイルアーカイブ): a ZIP whose root folder is
/// `{sender}_{receiver}_{yyyymmdd}{n}_1` and holds `ix08_V08.xml` (the index), `su08_V08.xml` (the summary with the
/// amounts) and `DATA/` with one CDA document per examinee, named `h{sender}{yyyymmdd}{n}1{serial:6}.xml`.
///
/// The schemas (`XSD/`) and the settlement files (`CLAIMS/`, 決済情報) are not written: the first are the
/// ministry's to distribute, the second are not read by Lifecourse. Entries are deflated and dated at noon of the
/// creation day, so the same documents give the same bytes.
public struct CheckupArchiveWriter: Sendable {
    /// 健診機関番号 (10 digits) of the centre that sends.
    public var sender: String
    /// 保険者番号 (8 digits) of the insurer that receives.
    public var receiver: String
    public var createdOn: CalendarDate
    /// 同日分割送信回数: 1 for the day's first archive to this receiver.
    public var sequence: Int
    /// 特定健診 単価 per examinee, in yen (the summary's amounts).
    public var unitPrice: Int

    public init(sender: String, receiver: String, createdOn: CalendarDate, sequence: Int = 1, unitPrice: Int) {
        self.sender = sender
        self.receiver = receiver
        self.createdOn = createdOn
        self.sequence = sequence
        self.unitPrice = unitPrice
    }

    /// The root folder's name, which is also the archive's name without `.zip`.
    public var rootName: String { "\(sender)_\(receiver)_\(createdOn.compact)\(sequence)_1" }

    /// The name of the `serial`th examinee's document (serials from 1).
    public func documentName(serial: Int) -> String {
        "h\(sender)\(createdOn.compact)\(sequence)1\(serial.zeroPadded(to: 6)).xml"
    }

    /// The index (ix08): from a checkup centre to an insurer (交換種別 6), 特定健診 (実施区分 1), the count of documents.
    public func index(count: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <index xmlns="\(Self.namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="\(Self.namespace) ./XSD/ix08_V08.xsd">
          <interactionType code="6"/>
          <creationTime value="\(createdOn.compact)"/>
          <sender>
            <id root="\(CheckupOID.centre)" extension="\(sender)"/>
          </sender>
          <receiver>
            <id root="\(CheckupOID.insurer)" extension="\(receiver)"/>
          </receiver>
          <serviceEventType code="1"/>
          <totalRecordCount value="\(count)"/>
        </index>

        """
    }

    /// The summary (su08): examinees and amounts; examinees pay nothing at the counter, the insurer is billed all.
    public func summary(count: Int) -> String {
        let total = count * unitPrice
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <summary xmlns="\(Self.namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="\(Self.namespace) ./XSD/su08_V08.xsd">
              <serviceEventType code="1"/>
              <totalSubjectCount value="\(count)"/>
              <totalCostAmount value="\(total)" currency="JPY"/>
              <totalPaymentAmount value="0" currency="JPY"/>
              <totalPaymentByOtherProgram value="0" currency="JPY"/>
              <totalClaimAmount value="\(total)" currency="JPY"/>
            </summary>

            """
    }

    /// Writes the archive with one document per examinee, in order.
    public func write(_ documents: [CheckupDocument], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        let date = calendar.date(from: DateComponents(year: createdOn.year, month: createdOn.month, day: createdOn.day,
                                                      hour: 12)) ?? Date(timeIntervalSince1970: 0)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: "\(rootName)/\(path)", type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: date, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("ix08_V08.xml", index(count: documents.count))
        try add("su08_V08.xml", summary(count: documents.count))
        for (offset, document) in documents.enumerated() {
            try add("DATA/\(documentName(serial: offset + 1))", CheckupCDAWriter.xml(document))
        }
    }

    static let namespace = "http://tokuteikenshin.jp/checkup/2007"
}
