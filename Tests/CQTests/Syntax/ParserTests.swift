import Testing

@testable import CQ

@Suite struct ParserTests {
    @Test(arguments: [
        // Literals and primaries
        ("null", "null"), ("true", "true"), ("false", "false"), ("42", "42"), ("1.5", "1.5"),
        ("1h30m", "1h30m"), (#""text""#, #""text""#), (#"'raw\d'"#, #""raw\\d""#),
        ("[]", "[]"), ("[1, 2, 3,]", "[1 2 3]"), ("{}", "{}"),
        (#"{a: 1, "b c": 2, d, `e-f`}"#, "{a: 1, `b c`: 2, d: d, `e-f`: `e-f`}"),
        ("{in: 1}", "{`in`: 1}"),
        ("name", "name"), ("`created-at`", "`created-at`"), ("$since", "$since"), ("it", "it"),
        ("now()", "(call now)"), ("f(1, x: 2,)", "(call f 1 x: 2)"),
        ("(1)", "1"), ("((x))", "x"),
        // Postfix
        ("a.b.c", "(. (. a b) c)"), ("x.in", "(. x in)"), ("x.`a b`", "(. x `a b`)"),
        ("xs[0]", "([] xs 0)"), ("xs[-1].name", "(. ([] xs (neg 1)) name)"),
        ("r[\"key\"]", #"([] r "key")"#), ("f(x)[0].y", "(. ([] (call f x) 0) y)"),
        ("it.name", "(. it name)"),
        // Strings
        (#""a\(x)b""#, #"(interp "a" x "b")"#), (#""\(x)""#, "(interp x)"),
        (#""\(a | count)""#, "(interp (pipeline a (call count)))"),
        (#""x\("y\(z)")""#, #"(interp "x" (interp "y" z))"#),
        // Unary, binary, conditionals, lambdas
        ("-x", "(neg x)"), ("- -x", "(neg (neg x))"), ("not x", "(not x)"), ("not not x", "(not (not x))"),
        ("a ?? b", "(?? a b)"), ("a =~ \"re\"", #"(=~ a "re")"#), ("a !~ 're'", #"(!~ a "re")"#),
        ("a in [1]", "(in a [1])"), ("a not in [1]", "(not (in a [1]))"),
        ("if a then b else c", "(if a b c)"),
        ("if a then b else if c then d else e", "(if a b (if c d e))"),
        ("x => x.name", "(fn (x) (. x name))"), ("(a, b) => a + b", "(fn (a b) (+ a b))"),
        ("() => 1", "(fn () 1)"), ("x => y => x", "(fn (x) (fn (y) x))"),
        // Pipelines and stages
        ("a | b", "(pipeline a (call b))"), ("a | b | c", "(pipeline a (call b) (call c))"),
        ("(a | b) | c", "(pipeline (pipeline a (call b)) (call c))"),
        ("x | where a == 1", "(pipeline x (where (== a 1)))"),
        ("x | select a, b.c, label: d, \"Quoted label\": e", "(pipeline x (select a (. b c) label: d `Quoted label`: e))"),
        ("x | sort", "(pipeline x (sort))"), ("x | sort by a", "(pipeline x (sort a))"),
        ("x | sort by a desc, b asc, c", "(pipeline x (sort a desc b c))"),
        ("x | group by a", "(pipeline x (group a))"),
        ("x | group by a, k: b with n: count(), avg(d)", "(pipeline x (group a k: b with n: (call count) (call avg d)))"),
        ("x | take 5", "(pipeline x (take 5))"), ("x | skip n + 1", "(pipeline x (skip (+ n 1)))"),
        ("x | first", "(pipeline x (first))"), ("x | first 3", "(pipeline x (first 3))"),
        ("x | last", "(pipeline x (last))"), ("x | last (n)", "(pipeline x (last n))"),
        ("x | first | count", "(pipeline x (first) (call count))"),
        ("x | map it * 2", "(pipeline x (map (* it 2)))"), ("x | each y => y", "(pipeline x (map (fn (y) y)))"),
        ("x | map(x => x.name)", "(pipeline x (map (fn (x) (. x name))))"),
        ("x | distinct", "(pipeline x (distinct))"), ("x | distinct a, b", "(pipeline x (distinct a b))"),
        ("x | count", "(pipeline x (call count))"), ("x | count()", "(pipeline x (call count))"),
        ("x | logs(step: \"test\")", #"(pipeline x (call logs step: "test"))"#),
        ("x | `where`", "(pipeline x (call where))"), ("x | avg(duration)", "(pipeline x (call avg duration))"),
        ("[a | b, c]", "[(pipeline a (call b)) c]"), ("f(a | b, n: c | d)", "(call f (pipeline a (call b)) n: (pipeline c (call d)))"),
        ("xs[a | first]", "([] xs (pipeline a (first)))"),
        // Contextual words are names outside stages
        ("where", "where"), ("first(xs)", "(call first xs)"), ("by + with", "(+ by with)"),
        ("x | where where == by", "(pipeline x (where (== where by)))"),
    ])
    func expressions(_ text: String, _ expected: String) {
        #expect(dumpClean(text) == expected)
    }

    @Test(arguments: [
        ("let x = 1", "(let x 1)"),
        ("let `a b` = 1", "(let `a b` 1)"),
        ("let recent = pipelines(s) | where a", "(let recent (pipeline (call pipelines s) (where a)))"),
        ("def f = 1", "(def f () 1)"),
        ("def f() = 1", "(def f () 1)"),
        ("def add(a, b) = a + b", "(def add (a b) (+ a b))"),
        ("def failing = where status == \"failed\"", #"(def failing () (stages (where (== status "failed"))))"#),
        ("def top(n) = sort by d desc | take n", "(def top (n) (stages (sort d desc) (take n)))"),
        ("def c = count", "(def c () count)"),
        ("def f = first", "(def f () (stages (first)))"),
        ("def f = (first)", "(def f () first)"),
        ("a; b;; c", "a\nb\nc"),
        ("\n\n a \n\n b \n", "a\nb"),
    ])
    func statements(_ text: String, _ expected: String) {
        #expect(dumpClean(text) == expected)
    }

    @Test func rangesCoverTheirSource() throws {
        let text = #"pipelines("gh/acme/api") | where state == "failed""#
        let statement = try #require(parse(text).program.statements.first)
        #expect(statement.range == SourceRange(start: 0, end: text.utf8.count))
        guard case .expression(let expr) = statement.kind, case .pipeline(let source, let stages) = expr.kind else {
            Issue.record("not a pipeline")
            return
        }
        #expect(source.range == SourceRange(start: 0, end: 24))
        #expect(stages[0].range == SourceRange(start: 27, end: text.utf8.count))
    }

    @Test func missingStageIsAnEmptyCall() {
        let result = parse("x | ")
        #expect(result.program.dump() == "(pipeline x (call ``))")
        #expect(result.diagnostics.map(\.message) == ["expected a stage after `|`"])
    }
}

@Suite struct PrecedenceTests {
    @Test(arguments: [
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not a == b", "(not (== a b))"),
        ("not a and b", "(and (not a) b)"),
        ("a and not b or c", "(or (and a (not b)) c)"),
        ("a == b and c != d", "(and (== a b) (!= c d))"),
        ("a ?? b == c", "(== (?? a b) c)"),
        ("a + b ?? c", "(?? (+ a b) c)"),
        ("a + b * c", "(+ a (* b c))"),
        ("a * b + c", "(+ (* a b) c)"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b % c", "(% (/ a b) c)"),
        ("-a * b", "(* (neg a) b)"),
        ("-a.b", "(neg (. a b))"),
        ("a < b + 1", "(< a (+ b 1))"),
        ("x in xs and y", "(and (in x xs) y)"),
        ("a =~ b or c !~ d", "(or (=~ a b) (!~ c d))"),
        ("(a < b) < c", "(< (< a b) c)"),
        ("a == (b == c)", "(== a (== b c))"),
    ])
    func precedence(_ text: String, _ expected: String) {
        #expect(dumpClean(text) == expected)
    }

    @Test func tableMatchesTheAST() {
        #expect(BinaryOperator.allCases.filter(\.isComparison).map(\.rawValue).sorted()
            == ["!=", "!~", "<", "<=", "==", "=~", ">", ">=", "in"])
    }
}

@Suite struct NewlineRuleTests {
    @Test(arguments: [
        ("a\nb", "a\nb"),
        ("a +\n b", "(+ a b)"),
        ("a |\n b", "(pipeline a (call b))"),
        ("a\n | b\n | c", "(pipeline a (call b) (call c))"),
        ("a\n\n  # comment\n\n | b", "(pipeline a (call b))"),
        ("a # c\n | b # d\n | c # e", "(pipeline a (call b) (call c))"),
        ("f(\n a,\n b\n)", "(call f a b)"),
        ("[\n 1\n ,\n 2\n]", "[1 2]"),
        ("{\n a: 1\n}", "{a: 1}"),
        ("a and\n b", "(and a b)"),
        ("a or\n b", "(or a b)"),
        ("not\n a", "(not a)"),
        ("if a then\n b else\n c", "(if a b c)"),
        ("if\n a then b else c", "(if a b c)"),
        ("x | where\n a", "(pipeline x (where a))"),
        ("x | sort by\n a", "(pipeline x (sort a))"),
        ("x | sort\ny", "(pipeline x (sort))\ny"),
        ("x | first\ny", "(pipeline x (first))\ny"),
        ("x | select a,\n b", "(pipeline x (select a b))"),
        ("let x =\n 1", "(let x 1)"),
        ("x => \n x", "(fn (x) x)"),
        ("a.\nb", "(. a b)"),
        ("x.not\ny", "(. x not)\ny"), ("x.and\ny", "(. x and)\ny"), ("x.where\ny", "(. x where)\ny"),
        ("\"multi\nline\"", "\"multi\\nline\""),
        ("\"\\(a\n + b)\"", "(interp (+ a b))"),
    ])
    func newlines(_ text: String, _ expected: String) {
        #expect(dumpClean(text) == expected)
    }

    @Test func letAndDefAlwaysStartAStatement() {
        let result = parse("f(a,\nlet x = 1\nx")
        #expect(result.program.statements.count == 3)
        #expect(result.diagnostics.map(\.message) == ["expected `)`"])
        #expect(result.diagnostics.first?.notes.first?.message == "unclosed `(` opened here")
    }
}
