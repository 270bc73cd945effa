import Foundation
public import LifecourseCore
import LifecourseFormats
public import LifecourseStore

/// What loading one master file did.
public struct MasterImportReport: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case loaded, alreadyLoaded, skipped, failed
    }

    public var file: String
    public var status: Status
    /// The master's letter (b, s, y, t, z, c), when the file is one.
    public var kind: String?
    public var rowsRead: Int
    public var rowsLoaded: Int
    /// The rows that could not be read (the first ones; ``problemCount`` says how many).
    public var problems: [SourceError]
    public var problemCount: Int
    public var message: String?
}

/// Loads the 支払基金 masters (`lifecourse masters import`): each file in one transaction, every version of every
/// code kept by its effective date, rows that cannot be read reported with their line and column and the others
/// loaded; a file loaded before (same SHA-256) changes nothing.
public struct MasterImporter: Sendable {
    public let store: SQLiteStore
    /// How many problems a report keeps in full.
    public static let problemsKept = 20

    public init(store: SQLiteStore) {
        self.store = store
    }

    /// Loads the master files among `paths` (files or folders); other files are reported as not masters.
    /// - Throws: ``IngestError`` when a path does not exist.
    public func load(paths: [String]) throws -> [MasterImportReport] {
        try InputFiles.expand(paths).map(load(file:))
    }

    public func load(file: String) -> MasterImportReport {
        var report = MasterImportReport(file: file, status: .failed, kind: nil, rowsRead: 0, rowsLoaded: 0, problems: [],
                                        problemCount: 0, message: nil)
        let digest: Data
        do {
            let head = try FormatDetector.head(of: file)
            guard let kind = MasterFileReader.kind(ofFirstLine: FormatDetector.firstLine(of: head)) else {
                report.status = .skipped
                report.message = "\(file): not a 支払基金 master (its rows start with \"0\",\"B\" … \"C\"); skipped"
                return report
            }
            report.kind = kind.rawValue
            digest = try FileDigest.sha256(path: file)
        } catch {
            report.message = "\(file): cannot be read (\(error.localizedDescription)); nothing was loaded"
            return report
        }
        do {
            return try store.write { transaction in
                if let earlier = try transaction.masterImport(digest: digest) {
                    report.status = .alreadyLoaded
                    report.rowsRead = earlier.rowsRead
                    report.rowsLoaded = earlier.rowsLoaded
                    report.message = "\(file): loaded before on \(earlier.importedAt); nothing changed"
                    return report
                }
                let id = try transaction.beginMasterImport(digest: digest, fileName: file, kind: report.kind ?? "")
                report.rowsRead = try MasterFileReader(path: file).forEachEvent { event in
                    switch event {
                    case .entry(let entry, _):
                        try transaction.upsertMasterCode(entry, importID: id)
                        report.rowsLoaded += 1
                    case .problem(let problem):
                        report.problemCount += 1
                        if report.problems.count < Self.problemsKept { report.problems.append(problem) }
                    }
                }
                try transaction.finishMasterImport(id, rowsRead: report.rowsRead, rowsLoaded: report.rowsLoaded,
                                                   problems: report.problemCount)
                report.status = .loaded
                return report
            }
        } catch {
            report.status = .failed
            report.rowsLoaded = 0
            report.message = "\(file): \(error); nothing from this file was loaded"
            return report
        }
    }
}
