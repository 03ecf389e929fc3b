import Foundation

/// Functions on strings.
enum StringFunctions {
    private static let text = Parameter("text", .string)

    static let all: [Builtin] = [
        .pure(
            "lower", [text], returns: .string, summary: "The text in lower case.",
            examples: ["lower(\"Build-And-Test\")"]
        ) { .string(try $0.requiredString("text").lowercased()) },
        .pure("upper", [text], returns: .string, summary: "The text in upper case.", examples: ["upper(\"main\")"]) {
            .string(try $0.requiredString("text").uppercased())
        },
        .pure(
            "trim", [text], returns: .string, summary: "The text without leading and trailing white space.",
            examples: ["trim(\"  padded  \")"]
        ) {
            .string(try $0.requiredString("text").trimmingCharacters(in: .whitespacesAndNewlines))
        },
        .pure(
            "contains", [Parameter("text", .any), Parameter("part", .any)], returns: .bool,
            summary: "Whether a string contains a substring, or a list an element.",
            examples: [
                "contains(\"build-and-test\", \"test\")",
                "pipelines(\"gh/acme/api\") | take 10 | jobs | where contains(name, \"test\") | count",
            ]
        ) { invocation in
            switch (invocation["text"], invocation["part"]) {
            case (.string(let text)?, .string(let part)?): return .bool(text.contains(part))
            case (.list(let list)?, let part?): return .bool(list.contains { $0.looselyEquals(part) })
            case (nil, _): return .bool(false)
            default: throw BuiltinError("contains needs a string and a substring, or a list and an element")
            }
        },
        .pure(
            "starts_with", [text, Parameter("prefix", .string)], returns: .bool,
            summary: "Whether the text starts with the prefix.",
            examples: ["starts_with(\"release/1.2\", \"release/\")"]
        ) {
            .bool((try $0.string("text") ?? "").hasPrefix(try $0.requiredString("prefix")))
        },
        .pure(
            "ends_with", [text, Parameter("suffix", .string)], returns: .bool,
            summary: "Whether the text ends with the suffix.", examples: ["ends_with(\"report.xml\", \".xml\")"]
        ) {
            .bool((try $0.string("text") ?? "").hasSuffix(try $0.requiredString("suffix")))
        },
        .pure(
            "split", [text, Parameter("separator", .string)], returns: .list(.string),
            summary: "The parts of the text between separators.", examples: ["split(\"gh/acme/api\", \"/\")"]
        ) { invocation in
            let separator = try invocation.requiredString("separator")
            guard !separator.isEmpty else { throw BuiltinError("split needs a non-empty separator") }
            return .list(try invocation.requiredString("text").components(separatedBy: separator).map(Value.string))
        },
        .pure(
            "join", [Parameter("list", .list(.any)), Parameter("separator", .string, required: false)],
            returns: .string,
            summary: "The elements as text, joined by the separator (default \", \").",
            examples: ["join([\"a\", \"b\", \"c\"], \" + \")"]
        ) { invocation in
            let separator = try invocation.string("separator") ?? ", "
            return .string(try invocation.list("list").map(\.plainText).joined(separator: separator))
        },
        .pure(
            "replace", [text, Parameter("pattern", .string), Parameter("replacement", .string)], returns: .string,
            summary: "The text with every match of a regular expression replaced.",
            examples: [
                "replace(\"feature/login\", \"^feature/\", \"\")",
                "pipelines(\"gh/acme/api\") | take 5 | map replace(vcs.branch ?? \"\", \"^feature/\", \"\")",
            ]
        ) { invocation in
            let regex = try Self.regex(invocation)
            let text = try invocation.requiredString("text")
            let replacement = try invocation.requiredString("replacement")
            return .string(try Self.bounded { () throws(RegexLimitError) in try regex.replacingMatches(in: text, with: replacement) })
        },
        .pure(
            "substring", [text, Parameter("start", .int), Parameter("length", .int, required: false)], returns: .string,
            summary: "Characters from a start position (0-based), optionally of a given length.",
            examples: ["substring(\"abcdef\", 2, 3)"]
        ) { invocation in
            let characters = Array(try invocation.requiredString("text"))
            let start = Swift.min(Swift.max(0, try invocation.int("start") ?? 0), characters.count)
            let length = Swift.max(0, try invocation.int("length") ?? characters.count)
            let end = length >= characters.count - start ? characters.count : start + length
            return .string(String(characters[start..<end]))
        },
        .pure(
            "match", [text, Parameter("pattern", .string)], returns: .optional(.list(.string)),
            summary: "The first match of a regular expression and its groups, or null.",
            examples: ["match(\"test-42\", 'test-(\\d+)')[1]"]
        ) { invocation in
            let regex = try Self.regex(invocation)
            guard let text = try invocation.string("text"),
                let found = try Self.bounded({ () throws(RegexLimitError) in try regex.firstMatch(in: text) })
            else { return .null }
            return .list(found.map { $0.map(Value.string) ?? .null })
        },
    ]

    /// The `pattern` argument compiled.
    private static func regex(_ invocation: Invocation) throws -> LinearRegex {
        let pattern = try invocation.requiredString("pattern")
        do {
            return try LinearRegex.cached(pattern)
        } catch {
            throw BuiltinError(error.description(of: pattern))
        }
    }

    /// Runs a match, turning a step budget that ran out into a clear error.
    private static func bounded<T>(_ body: () throws(RegexLimitError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw BuiltinError(RegexLimitError.message, kind: .limit)
        }
    }
}
