extension LanguageTopics {
    static let expressions: [LanguageTopic] = [
        LanguageTopic(
            ".", aliases: [".field", "fields", "field", "member", "[]", "index", "indexing", "null"],
            category: .expression, heading: "a.b  xs[i]  r[\"k\"]",
            syntax: "a.b.c   xs[0]   xs[-1]   r[\"key\"]   r.`kebab-name`",
            summary: "Reads a field of a record or an element of a list.",
            details: "A missing field, and any field of null, is null (no `?.` needed). On a list, `.field` gives "
                + "the field of each element. Negative indices count from the end. Names that are not identifiers "
                + "go in backticks. Inside a stage, a bare name is a field of the row: write `vcs.branch`, "
                + "not jq's `.vcs.branch`.",
            examples: [
                "{a: {b: 1}}.a.b",
                "[1, 2, 3][-1]",
                #"pipelines("gh/acme/api") | take 3 | map vcs.commit.subject"#,
            ],
            related: ["it", "??"]),
        LanguageTopic(
            "strings", aliases: ["string", "interpolation", "\\(", "quotes", "'", "\"", "text"],
            category: .expression, heading: "\"…\\(expr)…\"  'raw'", syntax: "\"text \\(expression)\"   'raw text'",
            summary: "Double-quoted strings interpolate `\\(…)` and take escapes; single-quoted strings are raw.",
            details: "Escapes are `\\\"`, `\\\\`, `\\n`, `\\t`, `\\r`, `\\0` and `\\u{1F600}`. Raw strings keep "
                + "backslashes, which suits regular expressions. `+` joins strings.",
            examples: [
                #""2 + 2 is \(2 + 2)""#,
                #"'C:\temp'"#,
                ##"pipelines("gh/acme/api") | take 3 | map "#\(number) on \(vcs.branch)""##,
            ],
            related: ["=~", "string", "join"]),
        LanguageTopic(
            "durations", aliases: ["duration", "duration literals", "ms", "s", "m", "h", "d", "w", "days", "hours"],
            category: .expression, heading: "30s 5m 2h 7d 1w 1h30m", syntax: "30s   5m   2h   7d   1w   1h30m   250ms",
            summary: "Duration literals: a whole number and a unit, written together.",
            details: "Units are `ms`, `s`, `m`, `h`, `d` and `w`; combine them for fractions (`1h30m`, not `1.5h`). "
                + "Durations add, subtract and compare; `ago(7d)` is the time seven days ago; "
                + "`seconds(d)`, `minutes(d)` and `hours(d)` turn one into a number, `duration(n)` a number of seconds "
                + "into one. `7 days` and `7days` are reported with `7d` as the fix.",
            examples: [
                "1h30m + 15m",
                "ago(7d) < now()",
                #"pipelines("gh/acme/api") | take 20 | jobs | where duration > 5m | count"#,
            ],
            related: ["timestamps", "ago", "+"]),
        LanguageTopic(
            "timestamps", aliases: ["timestamp", "dates", "time", "times"], category: .expression,
            syntax: "now()   ago(7d)   date(\"2026-11-01\")   created_at > \"2026-11-01\"",
            summary: "Points in time: every date from the API, `now()`, `ago(…)` and `date(…)`.",
            details: "Timestamps compare with timestamps and with ISO 8601 strings; a timestamp plus a duration is a "
                + "timestamp, and the difference of two is a duration. `day(t)` gives the UTC calendar day, "
                + "`bin(t, 1h)` rounds down, `format_date(t, \"yyyy-MM-dd\")` formats. `now()` is fixed for the "
                + "whole query.",
            examples: [
                "now() - 7d",
                #"date("2026-11-01T12:00:00Z") - date("2026-11-01")"#,
                #"pipelines("gh/acme/api") | where created_at > ago(1d) | count"#,
            ],
            related: ["durations", "ago", "date", "day", "bin"]),
        LanguageTopic(
            "lists and records",
            aliases: ["list", "lists", "record", "records", "[", "{", "true", "false", "literals"],
            category: .expression, heading: "[…]  {…}  true  null",
            syntax: "[1, 2, 3]   {name: \"x\", n: 1}   {name}   true   false   null",
            summary: "Literal lists and records; `{name}` is short for `{name: name}`.",
            details: "Keys that are not identifiers are quoted: `{\"project-slug\": s}`. `+` joins lists and "
                + "merges records, the right side winning.",
            examples: ["[1, 2, 3] | count", #"{name: "x", tags: ["a", "b"]}.tags[1]"#, "{a: 1} + {b: 2}"],
            related: [".", "strings"]),
        LanguageTopic(
            "lambdas", aliases: ["lambda", "=>", "closures"], category: .expression, heading: "x => EXPR",
            syntax: "x => EXPRESSION   (a, b) => EXPRESSION",
            summary: "An anonymous function, for builtins that take one: `filter`, `map`, `any`, `all`.",
            details: "Where a builtin takes a predicate, an expression using `it` works too: "
                + "`filter(xs, it > 1)` is `filter(xs, x => x > 1)`.",
            examples: ["filter([1, 2, 3, 4], x => x % 2 == 0)", #"any(["a", "b"], s => s == "b")"#],
            related: ["it", "def"]),
        LanguageTopic(
            "it", aliases: ["$it", "this", "row", "current row"], category: .expression, syntax: "it   it.field",
            summary: "The current row inside a stage, or the element inside a predicate.",
            details: "Bare names are fields of `it`, so `where status == \"failed\"` is "
                + "`where it.status == \"failed\"`; `it` is needed for the row itself and for rows that are not records.",
            examples: [
                "range(4) | map it * it",
                #"pipelines("gh/acme/api") | take 2 | map it.number"#,
            ],
            related: ["where", "map", "lambdas"]),
        LanguageTopic(
            "variables", aliases: ["variable", "$", "$name", "$variables", "args", "$args"], category: .expression,
            heading: "$name",
            syntax: "let NAME = …   then   NAME   or   $NAME",
            summary: "Names bound with `let`; `$name` always means the variable, even where `name` is a field.",
            details: "Inside a stage, bare names are fields of the row first, so write `$since` there for a variable "
                + "named like a field. Scripts and `cq -e` see their command-line arguments as `$args`; "
                + "`def` parameters are read as `$x`.",
            examples: [
                "let n = 3; range(10) | take $n",
                #"let since = ago(7d); pipelines("gh/acme/api") | where created_at > $since | count"#,
            ],
            related: ["let", "def"]),
        LanguageTopic(
            "if", aliases: ["then", "else", "if ... then ... else", "conditional", "case"], category: .expression,
            heading: "if … then … else …",
            syntax: "if CONDITION then A else B",
            summary: "Chooses between two values; `else` is required (`else null` for nothing).",
            details: "Where a tighter expression stands (an operand of `+`, `==` …) wrap it in parentheses.",
            examples: [
                #"if 2 > 1 then "yes" else "no""#,
                #"pipelines("gh/acme/api") | take 5 | map if state == "failed" then number else null"#,
            ],
            related: ["??"]),
        LanguageTopic(
            "#", aliases: ["comments", "comment"], category: .expression, heading: "# comment",
            syntax: "# to the end of the line",
            summary: "A comment; `#!` on the first line of a script too.",
            examples: ["1 + 1  # two"]),
    ]

    static let statements: [LanguageTopic] = [
        LanguageTopic(
            "let", aliases: ["assignment"], category: .statement, heading: "let NAME = …",
            syntax: "let NAME = PIPELINE",
            summary: "Names a value for the following statements (and, in the REPL, later entries).",
            details: "The value is computed once. Refer to it as `NAME` or `$NAME`; a statement is separated from the "
                + "next by a newline or `;`.",
            examples: [#"let since = ago(7d); pipelines("gh/acme/api") | where created_at > since | count"#],
            related: ["variables", "def"]),
        LanguageTopic(
            "def", aliases: ["functions", "user functions"], category: .statement, heading: "def NAME = …",
            syntax: "def NAME = STAGE | …     def NAME(a, b) = EXPRESSION",
            summary: "Defines a stage (a body starting with a stage) or a function of parameters.",
            details: "A stage is used after `|` like a builtin: `def failing = where status == \"failed\"` then "
                + "`jobs | failing`. Parameters are read as `$a`. A function may call itself.",
            examples: [
                "def evens = where it % 2 == 0; range(10) | evens",
                "def square(x) = $x * $x; square(7)",
            ],
            related: ["let", "lambdas"]),
    ]
}
