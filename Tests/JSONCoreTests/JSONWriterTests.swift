import JSONCore
import Testing

/// Writing: exact numbers, escapes for programs and for terminals.
@Suite struct JSONWriterTests {
    private func text(_ body: (inout JSONWriter) -> Void, options: JSONWriter.Options = .init()) -> String {
        var writer = JSONWriter(options: options)
        body(&writer)
        return writer.text
    }

    @Test func numbers() {
        #expect(text { $0.integer(0) } == "0")
        #expect(text { $0.integer(.min) } == "-9223372036854775808")
        #expect(text { $0.integer(.max) } == "9223372036854775807")
        #expect(text { $0.double(3) } == "3")
        #expect(text({ $0.double(3) }, options: .init(integralDoubles: .withFraction)) == "3.0")
        #expect(text({ $0.double(-0.0) }, options: .init(integralDoubles: .withFraction)) == "-0.0")
        #expect(text { $0.double(0.1) } == "0.1")
        #expect(text { $0.double(1e15) } == "1000000000000000.0")
        #expect(text { $0.double(1e16) } == "1e+16")
        #expect(text { $0.double(1e-7) } == "1e-07")
        #expect(text { $0.double(.nan) } == "null")
        #expect(text({ $0.double(.infinity) }, options: .init(nonFinite: .zero)) == "0")
    }

    @Test func stringsAreEscapedForProgramsOrForTerminals() throws {
        let tricky = "q\"b\\n\nt\t\u{1}\u{7F}\u{85}é\u{2028}\u{202E}\u{FFFB}😀"
        #expect(
            text({ $0.string(tricky) }, options: .init(escaping: .minimal))
                == "\"q\\\"b\\\\n\\nt\\t\\u0001\u{7F}\u{85}é\u{2028}\u{202E}\u{FFFB}😀\"")
        #expect(
            text({ $0.string(tricky) }, options: .init(escaping: .terminalSafe))
                == "\"q\\\"b\\\\n\\nt\\t\\u0001\\u007f\\u0085é\\u2028\\u202e\\ufffb😀\"")
        for scalar in (0..<0x3000).compactMap(Unicode.Scalar.init) + ["\u{FFF9}", "\u{FFFC}", "\u{1F600}"] {
            let written = text({ $0.string(String(scalar)) }, options: .init(escaping: .terminalSafe))
            #expect(written.contains("\\u") == (JSONWriter.isEscapedForTerminals(scalar) && !["\n", "\r", "\t"].contains(scalar))
                || scalar == "\"" || scalar == "\\", "U+\(String(scalar.value, radix: 16))")
            #expect(try JSON.parse(written) == .string(String(scalar)))
        }
    }
}
