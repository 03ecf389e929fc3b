import Testing

@testable import CQ

@Suite struct RecoveryTests {
    @Test(arguments: [
        (#"pipelines("gh/acme/api") | where"#, ["expected an expression after `where`"]),
        ("x | sort duration desc", ["expected `by` after `sort`"]),
        ("x | group name", ["expected `by` after `group`"]),
        ("f(a, b", ["expected `)`"]),
        ("a < b < c", ["comparisons cannot be chained; use `and`"]),
        (#"x | where state = "failed""#, ["`=` assigns only in `let`; did you mean `==`?"]),
        ("let x == 1", ["`let` binds with `=`, not `==`"]),
        ("let x 1", ["expected `=` after `x`"]),
        ("x | select name job_number", ["expected `,` between columns"]),
        ("x | .name", ["cq has no jq-style paths; write `map name`"]),
        ("x | . name", ["expected a stage after `|`"]),
        ("select a, b", ["`select` is a stage: it must come after `|`"]),
        ("1 + if a then b else c", ["`if … then … else …` must be wrapped in parentheses here"]),
        ("a == not b", ["`not …` must be wrapped in parentheses here"]),
        ("if a then b", ["expected `else`"]),
        ("x.startswith(\"a\")", ["cq has no methods; call `startswith(…)` with the value as its first argument"]),
        ("f(step = 1)", ["labels are followed by `:`, not `=`"]),
        ("let $x = 1", ["`let` and `def` bind plain names; write the name without `$`"]),
        ("x.5", ["expected a field name after `.`"]),
        ("it ) y", ["unexpected `)`; expected `|`, a newline or `;`"]),
        (")", ["unexpected `)`; expected a statement"]),
        ("\"a \\() b\"", ["expected an expression after `\\(`"]),
        ("{a: 1, 2: 3}", ["unexpected number `2`; expected a field name or a quoted key"]),
        ("x | where a @ b", ["unexpected character `@`"]),
        ("`field` |", ["expected a stage after `|`"]),
    ])
    func singleError(_ text: String, _ expected: [String]) {
        #expect(messages(text) == expected)
    }

    /// `=` for `==` is reported wherever a comparison can stand (in a call
    /// argument written `name = value` the checker decides; see `HabitCheckTests`).
    @Test(arguments: [
        "x | where a = 1", "x | map a = 1", "x | sort by a = 1", "let y = a = 1", "if a = 1 then 2 else 3",
        "f(x => x = 1)", #""\(a = 1)""#, "x | select ok: a = 1", "x | group by k with n: count(a == 1 or b = 2)",
        "[a = 1]", "{k: a = 1}", "def f(x) = $x = 1",
    ])
    func equalsForComparison(_ text: String) {
        #expect(messages(text) == ["`=` assigns only in `let`; did you mean `==`?"], "\(text)")
    }

    @Test func severalErrorsInOneRun() {
        let text = """
            let a = 1 +
            let b == 2
            x | where a == | select | sort by;
            y | group name with n: count()
            f(1, 2 | take
            let z = x | where ok
            """
        let result = parse(text)
        #expect(result.diagnostics.map(\.message) == [
            "expected an expression after `+`",
            "`let` binds with `=`, not `==`",
            "expected an expression after `==`",
            "expected a column after `select`",
            "expected an expression after `by`",
            "expected `by` after `group`",
            "expected an expression after `take`",
            "expected `)`",
        ])
        #expect(result.program.statements.count == 6)
        #expect(result.program.statements.last?.dump() == "(let z (pipeline x (where ok)))")
    }

    @Test func unclosedBracketPointsAtItsOpener() throws {
        let result = parse("pipelines(\"x\"\n  | where a")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "expected `)`")
        #expect(diagnostic.notes == [.init("unclosed `(` opened here", range: SourceRange(start: 9, end: 10))])
    }

    @Test func fixItsAreAttached() throws {
        let sort = try #require(parse("x | sort a").diagnostics.first?.fixIt)
        #expect(sort == .init(range: .at(9), replacement: "by "))
        let equals = try #require(parse("x | where a = 1").diagnostics.first?.fixIt)
        #expect(equals == .init(range: SourceRange(start: 12, end: 13), replacement: "=="))
        let comma = try #require(parse("x | select a b").diagnostics.first?.fixIt)
        #expect(comma == .init(range: .at(12), replacement: ","))
    }

    /// Deeply nested input, as `(prefix, repeated, suffix repeated)`; built in the
    /// test so that failures do not print megabytes.
    @Test(arguments: [
        ("paren", "(", ")"), ("list", "[", "]"), ("call", "f(", ""), ("negation", "- ", ""),
        ("not", "not ", ""), ("record", "{a: ", ""), ("lambda", "x => ", ""),
        ("if", "if a then ", ""), ("pipeline", "(a | map ", ")"), ("index", "xs[", ""),
        ("interpolation", #""\("#, #")""#), ("binary chain", "a + ", ""), ("comparison chain", "a or ", ""),
        ("member chain", "", ".b"), ("index chain", "", "[0]"),
    ])
    func nestingIsCapped(_ name: String, _ open: String, _ close: String) {
        let text = String(repeating: open, count: 3000) + "1" + String(repeating: close, count: 3000)
        let result = parse(text + "\nlet next = 1")
        let ids = result.diagnostics.map(\.id)
        #expect(ids == ["nesting-too-deep"] || ids == ["interpolation-too-deep"], "\(name): \(ids.prefix(5))")
        #expect(result.program.statements.last?.dump() == "(let next 1)", "\(name)")
    }

    @Test func longFlatInputIsFine() {
        let list = "[" + Array(repeating: "1", count: 10_000).joined(separator: ", ") + "]"
        let pipeline = "x" + String(repeating: " | count", count: 2_000)
        let record = "{" + (0..<2_000).map { "f\($0): \($0)" }.joined(separator: ", ") + "}"
        for text in [list, pipeline, record] {
            #expect(parse(text).diagnostics.isEmpty)
        }
    }

    @Test func nestingBelowTheCapIsFine() {
        let depth = 40
        let text = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(parse(text).diagnostics.isEmpty)
    }
}
