/// An interactive cq session: read an entry, evaluate it, print the result.
///
/// ```swift
/// let status = await REPLSession(host: engine).run()
/// exit(status)
/// ```
///
/// On a terminal it edits lines with libedit (history, Ctrl-R, Tab completion,
/// multi-line entries with a continuation prompt); with piped input it reads
/// lines plainly, prints no prompts and stops at the first failing entry.
/// Ctrl-C cancels the line being edited or the query running; Ctrl-D on an empty
/// line ends the session.
public struct REPLSession: Sendable {
    /// The language behind the session.
    public let host: any REPLHost
    /// The session's settings.
    public let options: REPLOptions
    private let console: REPLConsole?

    /// A session over `host`. Without a `console`, it uses the process's standard
    /// streams and SIGINT (see ``REPLConsole/standard(options:completions:)``).
    public init(host: any REPLHost, options: REPLOptions = REPLOptions(), console: REPLConsole? = nil) {
        self.host = host
        self.options = options
        self.console = console
    }

    /// Runs until `:quit`, Ctrl-D or the end of input, and returns the exit status:
    /// 0 for an interactive session; for piped input, the status of the first
    /// failing entry (where it stops), 130 after Ctrl-C, or 0.
    public func run() async -> Int32 {
        let console =
            console ?? .standard(options: options, completions: MetaCommandCompleter(wrapping: host.completions))
        console.interrupts.activate()
        var loop = SessionLoop(host: host, options: options, console: console)
        let status = await loop.run()
        console.reader.close()
        console.interrupts.deactivate()
        return status
    }
}
