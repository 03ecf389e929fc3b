import CircleCI
import Foundation
import JSONCore
import Testing

/// `JSONValue` on the shared JSON layer: parsed as JSONDecoder decodes it,
/// exact integers, written back to the same value, errors that say where.
@Suite struct SharedJSONLayerTests {
    private let text = #"""
        {"deploy": true, "replicas": 3, "big": 9223372036854775807, "ratio": 0.25,
         "name": "api \"v2\" é", "tags": ["a", null, {"k": [1, 2.5]}], "none": null}
        """#

    @Test func parsesAsTheDecoderDoes() throws {
        let parsed = try JSONValue(parsing: Array(text.utf8))
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(parsed == decoded)
        guard case .object(let members) = parsed else {
            Issue.record("not an object")
            return
        }
        #expect(members["big"] == .integer(.max))
        #expect(members["ratio"] == .double(0.25))
    }

    @Test func writesBackTheSameValue() throws {
        let parsed = try JSONValue(parsing: Array(text.utf8))
        #expect(try JSONValue(parsing: Array(parsed.jsonText.utf8)) == parsed)
        #expect(JSONValue.object(["b": 1, "a": .array([true, "x"])]).jsonText == #"{"a":[true,"x"],"b":1}"#)
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array("{\"a\":\n [1,,2]}".utf8)) }
        do {
            _ = try JSONValue(parsing: Array("{\"a\":\n [1,,2]}".utf8))
        } catch {
            #expect(error.line == 2 && error.column == 5, "\(error)")
        }
    }
}
