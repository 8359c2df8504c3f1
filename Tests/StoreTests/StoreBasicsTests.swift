import Foundation
import Testing
@testable import Store
import JSON

@Suite struct StoreBasicsTests {
    @Test func putGetDeleteListCount() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            #expect(try store.get(collection: "agents", id: "a1") == nil)
            #expect(try store.count(in: "agents") == 0)
            try store.put(collection: "agents", id: "a1", value: ["name": "Ada", "age": 36])
            try store.put(collection: "agents", id: "a2", value: "two")
            try store.put(collection: "deals", id: "d1", value: 9_007_199_254_740_993)
            try store.put(collection: "agents", id: "a1", value: ["name": "Ada L."])
            #expect(try store.get(collection: "agents", id: "a1") == ["name": "Ada L."])
            #expect(try store.get(collection: "deals", id: "d1")?.integerValue == 9_007_199_254_740_993)
            #expect(try store.count(in: "agents") == 2)
            #expect(pairs(try store.records(in: "agents")) == [#"a1={"name":"Ada L."}"#, #"a2="two""#])
            #expect(try store.delete(collection: "agents", id: "a1"))
            #expect(try !store.delete(collection: "agents", id: "a1"))
            #expect(try store.count(in: "agents") == 1)
            #expect(try !store.contains(collection: "agents", id: "a1"))
            #expect(try store.collectionNames() == ["agents", "deals"])
            #expect(try store.sequenceNumber() == 5)
        }
    }

    @Test func homeIsCreatedPrivate() throws {
        try withTemporaryHome { home in
            _ = try Store(home: home + "/nested", options: testOptions())
            let attributes = try FileManager.default.attributesOfItem(atPath: home + "/nested")
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
            #expect(FileManager.default.fileExists(atPath: home + "/nested/journal.jsonl"))
            #expect(FileManager.default.fileExists(atPath: home + "/nested/store.lock"))
        }
    }

    @Test func reopenSeesEverything() throws {
        try withTemporaryHome { home in
            do {
                let store = try Store(home: home, options: testOptions(synced: true))
                for index in 0..<20 { try store.put(collection: "c", id: "k\(index)", value: .integer(Int64(index))) }
                try store.delete(collection: "c", id: "k3")
                try store.put(collection: "c", id: "k3", value: "back")
            }
            let store = try Store(home: home, options: testOptions())
            let ids = try store.records(in: "c").map(\.id)
            #expect(ids == (0..<20).filter { $0 != 3 }.map { "k\($0)" } + ["k3"])
            #expect(try store.get(collection: "c", id: "k3") == "back")
            #expect(try store.sequenceNumber() == 22)
        }
    }

    @Test func updateCommitsAllOrNothing() throws {
        struct Refused: Error {}
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            try store.put(collection: "c", id: "keep", value: 1)
            #expect(throws: Refused.self) {
                try store.update { transaction in
                    try transaction.put(collection: "c", id: "new", value: 2)
                    try transaction.delete(collection: "c", id: "keep")
                    throw Refused()
                }
            }
            #expect(try store.get(collection: "c", id: "keep") == 1)
            #expect(try store.get(collection: "c", id: "new") == nil)
            #expect(try store.sequenceNumber() == 1)
            let journal = try #require(fileBytes(home + "/journal.jsonl"))
            #expect(journal.filter { $0 == UInt8(ascii: "\n") }.count == 1)

            let result = try store.update { transaction in
                try transaction.put(collection: "c", id: "x", value: 1)
                try transaction.put(collection: "d", id: "y", value: 2)
                try transaction.delete(collection: "c", id: "keep")
                return transaction.count(in: "c")
            }
            #expect(result == 1)
            #expect(try store.sequenceNumber() == 2)
            let lines = try #require(fileBytes(home + "/journal.jsonl")).split(separator: UInt8(ascii: "\n"))
            #expect(lines.count == 2)
        }
    }

    @Test func emptyUpdateWritesNothing() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            let value = try store.update { transaction in transaction.get(collection: "c", id: "x") }
            #expect(value == nil)
            #expect(try store.delete(collection: "c", id: "missing") == false)
            #expect(fileBytes(home + "/journal.jsonl") == [])
            #expect(try store.sequenceNumber() == 0)
        }
    }

    @Test func transactionSeesItsOwnChanges() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            for id in ["a", "b", "c", "d"] { try store.put(collection: "c", id: id, value: .string(id)) }
            let inside = try store.update { transaction in
                try transaction.put(collection: "c", id: "b", value: "B")
                try transaction.delete(collection: "c", id: "c")
                try transaction.put(collection: "c", id: "e", value: "e")
                try transaction.delete(collection: "c", id: "a")
                try transaction.put(collection: "c", id: "a", value: "A")
                #expect(transaction.get(collection: "c", id: "b") == "B")
                #expect(!transaction.contains(collection: "c", id: "c"))
                #expect(transaction.count(in: "c") == 4)
                let firstTwo = transaction.records(in: "c", limit: 2)
                let rest = transaction.records(in: "c", after: firstTwo.last?.cursor)
                #expect(try transaction.records(in: "c", afterID: "d").map(\.id) == ["e", "a"])
                return firstTwo + rest
            }
            let after = try store.records(in: "c")
            #expect(pairs(inside) == [#"b="B""#, #"d="d""#, #"e="e""#, #"a="A""#])
            #expect(after == inside)
        }
    }

    @Test func invalidArgumentsAreRefusedWithAMessage() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            let cases: [(String, String, JSONValue, String)] = [
                ("", "id", 1, "must not be empty"),
                ("has space", "id", 1, "may only contain"),
                ("c", "", 1, "must not be empty"),
                ("c", String(repeating: "x", count: 1025), 1, "at most 1024"),
                ("c", "id", ["x": .number(.nan)], "NaN"),
            ]
            for (collection, id, value, words) in cases {
                let error = storeError { try store.put(collection: collection, id: id, value: value) }
                #expect(error?.code == .invalidArgument)
                #expect(error?.message.contains(words) == true, "\(String(describing: error))")
            }
            #expect(storeError { _ = try store.records(in: "c", limit: -1) }?.code == .invalidArgument)
            #expect(try store.sequenceNumber() == 0)
        }
    }

    @Test func deepValuesUpToTheLimitSurviveCompactionAndReopening() throws {
        try withTemporaryHome { home in
            func nested(_ depth: Int) -> JSONValue {
                var value: JSONValue = "core"
                for level in 0..<depth { value = level % 2 == 0 ? [value] : ["k": value] }
                return value
            }
            let store = try Store(home: home, options: testOptions())
            try store.put(collection: "c", id: "deep", value: nested(Names.maxValueDepth))
            let error = storeError { try store.put(collection: "c", id: "deeper", value: nested(Names.maxValueDepth + 1)) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("more than 200 levels") == true)
            try store.compact()
            let reopened = try Store(home: home, options: testOptions())
            #expect(try reopened.get(collection: "c", id: "deep") == nested(Names.maxValueDepth))
        }
    }

    @Test func recordCursorRoundTripsAsText() {
        let cursor = RecordCursor(position: 42)
        #expect(RecordCursor(cursor.description) == cursor)
        #expect(RecordCursor("-1") == nil)
        #expect(RecordCursor("x") == nil)
    }
}
