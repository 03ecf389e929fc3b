import CQ
import JSONCore
import TestSupport
import Testing

/// JSON parsed straight into `Value`s is what a plain tree says it is —
/// however the records' shapes repeat, nest, differ or hold duplicate keys —
/// and `Value`'s JSON reads back as the same value.
@Suite struct JSONValueTests {
    /// A random document whose objects draw keys from a few, so shapes
    /// repeat, share prefixes, nest and sometimes hold a key twice.
    private static func document(_ generator: inout SplitMix64, depth: Int = 0) -> String {
        let roll = Int.random(in: 0..<(depth > 3 ? 5 : 9), using: &generator)
        switch roll {
        case 0: return "null"
        case 1: return Bool.random(using: &generator) ? "true" : "false"
        case 2: return String(Int.random(in: -1_000_000...1_000_000, using: &generator))
        case 3: return String(Double(Int.random(in: -100_000...100_000, using: &generator)) / 8)
        case 4: return "\"s\(Int.random(in: 0..<50, using: &generator))\\n\""
        case 5, 6:
            let count = Int.random(in: 0..<(depth == 0 ? 40 : 4), using: &generator)
            let elements = (0..<count).map { _ in document(&generator, depth: depth + 1) }
            return "[" + elements.joined(separator: ",") + "]"
        default:
            let width = Int.random(in: 0..<(Bool.random(using: &generator) ? 20 : 5), using: &generator)
            let members = (0..<width).map { position -> String in
                // Mostly the usual key for the position, sometimes another (or a repeat).
                let key =
                    Int.random(in: 0..<6, using: &generator) == 0
                    ? "k\(Int.random(in: 0..<width + 1, using: &generator))" : "k\(position)"
                return "\"\(key)\":" + document(&generator, depth: depth + 1)
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    /// The value a plain tree describes; a duplicate key keeps its first
    /// place and its last value, as a `Record` does.
    private static func value(_ json: JSON) -> Value {
        switch json {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .int(let int): .int(int)
        case .double(let double): .double(double)
        case .string(let string): .string(string)
        case .array(let elements): .list(elements.map(value))
        case .object(let members): .record(members.map { ($0.0, value($0.1)) })
        }
    }

    private static func integral(_ value: Value) -> Value {
        switch value {
        case .double(let double) where double == double.rounded() && abs(double) < 1e15: .int(Int(double))
        case .list(let elements): .list(elements.map(integral))
        case .record(let record): .record(Record(record.fields.mapValues(integral)))
        default: value
        }
    }

    @Test(arguments: 0..<40)
    func valuesAreWhatTheTreeSays(_ seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed) &* 7919 &+ 1)
        let text = "[" + (0..<60).map { _ in Self.document(&generator) }.joined(separator: ",") + "]"
        let parsed = try JSONParser.parse(text)
        #expect(parsed == Self.value(try JSON.parse(text)))
        // Integral doubles are written as integers (`2.0` → `2`).
        let written = Self.integral(parsed)
        #expect(try JSONParser.parse(parsed.jsonText()) == written, "round trip")
        #expect(try JSONParser.parse(parsed.jsonText(pretty: true)) == written, "pretty round trip")
    }

    @Test func manyShapesAndWideRecords() throws {
        // More shapes than are remembered, and records past 15 keys.
        let records = (0..<200).map { index in
            "{" + (0..<(index % 40)).map { "\"f\(($0 + index) % 70)\":\($0)" }.joined(separator: ",") + "}"
        }
        let text = "[" + records.joined(separator: ",") + "]"
        #expect(try JSONParser.parse(text) == Self.value(try JSON.parse(text)))
    }

    @Test func errorsSayTheLineAndColumn() {
        #expect(
            throws: JSONParser.SyntaxError(message: "expected a JSON value, found '}'", offset: 19, line: 3, column: 8)
        ) {
            try JSONParser.parse("{\n  \"a\": 1,\n  \"b\": }")
        }
    }
}
