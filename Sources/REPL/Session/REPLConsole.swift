#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The session's connection to the outside: where lines come from, where text
/// goes, and where Ctrl-C comes from.
public struct REPLConsole: Sendable {
    /// Reads entries.
    public var reader: any LineReader
    /// Results (standard output).
    public var output: any TextSink
    /// Diagnostics, the progress line, `:time` (standard error).
    public var errors: any TextSink
    /// Ctrl-C.
    public var interrupts: any InterruptSource
    /// Whether ``output`` is a terminal: `:watch` clears the screen only then.
    public var outputIsTerminal: Bool
    /// Whether ``errors`` is a terminal: the progress line appears only then.
    public var errorsAreTerminal: Bool

    /// The width of the terminal ``errors`` writes to, or 0 if unknown.
    var errorColumns: Int { errorsAreTerminal ? errors.terminalColumns ?? 0 : 0 }

    /// Creates a console from its parts (tests use scripted readers and buffers).
    public init(
        reader: any LineReader,
        output: any TextSink,
        errors: any TextSink,
        interrupts: any InterruptSource,
        outputIsTerminal: Bool = false,
        errorsAreTerminal: Bool = false
    ) {
        self.reader = reader
        self.output = output
        self.errors = errors
        self.interrupts = interrupts
        self.outputIsTerminal = outputIsTerminal
        self.errorsAreTerminal = errorsAreTerminal
    }

    /// The process's standard streams: libedit when standard input and output
    /// are both terminals, otherwise plain line reading with no history.
    public static func standard(options: REPLOptions, completions: any CompletionProvider) -> REPLConsole {
        let output = FileDescriptorSink.standardOutput
        let errors = FileDescriptorSink.standardError
        let inputIsTerminal = isatty(STDIN_FILENO) == 1
        var reader: (any LineReader)?
        if inputIsTerminal, output.isTerminal {
            let configuration = LibEditLineReader.Configuration(
                programName: options.programName, historyPath: options.historyPath,
                historyCapacity: options.historyCapacity, colors: options.colors)
            reader = LibEditLineReader(configuration: configuration, completions: completions)
        }
        return REPLConsole(
            reader: reader ?? PlainLineReader(prompts: inputIsTerminal ? errors : nil),
            output: output, errors: errors, interrupts: SignalInterrupts(),
            outputIsTerminal: output.isTerminal, errorsAreTerminal: errors.isTerminal)
    }
}
