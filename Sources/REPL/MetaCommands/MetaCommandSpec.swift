/// One row of the meta-command table: its name, arguments and help text.
///
/// The same table drives parsing, `:help`, and completion of `:` commands.
public struct MetaCommandSpec: Sendable, Hashable {
    /// What a command takes after its name, for parsing and completion.
    public enum Arguments: Sendable, Hashable {
        /// Nothing.
        case nothing
        /// One word from a fixed list (completed from it); maybe optional.
        case choice([String], optional: Bool)
        /// A meta-command name (`:help`); optional.
        case commandName
        /// One free word such as a count; maybe optional.
        case word(optional: Bool)
        /// A project slug such as `gh/acme/api` (completed by the host); optional.
        case projectSlug
        /// A file path, the rest of the line.
        case path
        /// A cq expression, the rest of the line (completed by the host).
        case expression
        /// A number of seconds, then a query (completed by the host).
        case intervalThenQuery
    }

    /// The name without the colon, e.g. `format`.
    public let name: String
    /// Other names, e.g. `q` for `quit`.
    public let aliases: [String]
    /// The arguments as shown in help, e.g. `table|json|ndjson|csv|vertical|raw`.
    public let synopsis: String
    /// One line of help.
    public let summary: String
    /// What follows the name.
    public let arguments: Arguments

    /// `:name synopsis`, as shown in usage errors and `:help`.
    public var usage: String { synopsis.isEmpty ? ":\(name)" : ":\(name) \(synopsis)" }

    /// Every meta command, in the order `:help` lists them.
    public static let all: [MetaCommandSpec] = [
        MetaCommandSpec(
            name: "help", aliases: ["h", "?"], synopsis: "[WORD]",
            summary: "list meta commands, or describe a command, keyword, operator, builtin or type",
            arguments: .commandName),
        MetaCommandSpec(
            name: "quit", aliases: ["q", "exit"], synopsis: "",
            summary: "leave cq (Ctrl-D on an empty line does the same)", arguments: .nothing),
        MetaCommandSpec(
            name: "format", aliases: [], synopsis: OutputFormat.allCases.map(\.rawValue).joined(separator: "|"),
            summary: "set how results are printed; alone, show the current format",
            arguments: .choice(OutputFormat.allCases.map(\.rawValue), optional: true)),
        MetaCommandSpec(
            name: "time", aliases: ["timing"], synopsis: "[on|off]",
            summary: "after each query, show time, requests, pages, cache hits, retries and rows",
            arguments: .choice(["on", "off"], optional: true)),
        MetaCommandSpec(
            name: "schema", aliases: [], synopsis: "EXPR",
            summary: "describe the fields of what EXPR produces", arguments: .expression),
        MetaCommandSpec(
            name: "explain", aliases: [], synopsis: "QUERY",
            summary: "show how QUERY would run: requests, pushdown, fan-outs (nothing is sent)",
            arguments: .expression),
        MetaCommandSpec(
            name: "use", aliases: [], synopsis: "[SLUG]",
            summary: "set the default project, e.g. gh/acme/api; alone, show it", arguments: .projectSlug),
        MetaCommandSpec(
            name: "load", aliases: [], synopsis: "FILE.cq",
            summary: "run the statements in a file", arguments: .path),
        MetaCommandSpec(
            name: "history", aliases: [], synopsis: "[N]",
            summary: "list the history, or its last N entries", arguments: .word(optional: true)),
        MetaCommandSpec(
            name: "watch", aliases: [], synopsis: "SECONDS QUERY [until CONDITION]",
            summary: "re-run QUERY every SECONDS seconds, changes highlighted, until CONDITION holds of the result (it) or Ctrl-C",
            arguments: .intervalThenQuery),
        MetaCommandSpec(
            name: "open", aliases: ["web"], synopsis: "[QUERY]",
            summary: "open the url of each row of QUERY (alone: of the last query) in the browser",
            arguments: .expression),
        MetaCommandSpec(
            name: "pager", aliases: [], synopsis: "[on|off]",
            summary: "page results and help longer than the screen through $PAGER (default less -FRX); alone, show it",
            arguments: .choice(["on", "off"], optional: true)),
    ]

    /// The command called `name` (or one of its aliases), without the colon.
    public static func named(_ name: String) -> MetaCommandSpec? {
        let name = name.lowercased()
        return all.first { $0.name == name || $0.aliases.contains(name) }
    }
}
