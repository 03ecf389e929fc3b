import CLibEdit

/// Where Ctrl-C comes from.
///
/// The REPL activates the source for the whole session, polls it while a query
/// runs or `:watch` waits, and drops stale interrupts before reading a line.
public protocol InterruptSource: Sendable {
    /// Starts catching interrupts instead of letting them end the process.
    func activate()
    /// Puts back the previous behaviour.
    func deactivate()
    /// True if an interrupt arrived since the last call; clears it.
    func takeInterrupt() -> Bool
}

/// Ctrl-C as `SIGINT`.
///
/// The handler is installed with `sigaction` and without `SA_RESTART`: it only
/// sets a flag and writes a byte to a self-pipe. The libedit reader and the plain
/// reader wait on that pipe together with standard input, so a Ctrl-C ends the
/// read whichever thread the signal was delivered to.
public struct SignalInterrupts: InterruptSource {
    /// The process-wide SIGINT handler.
    public init() {}

    /// Installs the SIGINT handler (and creates the wake-up pipe once).
    public func activate() { _ = cq_interrupt_install() }
    /// Restores the SIGINT disposition found by ``activate()``.
    public func deactivate() { _ = cq_interrupt_restore() }
    /// Whether SIGINT arrived since the last call; clears it.
    public func takeInterrupt() -> Bool { cq_interrupt_take() != 0 }
}
