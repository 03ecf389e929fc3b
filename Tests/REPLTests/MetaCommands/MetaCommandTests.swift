import Testing

@testable import REPL

struct MetaCommandTests {
    @Test(arguments: [
        (":help", MetaCommand.help(topic: nil)),
        (":help format", .help(topic: "format")),
        (":h :watch", .help(topic: ":watch")),
        (":help sort by", .help(topic: "sort by")),
        (":help  group  by ", .help(topic: "group by")),
        (":help =~", .help(topic: "=~")),
        (":quit", .quit),
        (":q", .quit),
        ("  :exit  ", .quit),
        (":format", .host(.format(nil))),
        (":format JSON", .host(.format(.json))),
        (":format vertical", .host(.format(.vertical))),
        (":time", .time(nil)),
        (":time on", .time(true)),
        (":timing off", .time(false)),
        (":schema pipelines(\"gh/acme/api\") | jobs", .host(.schema("pipelines(\"gh/acme/api\") | jobs"))),
        (":use gh/acme/api", .host(.use("gh/acme/api"))),
        (":use \"gh/acme/api\"", .host(.use("gh/acme/api"))),
        (":use", .host(.use(nil))),
        (":load ~/queries/failed builds.cq", .host(.load(path: "~/queries/failed builds.cq"))),
        (":load 'a b.cq'", .host(.load(path: "a b.cq"))),
        (":history", .history(limit: nil)),
        (":history 20", .history(limit: 20)),
        (":watch 5 count", .watch(interval: .seconds(5), query: "count", until: nil)),
        (":watch 0.5 jobs() | where x == 1", .watch(interval: .milliseconds(500), query: "jobs() | where x == 1", until: nil)),
        (":watch 10 count until it > 3", .watch(interval: .seconds(10), query: "count", until: "it > 3")),
        (
            #":watch 10 runs("p", "w", since: ago(1d), until: now()) until all(it, r => r.status != "running")"#,
            .watch(
                interval: .seconds(10), query: #"runs("p", "w", since: ago(1d), until: now())"#,
                until: #"all(it, r => r.status != "running")"#)
        ),
        (#":watch 1 f("until") | map it.until"#, .watch(interval: .seconds(1), query: #"f("until") | map it.until"#, until: nil)),
        (":pager", .pager(nil)),
        (":pager off", .pager(false)),
        (":open", .host(.open(nil))),
        (":web pipelines() | take 1", .host(.open("pipelines() | take 1"))),
    ])
    func parses(line: String, expected: MetaCommand) throws {
        #expect(try MetaCommand.parse(line).get() == expected)
    }

    @Test(arguments: [
        (":format xml", "unknown format `xml`\nusage: :format table|json|ndjson|csv|vertical|raw"),
        (":quit now", "`:quit` takes no arguments\nusage: :quit"),
        (":time maybe", "usage: :time [on|off]"),
        (":schema", "`:schema` needs an expression\nusage: :schema EXPR"),
        (":use a b", "usage: :use [SLUG]"),
        (":load", "`:load` needs a file\nusage: :load FILE.cq"),
        (":history -1", "usage: :history [N]"),
        (":watch count", "`:watch` needs an interval between 0.1 and 86400 seconds\nusage: :watch SECONDS QUERY [until CONDITION]"),
        (":watch 0 count", "`:watch` needs an interval between 0.1 and 86400 seconds\nusage: :watch SECONDS QUERY [until CONDITION]"),
        (":watch 5", "`:watch` needs a query to run\nusage: :watch SECONDS QUERY [until CONDITION]"),
        (":watch 5 count until", "`until` needs a condition, e.g. `until it == 0`\nusage: :watch SECONDS QUERY [until CONDITION]"),
        (":pager maybe", "usage: :pager [on|off]"),
        (":", "expected a command name after `:`; type `:help` for the list"),
        (":foo", "unknown command `:foo`; did you mean `:format`?"),
        (":fromat json", "unknown command `:fromat`; did you mean `:format`?"),
        (":hist", "unknown command `:hist`; did you mean `:history`?"),
        (":qiut", "unknown command `:qiut`; did you mean `:quit`?"),
        (":xyz", "unknown command `:xyz`; type `:help` for the list"),
    ])
    func reportsProblems(line: String, message: String) {
        #expect(MetaCommand.parse(line).failureMessage == message + "\n")
    }

    @Test func everyCommandHasAUniqueNameAndHelp() {
        let names = MetaCommandSpec.all.flatMap { [$0.name] + $0.aliases }
        #expect(Set(names).count == names.count)
        #expect(MetaCommandSpec.all.allSatisfy { !$0.summary.isEmpty })
        #expect(MetaCommandSpec.named("Q")?.name == "quit")
    }

    @Test func editDistanceCountsSingleCharacterEdits() {
        #expect(Suggestions.editDistance("format", "format") == 0)
        #expect(Suggestions.editDistance("fromat", "format") == 2)
        #expect(Suggestions.editDistance("", "use") == 3)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
    }
}
