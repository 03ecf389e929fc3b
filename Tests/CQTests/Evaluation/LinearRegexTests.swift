import CQ
import Foundation
import TestSupport
import Testing

/// cq's regular expressions: the usual syntax, the same matches as a
/// backtracking engine, and time linear in the text whatever the pattern.
@Suite(.timeLimit(.minutes(2))) struct LinearRegexTests {
    @Test(arguments: [
        ("feature/(.+)", "feature/login", ["feature/login", "login"]),
        ("^feature/", "hotfix/feature/x", nil),
        ("test-(\\d+)", "unit test-42 passed", ["test-42", "42"]),
        ("(a|ab)(c|bcd)(d*)", "abcd", ["abcd", "a", "bcd", ""]),
        ("a*?b", "aaab", ["aaab"]),
        ("<.+?>", "<a><b>", ["<a>"]),
        ("<.+>", "<a><b>", ["<a><b>"]),
        ("x{2,3}", "xxxxx", ["xxx"]),
        ("(?i)DEPLOY", "deploy-production", ["deploy"]),
        ("[^/]+$", "gh/acme/api", ["api"]),
        ("\\bapi\\b", "rapid api", ["api"]),
        ("(x)?y", "y", ["y", nil]),
        ("[a-c-]+", "--abd", ["--ab"]),
        ("\\x{1F600}|é", "café 😀", ["é"]),
        ("", "abc", [""]),
    ] as [(String, String, [String?]?)])
    func matchesAndGroups(_ pattern: String, _ text: String, _ expected: [String?]?) throws {
        #expect(try LinearRegex(pattern).firstMatch(in: text) == expected)
    }

    @Test(arguments: [
        ("(a", "unmatched `(`"), ("a)", "unmatched `)`"), ("[ab", "unmatched `[`"), ("*a", "nothing to repeat"),
        ("a{3,1}", "counts down"), ("(a)\\1", "backreferences are not supported"),
        ("(?=a)", "lookaround"), ("\\q", "unknown escape"), ("a{5000}", "at most 1000"), ("[z-a]", "backwards"),
        ("(a{1000}){1000}", "too large"),
    ])
    func invalidPatternsSayWhy(_ pattern: String, _ message: String) {
        #expect {
            try LinearRegex(pattern)
        } throws: { error in
            (error as? RegexSyntaxError)?.message.contains(message) == true
        }
    }

    /// Patterns that take a backtracking engine exponential time finish at once.
    @Test(arguments: ["(a+)+$", "(a|aa)+$", "(a*)*b", "(.*a){12}", "^(\\w+\\s?)*$"])
    func catastrophicPatternsRunInLinearTime(_ pattern: String) throws {
        let text = String(repeating: "a", count: 5_000) + "!"
        #expect(try LinearRegex(pattern).matches(text) == (pattern == "(.*a){12}"))
    }

    @Test func replacingReplacesEveryMatchLiterally() throws {
        #expect(try LinearRegex("o").replacingMatches(in: "foo boo", with: "0") == "f00 b00")
        #expect(try LinearRegex("^feature/").replacingMatches(in: "feature/x", with: "") == "x")
        #expect(try LinearRegex("x*").replacingMatches(in: "abc", with: "-") == "-a-b-c-")
        #expect(try LinearRegex("(b)").replacingMatches(in: "abc", with: "$1") == "a$1c")
    }

    @Test func aSearchStopsWhenItsStepsRunOut() throws {
        let text = String(repeating: "ab", count: 2_000)
        let regex = try LinearRegex("(a|b|ab|ba)*c")
        #expect(throws: RegexLimitError.self) { try regex.matches(text, budget: 10_000) }
        #expect(try regex.matches(text, budget: 2_000_000) == false)
    }

    /// Random patterns and texts over a small alphabet: the same leftmost-first
    /// match and groups as Foundation's backtracking engine.
    @Test func agreesWithABacktrackingEngine() throws {
        var generator = SplitMix64(seed: 20_261_206)
        var compared = 0
        for _ in 0..<600 {
            let pattern = Self.randomPattern(depth: 3, using: &generator).text
            let text = String((0..<Int.random(in: 0...8, using: &generator)).map { _ in "abc".randomElement(using: &generator) ?? "a" })
            guard let reference = try? NSRegularExpression(pattern: pattern), let ours = try? LinearRegex(pattern) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            let expected = reference.firstMatch(in: text, range: range).map { match in
                (0..<match.numberOfRanges).map { index -> String? in
                    Range(match.range(at: index), in: text).map { String(text[$0]) }
                }
            }
            #expect(try ours.firstMatch(in: text) == expected, "\(pattern) on \"\(text)\"")
            compared += 1
        }
        #expect(compared > 400)
    }

    /// A random pattern, and whether it can match the empty string. Groups
    /// that can match empty are never repeated: there backtracking engines
    /// and linear ones legitimately differ (an empty last iteration).
    private static func randomPattern(depth: Int, using generator: inout SplitMix64) -> (text: String, nullable: Bool) {
        let atoms = ["a", "b", ".", "[ab]", "[^a]", "c"]
        let quantifiers: [(String, Bool)] = [("", false), ("", false), ("*", true), ("+", false), ("?", true),
                                             ("*?", true), ("+?", false), ("{1,2}", false), ("{0,2}", true)]
        let quantifier = quantifiers.randomElement(using: &generator) ?? ("", false)
        guard depth > 0 else { return (atoms.randomElement(using: &generator) ?? "a", false) }
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:
            let inner = randomPattern(depth: depth - 1, using: &generator)
            if inner.nullable { return ("(" + inner.text + ")", true) }
            return ("(" + inner.text + ")" + quantifier.0, quantifier.1)
        case 1:
            let left = randomPattern(depth: depth - 1, using: &generator)
            let right = randomPattern(depth: depth - 1, using: &generator)
            return ("(?:" + left.text + "|" + right.text + ")", left.nullable || right.nullable)
        case 2:
            let left = randomPattern(depth: depth - 1, using: &generator)
            let right = randomPattern(depth: depth - 1, using: &generator)
            return (left.text + right.text, left.nullable && right.nullable)
        default:
            return ((atoms.randomElement(using: &generator) ?? "a") + quantifier.0, quantifier.1)
        }
    }
}
