/// A parsed meta command (a line starting with `:`).
public enum MetaCommand: Sendable, Hashable {
    /// `:help [NAME]`.
    case help(topic: String?)
    /// `:quit`, `:q`.
    case quit
    /// `:time [on|off]`; nil toggles.
    case time(Bool?)
    /// `:history [N]`.
    case history(limit: Int?)
    /// `:watch SECONDS QUERY [until CONDITION]`.
    case watch(interval: Duration, query: String, until: String?)
    /// `:pager [on|off]`; nil shows the setting.
    case pager(Bool?)
    /// A command the host carries out: `:format`, `:schema`, `:use`, `:load`, `:open`.
    case host(HostCommand)
}

/// Why a meta command could not be parsed; ``message`` is ready to print.
public struct MetaCommandError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, with a usage line or a suggestion.
    public let message: String

    /// The message.
    public var description: String { message }
}

extension MetaCommand {
    /// Parses a line such as `:format json` or `:watch 5 pipelines()`.
    public static func parse(_ line: String) -> Result<MetaCommand, MetaCommandError> {
        var text = Substring(line).drop(while: \.isWhitespace)
        guard text.first == ":" else { return .failure(MetaCommandError(message: "meta commands start with `:`")) }
        text = text.dropFirst()
        let name = String(text.prefix { !$0.isWhitespace })
        let rest = String(text.dropFirst(name.count)).trimmingWhitespace()
        guard !name.isEmpty else {
            return .failure(MetaCommandError(message: "expected a command name after `:`; type `:help` for the list"))
        }
        guard let spec = MetaCommandSpec.named(name) else {
            return .failure(unknown(name))
        }
        return parseArguments(rest, of: spec).mapError { problem in
            let usage = "usage: \(spec.usage)"
            return MetaCommandError(message: problem.text.isEmpty ? usage : "\(problem.text)\n\(usage)")
        }
    }

    private static func unknown(_ name: String) -> MetaCommandError {
        let names = MetaCommandSpec.all.map(\.name)
        if let suggestion = Suggestions.closest(to: name.lowercased(), among: names) {
            return MetaCommandError(message: "unknown command `:\(name)`; did you mean `:\(suggestion)`?")
        }
        return MetaCommandError(message: "unknown command `:\(name)`; type `:help` for the list")
    }

    /// What is wrong with a command's arguments; empty text for a plain usage error.
    private struct Problem: Error, ExpressibleByStringLiteral {
        let text: String
        init(stringLiteral text: String) { self.text = text }
        init(_ text: String) { self.text = text }
    }

    /// The command for `spec` with argument text `rest`, or the problem with it.
    private static func parseArguments(_ rest: String, of spec: MetaCommandSpec) -> Result<MetaCommand, Problem> {
        let words = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        switch spec.name {
        case "help":
            // A topic may be several words: `:help sort by`, `:help not in`.
            return .success(.help(topic: words.isEmpty ? nil : words.joined(separator: " ")))
        case "quit":
            return words.isEmpty ? .success(.quit) : .failure(Problem("`:\(spec.name)` takes no arguments"))
        case "format":
            guard let word = words.first else { return .success(.host(.format(nil))) }
            guard words.count == 1, let format = OutputFormat(rawValue: word.lowercased()) else {
                return .failure(Problem("unknown format `\(rest)`"))
            }
            return .success(.host(.format(format)))
        case "time", "pager":
            let setting: Bool??
            switch words.map({ $0.lowercased() }) {
            case []: setting = .some(nil)
            case ["on"]: setting = true
            case ["off"]: setting = false
            default: setting = nil
            }
            guard let setting else { return .failure("") }
            return .success(spec.name == "time" ? .time(setting) : .pager(setting))
        case "open":
            return .success(.host(.open(rest.isEmpty ? nil : rest)))
        case "schema":
            return rest.isEmpty ? .failure("`:schema` needs an expression") : .success(.host(.schema(rest)))
        case "explain":
            return rest.isEmpty ? .failure("`:explain` needs a query") : .success(.host(.explain(rest)))
        case "use":
            guard words.count <= 1 else { return .failure("") }
            return .success(.host(.use(words.first.map(unquoted))))
        case "load":
            return rest.isEmpty ? .failure("`:load` needs a file") : .success(.host(.load(path: unquoted(rest))))
        case "history":
            guard let word = words.first else { return .success(.history(limit: nil)) }
            guard words.count == 1, let limit = Int(word), limit > 0 else { return .failure("") }
            return .success(.history(limit: limit))
        case "watch":
            return parseWatch(words: words, rest: rest)
        default:
            return .failure("")
        }
    }

    private static func parseWatch(words: [String], rest: String) -> Result<MetaCommand, Problem> {
        guard let first = words.first, let seconds = Double(first), seconds.isFinite,
            seconds >= 0.1, seconds <= 86_400
        else { return .failure("`:watch` needs an interval between 0.1 and 86400 seconds") }
        let text = String(rest.dropFirst(first.count)).trimmingWhitespace()
        let (query, condition) = WatchCondition.split(text)
        guard !query.isEmpty else { return .failure("`:watch` needs a query to run") }
        if let condition, condition.isEmpty { return .failure("`until` needs a condition, e.g. `until it == 0`") }
        let interval = Duration.milliseconds(Int64((seconds * 1000).rounded()))
        return .success(.watch(interval: interval, query: query, until: condition))
    }

    private static func unquoted(_ text: String) -> String {
        for quote: Character in ["\"", "'"] where text.count >= 2 && text.first == quote && text.last == quote {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
