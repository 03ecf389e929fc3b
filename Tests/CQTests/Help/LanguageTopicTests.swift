import Foundation
import Testing

@testable import CQ

/// Every word of the language has a help entry in the registry, with syntax,
/// a summary and examples that parse and (against the standard library) run.
@Suite struct LanguageTopicTests {
    static let registry = BuiltinRegistry.standard
    static let help = HelpText(registry: registry)
    static let fixedNow = Date(timeIntervalSince1970: 1_795_176_000)  // 2026-11-20T12:00:00Z

    /// The words of issue 9 ("help for every word"), as a user types them.
    static let words = [
        "where", "select", "sort", "sort by", "order by", "group", "group by", "group by … with", "take", "first",
        "last", "skip", "count", "distinct", "map", "each", "flatten", "let", "def", "if", "then", "else",
        "if … then … else", "in", "not in", "=~", "!~", "??", "and", "or", "not", "+", "-", "*", "/", "%", "==", "!=",
        "<", "<=", ">", ">=", "interpolation", "strings", "durations", "duration", "timestamps", "lambdas", "=>",
        "it", "variables", "$variables", "$", "|", ".", "[]", "#", "limit", "head", "regex",
    ]

    @Test(arguments: words)
    func everyWordHasHelp(_ word: String) throws {
        let text = try #require(Self.help.topic(word), "cq help \(word)")
        #expect(text.contains("Examples:"), "help for \(word) has examples:\n\(text)")
    }

    @Test(arguments: registry.topics.map(\.name))
    func topicIsComplete(_ name: String) throws {
        let topic = try #require(Self.registry.topic(named: name))
        #expect(!topic.syntax.isEmpty)
        #expect(!topic.summary.isEmpty && topic.summary.hasSuffix("."), "\(name): a sentence")
        #expect(!topic.examples.isEmpty, "\(name) has an example")
        for example in topic.examples {
            let parsed = Parser.parse(SourceFile(name: "example", text: example))
            #expect(parsed.diagnostics.isEmpty, "\(name): `\(example)`: \(parsed.diagnostics.map(\.message))")
        }
        for word in topic.related {
            #expect(
                Self.registry.topic(named: word) != nil || Self.registry.builtin(named: word) != nil,
                "\(name) refers to `\(word)`, which has no help")
        }
        let text = try #require(Self.help.topic(name))
        #expect(text.hasPrefix(topic.syntax + "\n"))
        for word in topic.words { #expect(Self.help.topic(word) != nil, "`\(word)` finds \(name)") }
    }

    /// No two topics claim the same word.
    @Test func wordsAreUnique() {
        let words = Self.registry.topics.flatMap { $0.words.map { $0.lowercased() } }
        #expect(Set(words).count == words.count, "\(Dictionary(grouping: words) { $0 }.filter { $1.count > 1 }.keys)")
    }

    /// Every example of a topic or builtin that needs no API runs against the
    /// standard library alone (the others run against the simulator in
    /// `CQKitTests.HelpExampleTests`).
    @Test(arguments: standardExamples)
    func standardExampleRuns(_ example: String) async throws {
        let source = SourceFile(name: "example", text: example)
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics.isEmpty)
        var bindings = Checker.Bindings()
        let problems = Checker(registry: Self.registry).check(parsed.program, bindings: &bindings)
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        let evaluator = Evaluator(context: EvaluationContext(registry: Self.registry, now: Self.fixedNow))
        var environment = Environment()
        _ = try await evaluator.run(parsed.program, in: &environment)?.collect()
    }

    /// The examples of topics and standard builtins that call nothing outside
    /// the standard library and read no data (those of `open` and `stdin` run
    /// on fixture files in `CQKitTests.HelpExampleTests`).
    static var standardExamples: [String] {
        let examples = registry.topics.flatMap(\.examples) + registry.builtins.flatMap(\.examples)
        return examples.filter { example in
            let program = Parser.parse(SourceFile(name: "example", text: example)).program
            let defined = program.statements.compactMap { statement -> String? in
                if case .def(let name, _, _) = statement.kind { return name.name }
                return nil
            }
            return program.calledNames.allSatisfy { name in
                guard let builtin = registry.builtin(named: name) else { return defined.contains(name) }
                return builtin.effect != .readsFiles
            }
        }
    }

    @Test func standardExamplesAreMostExamples() {
        #expect(Self.standardExamples.count >= 40)
    }

    /// Every builtin of the standard library shows at least one example.
    @Test func everyStandardBuiltinHasAnExample() {
        let without = Self.registry.builtins.filter(\.examples.isEmpty).map(\.name)
        #expect(without.isEmpty, "builtins without an example: \(without)")
    }

    @Test func lookUpIgnoresCaseSpacingQuotesAndEllipses() throws {
        for word in ["SORT BY", "sort   by", "\"=~\"", "`where`", "'??'", "group by ... with", "Group By … With"] {
            #expect(Self.help.topic(word) != nil, "\(word)")
        }
        #expect(Self.help.topic("whre") == nil)
        #expect(Self.help.suggestion(for: "whre") == "where")
        #expect(Self.help.suggestion(for: "lamdbas") == "lambdas")
    }

    @Test func aWordThatIsAlsoABuiltinShowsBoth() throws {
        let first = try #require(Self.help.topic("first"))
        #expect(first.hasPrefix("first [N]\n"), "the keyword stage first")
        #expect(first.contains("\nfirst(list)\n"), "then the function")
        let duration = try #require(Self.help.topic("duration"))
        #expect(duration.hasPrefix("duration(seconds)\n"), "the function named duration first")
        #expect(duration.contains("30s   5m   2h"), "then the literals")
    }

    @Test func overviewListsTheLanguageInSectionsOfItsOwn() {
        let overview = Self.help.overview
        for title in LanguageTopic.Category.allCases.map(\.title) {
            #expect(overview.contains("\n\(title):\n"), "\(title)")
        }
        for heading in [
            "where CONDITION", "sort by KEY [desc], …", "group by KEY, … [with …]", "=~ !~", "30s 5m 2h 7d 1w 1h30m",
        ] {
            #expect(overview.contains("\n  \(heading) "), "\(heading)")
        }
        #expect(!overview.contains("Keyword stages: where"), "the old one-line list is gone")
    }

    @Test func markdownHasATableRowForEveryTopic() {
        let markdown = Self.help.markdown
        for topic in Self.registry.topics {
            #expect(
                markdown.contains("| \(HelpText.code(topic.name)) | \(HelpText.code(topic.syntax)) |"), "\(topic.name)")
        }
    }

    @Test func embeddersAddAndReplaceTopics() throws {
        var registry = BuiltinRegistry.standard
        registry.register(
            topic: LanguageTopic(
                "house style", aliases: ["style"], category: .expression, syntax: "snake_case names",
                summary: "How our team names things.", examples: ["1"]))
        registry.register(
            topic: LanguageTopic(
                "where", aliases: ["filter rows"], category: .stage, syntax: "where COND",
                summary: "Ours.", examples: ["range(2) | where it > 0"]))
        let help = HelpText(registry: registry)
        #expect(help.topic("style")?.hasPrefix("snake_case names\n") == true)
        #expect(help.topic("where")?.contains("Ours.") == true)
        #expect(help.topic("filter rows") != nil)
        #expect(registry.topics.filter { $0.name == "where" }.count == 1, "replaced, not added")
        #expect(help.overview.contains("snake_case names"))
    }
}
