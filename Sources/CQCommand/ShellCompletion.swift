import ArgumentParser
import CQ
import CQKit

/// The command tree shell completion scripts and the manual page describe:
/// `cq`'s own, with the options of the default command (`run`) at the top,
/// where they are typed (`cq --format json -e …`), and the names `cq help`
/// knows as the candidates after `cq help`.
///
/// swift-argument-parser completes only a root command's own options, not
/// those of its default subcommand (apple/swift-argument-parser#488), so
/// `cq --<Tab>` offered just `--help --version`. This tree is never parsed:
/// only its description is used.
struct CompletionRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: CQCommand.configuration.commandName,
        abstract: CQCommand.configuration.abstract,
        discussion: CQCommand.configuration.discussion,
        version: CQCommand.configuration.version,
        subcommands: CQCommand.configuration.subcommands.map { command in
            command.configuration.commandName == "help" ? HelpTopics.self : command
        })

    @OptionGroup var options: GlobalOptions

    @Option(name: [.customShort("e"), .customLong("eval")], help: "Evaluate QUERY and print its value.")
    var query: String?
}

/// `cq help NAME`, as completion sees it: the name is one of the builtins,
/// record types and subcommands.
struct HelpTopics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "Describe the builtins, or one builtin or record type.")

    @Argument(
        help: "A builtin (pipelines, where, percentile, …) or record type (Pipeline, Job, …).",
        completion: .list(HelpTopics.names))
    var name: String?

    /// Every name `cq help NAME` answers: subcommands, keyword stages (when
    /// help has an entry for them), builtins and record types.
    static var names: [String] {
        let registry = CQEngine(session: Services.offlineSession).registry
        let help = HelpText(registry: registry)
        var subcommands: [String] = []
        for command in CQCommand.configuration.subcommands {
            if let name = command.configuration.commandName { subcommands.append(name) }
        }
        let keywords = ["where", "select", "sort", "group", "take", "first", "last", "skip", "map", "each", "distinct"]
            .filter { help.topic($0) != nil }
        var seen = Set<String>()
        return (subcommands.filter { $0 != "help" } + keywords + registry.builtins.map(\.name) + registry.schemas.map(\.name))
            .filter { seen.insert($0).inserted }
    }
}

/// `cq --generate-completion-script [bash|zsh|fish]`.
enum ShellCompletion {
    /// The script for the shell named `shellName` (the current shell when
    /// nil), or nil for a shell swift-argument-parser cannot write one for.
    static func script(for shellName: String?) -> String? {
        let shell = shellName.map { CompletionShell(rawValue: $0) } ?? CompletionShell.autodetected()
        guard let shell else { return nil }
        return withoutInjectedHelp(CompletionRoot.completionScript(for: shell), shell: shell)
    }

    /// The shell named after `--generate-completion-script` (nil when it is
    /// absent or empty), or nothing when `arguments` ask for something else.
    static func requestedShell(in arguments: [String]) -> String?? {
        guard let first = arguments.first else { return nil }
        if first == "--generate-completion-script" {
            return .some(arguments.count > 1 ? arguments[1] : nil)
        }
        guard first.hasPrefix("--generate-completion-script=") else { return nil }
        let name = String(first.dropFirst("--generate-completion-script=".count))
        return .some(name.isEmpty ? nil : name)
    }

    /// swift-argument-parser adds a `help` subcommand of its own after cq's,
    /// with nothing to complete; in bash and zsh its function, written last,
    /// would replace the one that completes `cq help NAME`. Drops it.
    private static func withoutInjectedHelp(_ script: String, shell: CompletionShell) -> String {
        guard shell == .bash || shell == .zsh else { return script }
        let start = "\n_cq_help() {\n"
        guard let first = script.range(of: start), let last = script.range(of: start, options: .backwards),
            first != last, let end = script.range(of: "\n}\n", range: last.upperBound..<script.endIndex)
        else { return script }
        var text = script
        text.removeSubrange(last.lowerBound..<end.upperBound)
        // Its entry in the list of subcommands (bash: the last word; zsh: a line of its own).
        if let word = text.range(of: " help' -- \"${cur}\"", options: .backwards) {
            text.replaceSubrange(word, with: "' -- \"${cur}\"")
        }
        if let line = text.range(of: "\n            'help:Show subcommand help information.'") {
            text.removeSubrange(line)
        }
        return text
    }
}
