public import Foundation
public import LifecourseCore

/// One file of SS-MIX2 standardized storage, as its path names it:
/// `root/{ID 1–3}/{ID 4–6}/{ID}/{day or -}/{data type}/{ID}_{day or -}_{type}_{order}_{timestamp 17}_{dept or -}_{flag}`.
public struct SSMIX2File: Sendable, Hashable {
    /// What the condition flag (the name's last part) says of the file.
    public enum Condition: Int, Sendable, Hashable {
        /// 0: superseded by a later file; ignored.
        case superseded = 0
        case valid = 1
        /// 2: past history (過去歴), kept as such.
        case pastHistory = 2
    }

    public let path: String
    /// The storage root the file sits under ("" when the path is relative to it).
    public let root: String
    public let patientID: String
    /// 診療日, nil for data kept under `-` (patient basics, disease names, allergies).
    public let day: CalendarDate?
    /// e.g. ADT-00, OMP-11, OML-11.
    public let dataType: String
    public let orderNumber: String
    /// `yyyyMMddHHmmssfff`.
    public let timestamp: String
    public let department: String?
    public let condition: Condition

    /// The name of the folder holding the storage root (a hospital's 10-digit code when storages are kept per
    /// hospital, as the generator keeps them).
    public var storageFolderName: String {
        String(root.split(separator: "/").last ?? "")
    }
}

/// The rules of SS-MIX2 standardized storage (厚生労働省電子的診療情報交換推進事業 標準化ストレージ仕様): where a
/// file must sit and how it must be named. A file that breaks them is reported with the reason, not read.
public enum SSMIX2Storage {
    /// Data types not tied to a day, kept under `-`.
    public static let daylessTypes: Set<String> = ["ADT-00", "PPR-01", "ADT-61"]

    /// The file at `relative` (a path under the storage root, `/`-separated), checked against the rules.
    /// - Throws: ``SourceError`` naming the file and what is wrong with its place or name.
    public static func file(relative: String, root: String = "") throws(SourceError) -> SSMIX2File {
        let path = root.isEmpty ? relative : root + "/" + relative
        func refuse(_ problem: String) -> SourceError {
            SourceError(at: SourcePosition(file: path), problem: problem,
                        fix: "store the file where SS-MIX2 puts it: {ID 1–3}/{ID 4–6}/{ID}/{day or -}/{type}/ with the name "
                            + "{ID}_{day or -}_{type}_{order}_{timestamp}_{department or -}_{0|1|2}")
        }
        let folders = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard folders.count == 6 else {
            throw refuse("the file is \(folders.count - 1) folders deep; SS-MIX2 files are 5 deep")
        }
        let parts = folders[5].split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7 else {
            throw refuse("the name has \(parts.count) parts separated by _; SS-MIX2 names have 7")
        }
        let (id, dayText, type) = (parts[0], parts[1], parts[2])
        guard !id.isEmpty, id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw refuse("the patient ID '\(id)' is not printable ASCII")
        }
        guard folders[2] == id else {
            throw refuse("the file names patient \(id) but sits in the folder of patient \(folders[2])")
        }
        let idCharacters = Array(id)
        guard folders[0] == String(idCharacters.prefix(3)), folders[1] == String(idCharacters.dropFirst(3).prefix(3)) else {
            throw refuse("the folders \(folders[0])/\(folders[1]) are not characters 1–3 and 4–6 of patient ID \(id)")
        }
        guard folders[3] == dayText else {
            throw refuse("the file names day \(dayText) but sits in the folder of day \(folders[3])")
        }
        guard folders[4] == type else {
            throw refuse("the file names data type \(type) but sits in the folder \(folders[4])")
        }
        guard type.utf8.count >= 3, type.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) else {
            throw refuse("'\(type)' is not a data type such as ADT-00 or OMP-11")
        }
        var day: CalendarDate?
        if dayText != "-" {
            do {
                day = try DateCode.date(dayText)
            } catch {
                throw refuse("the day '\(dayText)' is not a date (YYYYMMDD): \(error)")
            }
        }
        guard (day == nil) == daylessTypes.contains(type) else {
            throw refuse(day == nil ? "\(type) data belongs under its day, not under -"
                                    : "\(type) data is not tied to a day and belongs under -")
        }
        let (order, timestamp, department, flag) = (parts[3], parts[4], parts[5], parts[6])
        guard (1...15).contains(order.utf8.count) else {
            throw refuse("the order number '\(order)' is not 1–15 characters")
        }
        guard timestamp.utf8.count == 17, timestamp.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw refuse("the timestamp '\(timestamp)' is not yyyyMMddHHmmssfff (17 digits)")
        }
        guard let condition = Int(flag).flatMap(SSMIX2File.Condition.init(rawValue:)) else {
            throw refuse("the condition flag '\(flag)' is not 0 (superseded), 1 (valid) or 2 (past history)")
        }
        return SSMIX2File(path: path, root: root, patientID: id, day: day, dataType: type, orderNumber: order, timestamp: timestamp,
                          department: department == "-" ? nil : department, condition: condition)
    }

    /// The place of a file in a storage tree, judged from its path alone: nil when its name is not an SS-MIX2 name
    /// (a message sent on its own).
    /// - Throws: ``SourceError`` when the name is an SS-MIX2 name but the file breaks the storage rules.
    public static func locate(path: String) throws(SourceError) -> SSMIX2File? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = components.last, name.split(separator: "_", omittingEmptySubsequences: false).count == 7 else {
            return nil
        }
        return try file(relative: components.suffix(6).joined(separator: "/"),
                        root: components.dropLast(6).joined(separator: "/"))
    }

    /// What a storage tree holds: the files to read, the superseded ones (flag 0), and the files that break the
    /// rules, each with its reason. Paths are sorted, so runs are repeatable.
    public struct Walk: Sendable {
        public var files: [SSMIX2File] = []
        public var superseded: [SSMIX2File] = []
        public var problems: [SourceError] = []
    }

    /// Walks the tree under `root`.
    public static func walk(root: URL) -> Walk {
        var walk = Walk()
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return walk }
        var relatives: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue,
               !relative.split(separator: "/").last!.hasPrefix(".") {
                relatives.append(relative)
            }
        }
        for relative in relatives.sorted() {
            do throws(SourceError) {
                let file = try file(relative: relative, root: base)
                if file.condition == .superseded { walk.superseded.append(file) } else { walk.files.append(file) }
            } catch {
                walk.problems.append(error)
            }
        }
        return walk
    }
}
