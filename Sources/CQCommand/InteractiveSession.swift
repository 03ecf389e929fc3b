import CQ

/// The REPL (wired to the line editor when it lands).
struct InteractiveSession {
    let runner: QueryRunner
    let services: Services
    let options: GlobalOptions

    func run(environment: Environment, bindings: Checker.Bindings) async -> ExitStatus {
        Terminal.printError("cq: the interactive REPL is not wired yet; use -e or a script\n")
        return .usage
    }
}

enum TerminalSize {
    static func columns(of descriptor: Int32) -> Int? { nil }
}
