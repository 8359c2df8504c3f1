import Testing
@testable import JSON

@Suite struct JSONObjectScalingTests {
    /// An object text with `count` distinct keys, then `key3` again with the value -1.
    func objectText(_ count: Int) -> String {
        "{" + (0..<count).map { "\"key\($0)\":\($0)" }.joined(separator: ",") + ",\"key3\":-1}"
    }

    @Test(arguments: [5, 16, 17, 40_000])
    func duplicateKeysKeepTheFirstPositionAndTheLastValue(count: Int) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let object = try #require(try JSONValue.parse(objectText(count)).objectValue)
        #expect(clock.now - start < .seconds(2), "parsing is linear in the number of keys")
        #expect(object.count == count)
        #expect(object["key3"] == -1)
        #expect(object.keys[3] == "key3")
        let rebuilt = JSONObject(object.members.reversed().map { ($0.key, $0.value) })
        #expect(rebuilt == object, "equality ignores order")
        var changed = object
        changed["key0"] = 99
        #expect(changed != object)
        #expect(JSONObject([("a", 1), ("b", 2), ("a", 3)]).members.map(\.key) == ["a", "b"])
        #expect(JSONObject([("a", 1), ("b", 2), ("a", 3)])["a"] == 3)
    }
}
