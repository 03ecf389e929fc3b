import ArgumentParser
import Foundation

/// The entry point: `cq`'s commands, except for what describes the command
/// line itself, which is written from ``CompletionRoot`` so that it includes
/// the default command's options: `--generate-completion-script` and the
/// manual page (`--generate-manual`, hidden).
@main
enum CQMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let shell = ShellCompletion.requestedShell(in: arguments) {
            guard let script = ShellCompletion.script(for: shell) else {
                let name = shell.map { "`\($0)`" } ?? "this shell"
                FileHandle.standardError.write(
                    Data("cq: cannot write a completion script for \(name); choose bash, zsh or fish\n".utf8))
                exit(ExitStatus.usage.rawValue)
            }
            print(script, terminator: script.hasSuffix("\n") ? "" : "\n")
            return
        }
        if arguments == ["--generate-manual"] {
            print(ManualPage.text(), terminator: "")
            return
        }
        await CQCommand.main()
    }
}
