extension LanguageTopics {
    static let operators: [LanguageTopic] = [
        LanguageTopic(
            "==", aliases: ["!=", "<", "<=", ">", ">=", "=", "comparison", "comparisons", "compare", "equals"],
            category: .operator, heading: "== != < <= > >=",
            syntax: "A == B   A != B   A < B   A <= B   A > B   A >= B",
            summary: "Compares two values; the result is true or false.",
            details: "Strings compare with strings, numbers with numbers, durations with durations, timestamps with "
                + "timestamps or ISO 8601 strings (\"2026-11-20\"). An ordering comparison with null is false. "
                + "Comparisons do not chain: write `a < b and b < c`. `=` only binds a name in `let`; a comparison "
                + "is `==`. Comparing an enum field with a value it never has is reported before the query runs.",
            examples: [
                "2 + 2 == 4",
                #"date("2026-11-01") < now()"#,
                #"pipelines("gh/acme/api") | where created_at > ago(7d) and state != "success" | count"#,
            ],
            related: ["and", "in", "timestamps"]),
        LanguageTopic(
            "and", aliases: ["or", "not", "&&", "||", "!", "logic", "boolean"], category: .operator,
            heading: "and, or, not",
            syntax: "A and B   A or B   not A",
            summary: "Boolean logic, written as words.",
            details: "`and` binds tighter than `or`; `not` binds looser than comparisons, so `not a == b` means "
                + "`not (a == b)`. `and` and `or` evaluate their right side only when needed. `&&`, `||` and `!` "
                + "are reported with the word to write.",
            examples: ["true and not false", "range(10) | where it > 2 and it < 5 or it == 9"],
            related: ["==", "in"]),
        LanguageTopic(
            "in", aliases: ["not in", "membership"], category: .operator, heading: "in, not in",
            syntax: "X in LIST   X not in LIST",
            summary: "Whether a list contains a value (also: a string contains a substring, a record has a key).",
            details: "`x not in xs` means `not (x in xs)`. Against an enum field every listed value is checked.",
            examples: [
                #""b" in ["a", "b"]"#,
                #""log" in "catalog""#,
                #"pipelines("gh/acme/api") | take 10 | jobs | where status in ["failed", "canceled"]"#,
            ],
            related: ["==", "contains"]),
        LanguageTopic(
            "=~", aliases: ["!~", "regex", "regexp", "regular expression", "like"], category: .operator,
            heading: "=~ !~",
            syntax: "TEXT =~ PATTERN   TEXT !~ PATTERN",
            summary: "Whether a regular expression matches anywhere in the text (`!~`: does not match).",
            details: "Write patterns as raw strings `'…'` so backslashes stay as written; anchor with `^` and `$`. "
                + "`match(text, pattern)` returns the groups, `replace(text, pattern, with)` rewrites. "
                + "A null text matches nothing.",
            examples: [
                #""release/1.2" =~ '^release/\d+'"#,
                #"pipelines("gh/acme/api") | take 20 | where vcs.branch !~ '^main$' | count"#,
            ],
            related: ["match", "replace", "strings"]),
        LanguageTopic(
            "??", aliases: ["coalesce", "default", "//"], category: .operator, syntax: "A ?? B",
            summary: "A when it is not null, otherwise B.",
            details: "B is evaluated only when needed. A missing field is null, so `x ?? fallback` also covers "
                + "records without `x`. jq's `//` is reported with `??` to write.",
            examples: [
                #"null ?? "none""#,
                #"pipelines("gh/acme/api") | take 5 | jobs | map duration ?? 0s"#,
            ],
            related: ["."]),
        LanguageTopic(
            "+", aliases: ["-", "*", "/", "%", "arithmetic", "math"], category: .operator, heading: "+ - * / %",
            syntax: "A + B   A - B   A * B   A / B   A % B   -A",
            summary: "Arithmetic on numbers, durations and timestamps; `+` also joins strings, lists and records.",
            details: "Integer division that is not exact gives a number (`7 / 2` is 3.5). A timestamp plus or minus a "
                + "duration is a timestamp; a timestamp minus a timestamp is a duration; a duration times or "
                + "divided by a number is a duration, and one duration divided by another a number. "
                + "Anything with null is null. `*`, `/` and `%` bind tighter than `+` and `-`.",
            examples: [
                "7 * 6 - 2",
                "1h30m / 4",
                #""ab" + "cd""#,
                #"pipelines("gh/acme/api") | take 5 | jobs | map minutes(stopped_at - started_at)"#,
            ],
            related: ["durations", "timestamps"]),
    ]
}
