import JSONCore
import TestSupport
import Testing

/// Parsing: exact integers, ordered keys, escapes, and errors that say where.
@Suite struct JSONReaderTests {
    @Test(arguments: [
        ("0", JSON.int(0)),
        ("-0", .int(0)),
        ("9223372036854775807", .int(.max)),
        ("-9223372036854775808", .int(.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("12345678901234567890123", .double(1.2345678901234568e22)),
        ("1.5", .double(1.5)),
        ("-0.0", .double(-0.0)),
        ("0.000123", .double(0.000123)),
        ("1e3", .double(1000)),
        ("1E-7", .double(1e-7)),
        ("2.5e+2", .double(250)),
        ("0.1", .double(0.1)),
        ("123456789.123456789", .double(123456789.123456789)),
        ("1.7976931348623157e308", .double(.greatestFiniteMagnitude)),
        ("4.9e-324", .double(.leastNonzeroMagnitude)),
        ("3.141592653589793238462643383279", .double(3.141592653589793)),
    ])
    func numbersAreExactOrCorrectlyRounded(_ text: String, _ expected: JSON) throws {
        let parsed = try JSON.parse(text)
        #expect(parsed == expected, "\(text) → \(parsed)")
        if case .double(let value) = expected, case .double(let actual) = parsed {
            #expect(value.sign == actual.sign)
        }
    }

    @Test func randomDoublesReadBackExactly() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            for text in [value.description, String(thirdOf: value)] {
                let parsed = try JSON.parse(text)
                let expected = Double(text) ?? .nan
                guard case .double(let actual) = parsed else {
                    #expect(Double(Int(exactly: expected) ?? 0) == expected, "\(text) → \(parsed)")
                    continue
                }
                #expect(actual == expected, "\(text)")
            }
        }
    }

    @Test func keysKeepTheirOrderAndStringsTheirEscapes() throws {
        let text = #"{"zeta": 1, "alpha": [true, false, null], "mid": "a\"b\\c\/d\n\t\u00e9\ud83d\ude00", "é": {}}"#
        let parsed = try JSON.parse(text)
        guard case .object(let members) = parsed else {
            Issue.record("not an object: \(parsed)")
            return
        }
        #expect(members.map(\.0) == ["zeta", "alpha", "mid", "é"])
        #expect(parsed["mid"] == .string("a\"b\\c/d\n\té😀"))
        #expect(parsed["alpha"] == .array([.bool(true), .bool(false), .null]))
        #expect(try JSON.parse(#""\ud800x""#) == .string("\u{FFFD}x"), "a lone surrogate")
    }

    @Test func longStringsWithSpecialBytesAnywhere() throws {
        for length in 0..<40 {
            for position in 0..<max(1, length) {
                var characters = Array(repeating: "a", count: length)
                if length > 0 { characters[position] = "\\\"" }
                let text = "\"" + characters.joined() + "\""
                let expected = String(characters.joined().map { $0 }).replacingBackslashQuote()
                #expect(try JSON.parse(text) == .string(expected), "\(text)")
            }
        }
    }

    @Test(arguments: [
        ("", 1, 1, "unexpected end of the input: expected a JSON value"),
        ("{\"a\" 1}", 1, 6, "expected ':' after the key, found '1'"),
        ("[1, 2,, 3]", 1, 7, "expected a JSON value, found ','"),
        ("{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 11, "expected `true`, found the end of the line"),
        ("{\n  \"a\": [1, 2\n  \"b\": 3\n}", 3, 3, "expected ',' or ']' after an element of an array, found '\"'"),
        ("[\"é\", x]", 1, 7, "expected a JSON value, found 'x'"),
        ("01", 1, 1, "a number cannot start with 0 (except 0 itself)"),
        ("\"a\nb\"", 1, 3, "a string cannot hold the end of the line unescaped (write it as \\u000A)"),
        ("1 2", 1, 3, "unexpected text after the JSON value"),
        ("{\"a\": 1", 1, 8, "unexpected end of the input: expected ',' or '}' after a member of an object"),
        ("\"abc", 1, 5, "unexpected end of the input: the string has no closing quote"),
        ("-", 1, 2, "unexpected end of the input: expected a digit"),
        ("1.e5", 1, 3, "expected a digit after '.', found 'e'"),
        ("\"\\x\"", 1, 2, #"invalid escape \x (JSON has \", \\, \/, \b, \f, \n, \r, \t and \u)"#),
    ])
    func errorsSayWhereOnTheirRealLine(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect {
            _ = try JSON.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            #expect(error.line == line, "\(text): \(error)")
            #expect(error.column == column, "\(text): \(error)")
            #expect(error.message == message, "\(text): \(error)")
            return true
        }
    }

    @Test func nestingIsLimited() throws {
        let deep = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        _ = try JSON.parse(deep)
        let tooDeep = "[" + deep + "]"
        #expect(throws: JSONSyntaxError.self) { try JSON.parse(tooDeep) }
    }

    @Test func roundTripsThroughTheWriter() throws {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let value = JSON.random(using: &generator, depth: 0)
            let text = value.serialized(options: .init(escaping: .minimal))
            let parsed = try JSON.parse(text)
            #expect(parsed.normalizingIntegralDoubles() == value.normalizingIntegralDoubles(), "\(String(decoding: text, as: UTF8.self))")
        }
    }
}

extension String {
    /// The text of another double, a third of `value`.
    fileprivate init(thirdOf value: Double) {
        self = "\(value / 3)"
    }

    fileprivate func replacingBackslashQuote() -> String {
        var output = ""
        var iterator = makeIterator()
        while let character = iterator.next() {
            if character == "\\", let next = iterator.next() { output.append(next) } else { output.append(character) }
        }
        return output
    }
}

extension JSON {
    static func random(using generator: inout SplitMix64, depth: Int) -> JSON {
        let choice = depth > 3 ? Int.random(in: 0..<5, using: &generator) : Int.random(in: 0..<7, using: &generator)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0..<64, using: &generator))
        case 3: return .double(Double.random(in: -1e6...1e6, using: &generator))
        case 4:
            let scalars = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in
                Character(Unicode.Scalar([0x22, 0x5C, 0x0A, 0x01, 0x41, 0xE9, 0x2028, 0x1F600, 0x7F][
                    Int.random(in: 0..<9, using: &generator)]) ?? "?")
            }
            return .string(String(scalars))
        case 5:
            return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in random(using: &generator, depth: depth + 1) })
        default:
            let count = Int.random(in: 0..<4, using: &generator)
            return .object((0..<count).map { index in ("k\(index)", random(using: &generator, depth: depth + 1)) })
        }
    }

    /// Integral doubles come back as integers when written as such.
    func normalizingIntegralDoubles() -> JSON {
        switch self {
        case .double(let value) where value == value.rounded() && abs(value) < 1e15: .int(Int(value))
        case .array(let values): .array(values.map { $0.normalizingIntegralDoubles() })
        case .object(let members): .object(members.map { ($0.0, $0.1.normalizingIntegralDoubles()) })
        default: self
        }
    }
}
