/// The help topics of the language's own words: keyword stages, operators,
/// literal forms and statements. ``BuiltinRegistry/standard`` registers them
/// next to the builtins, so `cq help where` reads the same table as
/// `cq help pipelines`.
///
/// Every example runs as written: those without an API source against the
/// standard library, the others against the simulator (`cq --demo`); a test
/// runs them all.
enum LanguageTopics {
    static var all: [LanguageTopic] { stages + operators + expressions + statements }

    static let stages: [LanguageTopic] = [
        LanguageTopic(
            "|", aliases: ["pipe", "pipes", "pipeline syntax", "stages"], category: .stage, heading: "A | STAGE",
            syntax: "SOURCE | STAGE | STAGE …",
            summary: "Passes what its left side produces to the stage on its right, row by row.",
            details: "A list flows one row at a time; API lists stay lazy streams, so `take 3` fetches one page. "
                + "A stage is a keyword stage (this list), a builtin stage such as `jobs` or `count`, or a `def`.",
            examples: [
                "range(10) | where it > 5 | count",
                #"pipelines("gh/acme/api") | where state == "failed" | jobs | take 5"#,
            ],
            related: ["where", "def", "count"]),
        LanguageTopic(
            "where", category: .stage, syntax: "where CONDITION",
            summary: "Keeps the rows for which the condition is true.",
            details: "Inside the condition bare names are fields of the row (`status`, `vcs.branch`) and `it` is the "
                + "row itself. Rows for which it is false or null are dropped. `cq explain` shows which conditions "
                + "become request parameters instead of being evaluated locally.",
            examples: [
                "range(10) | where it % 3 == 0",
                #"pipelines("gh/acme/api") | where state == "failed" and vcs.branch == "main" | take 3"#,
            ],
            related: ["==", "and", "in", "=~"]),
        LanguageTopic(
            "select", category: .stage, heading: "select COLUMN, …",
            syntax: "select COLUMN, …   (COLUMN: field, a.b, or label: expression)",
            summary: "Keeps or computes the named columns of each row, in the order given.",
            details: "A column without a label is named after its last field: `vcs.branch` becomes `branch`. "
                + "Rows already keep all their fields, so SQL's `select *` is not needed.",
            examples: [
                #"[{name: "a", n: 1}, {name: "b", n: 2}] | select name, double: n * 2"#,
                #"pipelines("gh/acme/api") | take 3 | select number, vcs.branch, actor: trigger.actor.login"#,
            ],
            related: ["map", "."]),
        LanguageTopic(
            "sort", aliases: ["sort by", "order", "order by", "asc", "desc"], category: .stage,
            heading: "sort by KEY [desc], …",
            syntax: "sort by KEY [asc | desc], …",
            summary: "Orders the rows by one or more keys, ascending unless `desc`.",
            details: "Later keys break ties of earlier ones; nulls sort last. A bare `sort` orders the rows by their "
                + "own value. Sorting reads every row, so put `take` after it.",
            examples: [
                "[3, 1, 2] | sort",
                #"[{name: "a", wait: 3m}, {name: "b", wait: 1m}] | sort by wait desc"#,
                #"pipelines("gh/acme/api") | take 20 | jobs | sort by duration desc | take 5"#,
            ],
            related: ["take", "group"]),
        LanguageTopic(
            "group", aliases: ["group by", "group by ... with", "with", "summarize"], category: .stage,
            heading: "group by KEY, … [with …]",
            syntax: "group by KEY, … [with NAME: AGGREGATE(…), …]",
            summary: "One row per distinct key: the keys and `count` and `items`, or the aggregates after `with`.",
            details: "Inside `with`, an aggregate (`count`, `sum`, `avg`, `median`, `percentile`, `collect`, …) reads "
                + "the rows of the group: `avg(duration)` averages their `duration`, `count()` counts them and "
                + "`count(status == \"failed\")` counts the rows where that holds. For job durations, keep "
                + "`where type == \"build\"` before the group: an approval job's duration is the time it waited.",
            examples: [
                #"["a", "b", "a"] | group by it"#,
                #"[{k: "x", v: 1}, {k: "x", v: 3}, {k: "y", v: 5}] | group by k with total: sum(v), rows: count()"#,
                #"pipelines("gh/acme/api") | take 30 | jobs | where type == "build" | group by name with runs: count(), p95: percentile(duration, 95) | sort by p95 desc"#,
            ],
            related: ["count", "percentile", "collect"]),
        LanguageTopic(
            "take", aliases: ["limit", "head", "top"], category: .stage, syntax: "take N",
            summary: "Keeps the first N rows.",
            details: "On an API source only the pages needed are fetched, and nothing after the N-th row is "
                + "requested. `first N` is the same; `skip N` drops rows instead.",
            examples: ["range(10) | take 3", #"pipelines("gh/acme/api") | take 5"#],
            related: ["first", "skip", "sort"]),
        LanguageTopic(
            "first", category: .stage, syntax: "first [N]",
            summary: "The first row itself (null when there is none), or with a count the first N rows.",
            details: "`first` alone gives one value, not a list: `pipelines(slug) | first | jobs` follows the newest "
                + "pipeline. `first(list)` is also a function.",
            examples: ["range(5) | first", "range(5) | first 2", #"pipelines("gh/acme/api") | first | jobs"#],
            related: ["last", "take"]),
        LanguageTopic(
            "last", aliases: ["tail"], category: .stage, syntax: "last [N]",
            summary: "The last row itself (null when there is none), or with a count the last N rows.",
            details: "It reads every row; on an API list that means every page. `last(list)` is also a function.",
            examples: ["range(5) | last", "range(5) | last 2"],
            related: ["first", "take"]),
        LanguageTopic(
            "skip", aliases: ["offset"], category: .stage, syntax: "skip N",
            summary: "Drops the first N rows and keeps the rest.",
            examples: ["range(5) | skip 2", #"pipelines("gh/acme/api") | skip 10 | take 3"#],
            related: ["take"]),
        LanguageTopic(
            "distinct", aliases: ["uniq", "unique rows"], category: .stage, syntax: "distinct [COLUMN, …]",
            summary: "Drops repeated rows; with columns, the different values of those columns.",
            details: "With one column the result is a list of its values; with several, records of them. "
                + "First occurrences are kept, in order.",
            examples: [
                "[1, 2, 1, 3] | distinct",
                #"pipelines("gh/acme/api") | take 20 | distinct vcs.branch"#,
            ],
            related: ["group", "count_distinct", "unique"]),
        LanguageTopic(
            "map", aliases: ["each"], category: .stage, heading: "map EXPR, each EXPR",
            syntax: "map EXPRESSION   (also: each EXPRESSION)",
            summary: "Replaces each row by the value of an expression, with the row as `it`.",
            details: "Bare names are fields of the row, as in `where`. A row mapped to a list stays one row; "
                + "`| flatten` splices the lists. `map(list, f)` is also a function.",
            examples: [
                "range(4) | map it * 10",
                #"pipelines("gh/acme/api") | take 3 | map trigger.actor.login"#,
            ],
            related: ["select", "flatten", "it"]),
    ]
}
