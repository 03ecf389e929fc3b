import Foundation
import Testing

/// `cq --generate-completion-script` sourced by a real bash, with Tab
/// simulated through `COMP_WORDS`; the manual page kept in step with `--help`.
@Suite struct ShellCompletionTests {
    /// Runs `script` in bash after sourcing cq's completion script; `complete_words WORD…`
    /// prints the candidates for the last word, sorted, one per line.
    private func bash(_ script: String) async throws -> CommandResult {
        let directory = try CQ.binary().deletingLastPathComponent().path
        let prelude = """
            source <(cq --generate-completion-script bash)
            complete_words() {
                COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
                _cq cq "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}" | sort -u
            }

            """
        return try await CQ.run(
            URL(fileURLWithPath: "/bin/bash"), ["--norc", "--noprofile", "-c", prelude + script],
            environment: ["PATH": directory + ":/usr/bin:/bin"])
    }

    private func candidates(_ words: String...) async throws -> [String] {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let result = try await bash("complete_words cq \(quoted)")
        #expect(result.status == 0, "\(result)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func theScriptRegistersACompletionFunctionForCq() async throws {
        let result = try await bash("complete -p cq")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "complete -o filenames -F _cq cq\n")
    }

    @Test func dashDashOffersTheDefaultCommandsOptions() async throws {
        #expect(try await candidates("--fo") == ["--format"])
        let options = try await candidates("--")
        for option in ["--format", "--demo", "--eval", "--host", "--stats", "--no-cache", "--help", "--version"] {
            #expect(options.contains(option), "\(options)")
        }
        #expect(try await candidates("-").contains("-e"))
    }

    @Test func formatValuesAreCompleted() async throws {
        #expect(try await candidates("--format", "") == ["csv", "json", "ndjson", "raw", "table", "vertical"])
        #expect(try await candidates("--demo", "--format", "nd") == ["ndjson"])
        #expect(try await candidates("run", "--format", "j") == ["json"])
    }

    @Test func subcommandsAndHelpTopicsAreCompleted() async throws {
        let commands = try await candidates("")
        for command in ["run", "check", "explain", "fmt", "help", "cache", "simulator"] {
            #expect(commands.contains(command), "\(commands)")
        }
        #expect(try await candidates("help", "pipe") == ["pipeline", "pipelines"])
        #expect(try await candidates("help", "JobM") == ["JobMetrics"])
        #expect(try await candidates("help", "exp") == ["explain"])
        #expect(Set(["clear", "path", "stats"]).isSubset(of: try await candidates("cache", "")))
    }

    @Test func zshAndFishScriptsAreWrittenTooAndOtherShellsAreRefused() async throws {
        let zsh = try await CQ.run(["--generate-completion-script", "zsh"])
        #expect(zsh.status == 0)
        #expect(zsh.stdout.hasPrefix("#compdef cq"))
        #expect(zsh.stdout.contains("'--format[Output format.]"))
        #expect(zsh.stdout.contains("'JobMetrics'"))
        #expect(zsh.stdout.components(separatedBy: "\n_cq_help() {").count == 2, "one function for cq help")
        let fish = try await CQ.run(["--generate-completion-script=fish"])
        #expect(fish.status == 0)
        #expect(fish.stdout.contains("-l 'format'"))
        let other = try await CQ.run(["--generate-completion-script", "tcsh"])
        #expect(other.status == 64)
        #expect(other.stderr.contains("bash, zsh or fish"))
    }

    /// Where zsh or fish is installed (not on every machine), their scripts
    /// parse, and fish completes with them.
    @Test func zshAndFishReadTheirScriptsWhereInstalled() async throws {
        let scratch = try ScratchDirectory()
        let directory = try CQ.binary().deletingLastPathComponent().path
        for shell in ["zsh", "fish"] where FileManager.default.isExecutableFile(atPath: "/usr/bin/\(shell)") {
            let script = try scratch.write("cq.\(shell)", try await CQ.run(["--generate-completion-script", shell]).stdout)
            let check = try await CQ.run(URL(fileURLWithPath: "/usr/bin/\(shell)"), ["-n", script])
            #expect(check.status == 0, "\(shell): \(check)")
            guard shell == "fish" else { continue }
            let completed = try await CQ.run(
                URL(fileURLWithPath: "/usr/bin/fish"),
                ["--no-config", "-c", "source \(script); complete -C 'cq --fo'; complete -C 'cq help JobM'"],
                environment: ["PATH": directory + ":/usr/bin:/bin"])
            #expect(completed.stdout == "--format\tOutput format.\nJobMetrics\n", "\(completed)")
        }
    }

    /// `cq --generate-manual` (what `make man` installs) writes a page groff renders without a warning.
    @Test func theManualPageRenders() async throws {
        let result = try await CQ.run(["--generate-manual"])
        #expect(result.status == 0)
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "INTERACTIVE COMMANDS", "ENVIRONMENT", "EXIT STATUS"] {
            #expect(result.stdout.contains(".SH \(section)\n"), "\(section)")
        }
        #expect(result.stdout.contains(#"\fB\-\-format\fR \fIformat\fR"#))
        #expect(result.stdout.contains(#".SS "cq cache stats""#))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let scratch = try ScratchDirectory()
        let page = try scratch.write("cq.1", result.stdout)
        let rendered = try await CQ.run(URL(fileURLWithPath: "/usr/bin/groff"), ["-man", "-Tutf8", "-ww", page])
        #expect(rendered.status == 0)
        #expect(rendered.stderr.isEmpty, "groff warns: \(rendered.stderr)")
        #expect(rendered.stdout.contains("cq - ask questions of CircleCI"))
    }
}
