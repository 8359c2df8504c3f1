import Foundation
import Testing
@testable import Store
import TakTestSupport

@Suite struct PaginationTests {
    @Test func pagingByCursorIsStableUnderConcurrentChanges() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            for index in 0..<50 { try store.put(collection: "c", id: "r\(index)", value: .integer(Int64(index))) }
            let original = Set((0..<50).map { "r\($0)" })
            var deleted = Set<String>()
            var seen: [String] = []
            var cursor: RecordCursor?
            var round = 0
            while true {
                let page = try store.records(in: "c", after: cursor, limit: 7)
                if page.isEmpty { break }
                seen += page.map(\.id)
                cursor = page.last?.cursor
                // Between pages: delete the cursor's own record, a record ahead, update one ahead, insert.
                try store.delete(collection: "c", id: page.last!.id)
                let ahead = "r\(min(49, (round + 2) * 7 + 3))"
                if try store.delete(collection: "c", id: ahead) { deleted.insert(ahead) }
                try store.update { transaction in
                    let id = "r\(min(49, (round + 1) * 7 + 1))"
                    if transaction.contains(collection: "c", id: id) { try transaction.put(collection: "c", id: id, value: "updated") }
                }
                if round < 3 { try store.put(collection: "c", id: "new\(round)", value: "n") }
                round += 1
            }
            #expect(Set(seen).count == seen.count, "no record is listed twice")
            #expect(original.subtracting(deleted).isSubset(of: Set(seen)), "every record present throughout is listed")
            #expect(seen.filter { $0.hasPrefix("new") } == ["new0", "new1", "new2"], "inserts come at the end, in order")
            #expect(deleted.isDisjoint(with: Set(seen)))
        }
    }

    @Test func pagingAfterIDAndAfterCompaction() throws {
        try withTemporaryHome { home in
            let store = try Store(home: home, options: testOptions())
            for index in 0..<10 { try store.put(collection: "c", id: "r\(index)", value: .integer(Int64(index))) }
            let firstPage = try store.records(in: "c", limit: 4)
            #expect(try store.records(in: "c", afterID: "r3", limit: 3).map(\.id) == ["r4", "r5", "r6"])
            try store.delete(collection: "c", id: "r3")
            #expect(storeError { _ = try store.records(in: "c", afterID: "r3") }?.code == .recordNotFound)
            try store.compact()
            let reopened = try Store(home: home, options: testOptions())
            let next = try reopened.records(in: "c", after: firstPage.last?.cursor, limit: 3)
            #expect(next.map(\.id) == ["r4", "r5", "r6"], "cursors stay valid across compaction and reopening")
            #expect(try reopened.records(in: "c", limit: 0).isEmpty)
        }
    }

    /// Random operations against a plain model (a dictionary and an insertion-order list), reopening and
    /// compacting now and then: listing, paging and counts must always match the model.
    @Test func randomOperationsMatchAModel() throws {
        try withTemporaryHome { home in
            var generator = SplitMix64(seed: 7)
            var store = try Store(home: home, options: testOptions(threshold: 6_000))
            var values: [String: Int64] = [:]
            var order: [String] = []
            for step in 0..<2_000 {
                let id = "k\(generator.next() % 60)"
                let roll = generator.next() % 10
                if roll < 6 {
                    let value = Int64(step)
                    try store.put(collection: "c", id: id, value: .integer(value))
                    if values[id] == nil { order.append(id) }
                    values[id] = value
                } else if roll < 9 {
                    let existed = try store.delete(collection: "c", id: id)
                    #expect(existed == (values[id] != nil))
                    values[id] = nil
                    order.removeAll { $0 == id }
                } else if generator.next() % 4 == 0 {
                    store = try Store(home: home, options: testOptions(threshold: 6_000))
                }
                if step % 97 == 0 {
                    let expected = order.map { "\($0)=\(values[$0]!)" }
                    #expect(pairs(try store.records(in: "c")) == expected)
                    var paged: [StoredRecord] = []
                    var cursor: RecordCursor?
                    while case let page = try store.records(in: "c", after: cursor, limit: 5), !page.isEmpty {
                        paged += page
                        cursor = page.last?.cursor
                    }
                    #expect(pairs(paged) == expected)
                    #expect(try store.count(in: "c") == values.count)
                }
            }
            #expect(FileManager.default.fileExists(atPath: home + "/snapshot.json"), "the small threshold made it compact")
        }
    }
}
