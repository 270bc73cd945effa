import Foundation
import LifecourseCore
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseIngest

@Suite struct ReadAheadTests {
    /// The messages of each file, as the writer would take them.
    static func messages(_ reading: ReadAhead, files: Int) -> [[String]] {
        (0..<files).map { _ in
            var kinds: [String] = []
            let file = reading.nextFile()
            switch file.state {
            case .refused: return ["refused"]
            case .ignored: return ["ignored"]
            case .unchanged: return ["unchanged"]
            case .ready(_, _, let receivedBefore): kinds.append(receivedBefore ? "received-before" : "ready")
            }
            while true {
                switch reading.take() {
                case .events(let events, _): kinds.append("events:\(events.count)")
                case .end(_, let failure):
                    kinds.append(failure == nil ? "end" : "failed")
                    return kinds
                case .file: return kinds + ["out-of-order"]
                }
            }
        }
    }

    @Test(arguments: [1, 2, 3])
    func sendsEachFileWithItsEventsInBoundedMessagesThenItsEnd(lanes: Int) throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let text = directory.file("notes.txt")
        try Data("hello".utf8).write(to: text)
        let copy = directory.file("copy.UKE")
        try FileManager.default.copyItem(at: Fixtures.outpatientClaims, to: copy)
        // With lanes the files are read on different threads at once; the writer still takes them in order.
        let files = [Fixtures.outpatientClaims.path, text.path, copy.path, text.path, Fixtures.outpatientClaims.path]
        let reading = ReadAhead(files: files, store: test.store, lanes: lanes)
        let messages = Self.messages(reading, files: files.count)
        reading.wait()
        // The fixture: its IR, 75 claims and nothing else, in messages of at most 128 events.
        #expect(messages == [["ready", "events:76", "end"], ["refused"], ["ready", "events:76", "end"], ["refused"],
                             ["ready", "events:76", "end"]])
    }

    @Test(arguments: [1, 2])
    func freesOnItsOwnThreadTheEventsTheWriterGaveBack(lanes: Int) throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        // More files than the queue holds messages: the reader is still reading when the first events come back.
        let files = try (0..<100).map { number in
            let copy = directory.file("copy-\(number).UKE")
            try FileManager.default.copyItem(at: Fixtures.outpatientClaims, to: copy)
            return copy.path
        }
        let reading = ReadAhead(files: files, store: test.store, lanes: lanes)
        weak var firstUnit: ReadUnit?
        for index in files.indices {
            _ = reading.nextFile()
            reading: while true {
                switch reading.take() {
                case .events(let events, _):
                    if index == 0, case .unit(let unit) = events.last { firstUnit = unit }
                    reading.giveBack(events)
                case .end: break reading
                case .file: Issue.record("a file began before the last one ended")
                }
            }
        }
        reading.wait()
        withExtendedLifetime(reading) {
            #expect(firstUnit == nil, "the events given back are freed by the reading thread, not kept")
        }
    }

    @Test func doesNotReadAFileTheStoreHoldsWhole() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        #expect(Ingestor(store: test.store).ingest(file: Fixtures.outpatientClaims.path).status == .ingested)
        // The same path, size and time: not even opened. The same bytes elsewhere: hashed, then not read.
        let copy = directory.file("copy.UKE")
        try FileManager.default.copyItem(at: Fixtures.outpatientClaims, to: copy)
        let reading = ReadAhead(files: [Fixtures.outpatientClaims.path, copy.path], store: test.store)
        #expect(Self.messages(reading, files: 2) == [["unchanged"], ["received-before", "end"]])
        reading.wait()
    }

    @Test func readsAFileAgainWhenItsTimeOrSizeChanged() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let file = directory.file("RECEIPTC.UKE")
        try FileManager.default.copyItem(at: Fixtures.outpatientClaims, to: file)
        #expect(Ingestor(store: test.store).ingest(file: file.path).status == .ingested)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)],
                                              ofItemAtPath: file.path)
        let reading = ReadAhead(files: [file.path], store: test.store)
        #expect(Self.messages(reading, files: 1) == [["received-before", "end"]])
        reading.wait()
    }
}
