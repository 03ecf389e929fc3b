import Testing

@testable import CQ

@Suite struct RoundTripTests {
    /// `parse(print(ast)) == ast`, ignoring ranges, over a seeded random corpus.
    @Test(arguments: 0..<8)
    func printedRandomProgramsParseBack(_ batch: Int) {
        var generator = RandomAST(seed: UInt64(batch) &* 7919 &+ 17)
        for _ in 0..<150 {
            let program = generator.program()
            let printed = program.printed()
            let reparsed = parse(printed)
            #expect(reparsed.diagnostics.isEmpty, "\(printed)\n\(reparsed.diagnostics.map(\.message))")
            guard reparsed.diagnostics.isEmpty else { return }
            #expect(reparsed.program.dump() == program.dump(), "\(printed)")
            #expect(reparsed.program.isEqualIgnoringRanges(program), "\(printed)")
            guard reparsed.program.isEqualIgnoringRanges(program) else { return }
        }
    }

    /// The formatter's line breaking preserves the tree too.
    @Test(arguments: 0..<4)
    func formattedRandomProgramsParseBack(_ batch: Int) throws {
        var generator = RandomAST(seed: UInt64(batch) &+ 1000)
        for _ in 0..<60 {
            let program = generator.program()
            let source = SourceFile(name: "random.cq", text: program.printed())
            let formatted = try Formatter.format(source, options: FormatOptions(lineWidth: 30))
            let reparsed = parse(formatted)
            #expect(reparsed.program.dump() == program.dump(), "\(formatted)")
            #expect(reparsed.program.isEqualIgnoringRanges(program), "\(formatted)")
            guard reparsed.program.isEqualIgnoringRanges(program) else { return }
        }
    }

    @Test(arguments: [
        ("a - (b - c)", "a - (b - c)"), ("(a - b) - c", "a - b - c"), ("-(-x)", "- -x"), ("- -x", "- -x"),
        ("-(-2)", "- -2"),
        ("(not a) == b", "(not a) == b"), ("not (a and b)", "not (a and b)"), ("(a < b) < c", "(a < b) < c"),
        ("(-x).y", "(-x).y"), ("(a + b)[0]", "(a + b)[0]"),
        ("1 + (if a then b else c)", "1 + (if a then b else c)"), ("(a | b).c", "(a | b).c"),
        ("f((a | b))", "f(a | b)"), ("x | where (a | b)", "x | where (a | b)"),
        ("\"tab\\there\"", "\"tab\\there\""), ("'\\d+'", "'\\d+'"), ("90s", "1m30s"), ("7d", "7d"), ("1w", "7d"),
        ("x | each y", "x | map y"), ("x | sort by a asc", "x | sort by a"),
        ("{a: a, b: 1}", "{a, b: 1}"), ("x.`in`", "x.in"), ("`where`", "where"), ("x | `where`", "x | `where`"),
        ("def f = (first)", "def f = (first)"), ("a not in b", "not (a in b)"), ("not a == b", "not (a == b)"),
        ("not not a", "not not a"), ("2.50", "2.5"), ("1_000", "1000"),
    ])
    func canonicalPrinting(_ text: String, _ expected: String) throws {
        let program = parse(text).program
        #expect(program.printed() == expected + "\n")
        #expect(parse(program.printed()).program.isEqualIgnoringRanges(program))
    }
}
