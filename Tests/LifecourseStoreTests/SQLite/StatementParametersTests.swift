import Foundation
import GRDB
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct StatementParametersTests {
    @Test func insertsAndReadsBackEveryKindOfValueAsBound() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { transaction in
            try transaction.db.execute(sql: "CREATE TEMP TABLE value (id INTEGER PRIMARY KEY, number INTEGER, text TEXT, blob BLOB)")
            let rows: [(Int?, String?, Data?)] = [
                (1, "山田　花子", Data([0, 1, 2])), (nil, "", Data()), (-7, nil, nil), (Int(Int32.max) + 1, "a\u{0}b", Data([255])),
            ]
            for row in rows {
                try transaction.insertRow("INSERT INTO temp.value (number, text, blob) VALUES (?, ?, ?)") {
                    $0.add(row.0); $0.add(row.1); $0.add(row.2)
                }
            }
            var read: [(Int64, String?, Data?)] = []
            try transaction.forEachRow("SELECT number, text, blob FROM temp.value WHERE id > ? ORDER BY id",
                                       { $0.add(0 as Int64) }) { row in
                read.append((row.int64(0), row.text(1), row.data(2)))
            }
            #expect(read.count == rows.count)
            for (written, back) in zip(rows, read) {
                #expect(back.0 == Int64(written.0 ?? 0))
                #expect(back.1 == written.1, "text, empty text (not NULL) and NULL come back as written")
                #expect(back.2 == written.2, "blobs, the empty blob (not NULL) and NULL come back as written")
            }
            // A query without rows calls nothing; its statement is reset for the next use.
            var none = 0
            try transaction.forEachRow("SELECT number, text, blob FROM temp.value WHERE id > ? ORDER BY id",
                                       { $0.add(99 as Int64) }) { _ in none += 1 }
            #expect(none == 0)
        }
    }

    @Test func textsAndBlobsOfConsecutiveInsertsDoNotOverwriteEachOther() throws {
        let test = try TestStore()
        defer { test.remove() }
        // Values from a few bytes to more than the binding arena holds, which SQLite then copies itself.
        let texts = (0..<40).map { number in String(repeating: "検査\(number)", count: 1 << (number % 16)) }
        try test.store.write { transaction in
            try transaction.db.execute(sql: "CREATE TEMP TABLE value (id INTEGER PRIMARY KEY, text TEXT, blob BLOB)")
            for text in texts {
                try transaction.insertRow("INSERT INTO temp.value (text, blob) VALUES (?, ?)") {
                    $0.add(text); $0.add(Data(text.utf8.reversed()))
                }
            }
            var read: [(String?, Data?)] = []
            try transaction.forEachRow("SELECT text, blob FROM temp.value WHERE id > ? ORDER BY id",
                                       { $0.add(0 as Int64) }) { row in
                read.append((row.text(0), row.data(1)))
            }
            #expect(read.map(\.0) == texts)
            #expect(read.map(\.1) == texts.map { Data($0.utf8.reversed()) })
        }
        #expect(texts.contains { $0.utf8.count > BindingArena.capacity })
    }

    @Test func refusesAWrongNumberOfValues() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { transaction in
            try transaction.db.execute(sql: "CREATE TEMP TABLE value (number INTEGER, text TEXT)")
            #expect(throws: DatabaseError.self) {
                try transaction.insertRow("INSERT INTO temp.value (number, text) VALUES (?, ?)") { $0.add(1 as Int64) }
            }
            #expect(throws: DatabaseError.self) {
                try transaction.forEachRow("SELECT number FROM temp.value WHERE number = ? AND text = ?",
                                           { $0.add(1 as Int64) }) { _ in }
            }
        }
    }

    @Test func bindsNumbersTruthValuesAndMissingValuesOfEveryKindAsSQLiteStoresThem() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { transaction in
            try transaction.db.execute(sql: "CREATE TEMP TABLE value (id INTEGER PRIMARY KEY, a, b, c, d, e, f, g, h)")
            let insert: StaticString = "INSERT INTO temp.value (a, b, c, d, e, f, g, h) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            try transaction.insertRow(insert) {
                $0.add(true); $0.add(false); $0.add(0.5); $0.add(Int64.min); $0.add(Int.max); $0.add(Bool?.some(true))
                $0.add(Double?.some(-2.25)); $0.add(Int64?.some(42))
            }
            try transaction.insertRow(insert) {
                $0.add(Bool?.none); $0.add(Double?.none); $0.add(Int64?.none); $0.add(Int?.none); $0.add(String?.none)
                $0.add(Data?.none); $0.addNull(); $0.add(Int?.some(-1))
            }
            let rows = try Row.fetchAll(transaction.db, sql: "SELECT a, b, c, d, e, f, g, h FROM temp.value")
            #expect(rows[0] == ["a": 1, "b": 0, "c": 0.5, "d": Int64.min, "e": Int64(Int.max), "f": 1, "g": -2.25,
                                "h": 42])
            #expect(rows[1] == ["a": nil, "b": nil, "c": nil, "d": nil, "e": nil, "f": nil, "g": nil, "h": -1],
                    "a missing value of any kind is NULL")
        }
    }

    @Test func aValueSQLiteRefusesStopsTheInsertWithItsErrorAndLeavesTheStatementReusable() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { transaction in
            try transaction.db.execute(sql: "CREATE TEMP TABLE value (number INTEGER, text TEXT)")
            // Parameter 3 does not exist in a two-parameter statement: SQLite answers SQLITE_RANGE for that value.
            #expect(throws: DatabaseError.self) {
                try transaction.insertRow("INSERT INTO temp.value (number, text) VALUES (?, ?)") {
                    $0.add(1 as Int64); $0.add("one"); $0.add("three")
                }
            }
            try transaction.insertRow("INSERT INTO temp.value (number, text) VALUES (?, ?)") {
                $0.add(2 as Int64); $0.add("two")
            }
            let rows = try Row.fetchAll(transaction.db, sql: "SELECT number, text FROM temp.value")
            #expect(rows == [["number": 2, "text": "two"]], "nothing of the refused insert was stored")
        }
    }
}
