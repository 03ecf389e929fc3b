#if canImport(Glibc)
    import Foundation
    import Glibc
#endif

/// A program running under a pseudo-terminal, driven like a person at a keyboard.
///
/// ```swift
/// let terminal = try PseudoTerminal(executable: path, environment: env)
/// try terminal.waitFor("cq> ")
/// terminal.send("echo hi" + Key.enter)
/// try terminal.waitFor("hi")
/// ```
///
/// Output is kept as raw bytes; ``waitFor(_:timeout:)`` searches a cleaned copy
/// (see ``TranscriptText``) and, like `expect`, consumes everything up to the end of
/// the match, so waiting twice for `cq> ` waits for two prompts. The process is
/// killed and reaped in ``terminate()``, which `deinit` also calls, so a failing
/// test never leaks it.
/// Used by one test at a time; the offloaded waits run while the test awaits them.
public final class PseudoTerminal: @unchecked Sendable {
    /// Why an expectation failed, with the end of the transcript for diagnosis.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, and what the terminal showed.
        public let description: String

        /// A failure saying `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// The program's process.
    public let processID: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    private var consumed = 0
    private var endOfOutput = false
    /// How the program ended (128 + N for signal N), once it has.
    public private(set) var exitStatus: Int32?

    /// Starts `executable` with exactly `environment`, on a terminal of the given size.
    public init(
        executable: String, arguments: [String] = [], environment: [String: String],
        rows: UInt16 = 30, columns: UInt16 = 100
    ) throws {
        // Everything the child needs is allocated before fork: between fork and
        // exec only async-signal-safe calls are allowed.
        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" })
        defer {
            argv.deallocate()
            envp.deallocate()
        }
        guard let path = argv.pointer[0], argv.isComplete, envp.isComplete else {
            throw Failure(description: "out of memory preparing to run \(executable)")
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
            // Threads of the test runner block signals (libdispatch does); the
            // child must start with none blocked or Ctrl-C never arrives.
            var none = sigset_t()
            sigemptyset(&none)
            sigprocmask(SIG_SETMASK, &none, nil)
            signal(SIGINT, SIG_DFL)
            signal(SIGPIPE, SIG_DFL)
            // Nothing but the terminal: descriptors the test process has open
            // (pipes to other tests' child processes, sockets) are not close-on-exec,
            // and a copy held here would keep those pipes from ever ending.
            closefrom(3)
            execve(path, argv.pointer, envp.pointer)
            _exit(127)
        }
        guard pid > 0 else { throw Failure(description: "forkpty failed: errno \(errno)") }
        self.processID = pid
        self.master = master
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        terminate()
        close(master)
    }

    /// Types `text` (use ``Key`` for control keys).
    public func send(_ text: String) {
        var bytes = Array(text.utf8)[...]
        var stalls = 0
        while !bytes.isEmpty, stalls < 1000 {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else {
                stalls += 1
                _ = pump(for: .milliseconds(5))
            }
        }
    }

    /// Waits until the cleaned output after the last match contains `text`;
    /// returns the output up to and including it.
    ///
    /// The wait blocks a thread of its own, not one of Swift's cooperative
    /// pool, so tests that wait do not starve servers running in the test process.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(15)) async throws -> String {
        try await Self.offload { try self.blockingWaitFor(text, timeout: timeout) }
    }

    /// Waits for the process to exit and returns its status (128 + N for signal N).
    public func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
        try await Self.offload { try self.blockingWaitForExit(timeout: timeout) }
    }

    /// Reads whatever arrives during `duration` (for checks that something did
    /// *not* happen). Prefer ``waitFor(_:timeout:)``.
    public func drain(for duration: Duration) async {
        _ = try? await Self.offload { self.blockingDrain(for: duration) }
    }

    /// Runs blocking `work` on a new thread and awaits its result.
    private static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private func blockingWaitFor(_ text: String, timeout: Duration) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let screen = TranscriptText.clean(raw)
            if let match = screen[consumed...].firstRange(of: needle) {
                let seen = String(decoding: screen[consumed..<match.upperBound], as: UTF8.self)
                consumed = match.upperBound
                return seen
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero, !endOfOutput else {
                throw Failure(
                    description: "timed out waiting for \(text.debugDescription); since the last match:\n"
                        + pendingOutput)
            }
            if !pump(for: min(remaining, .milliseconds(100))) { reapIfExited() }
        }
    }

    private func blockingWaitForExit(timeout: Duration) throws -> Int32 {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while exitStatus == nil {
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "process \(processID) did not exit; output:\n" + pendingOutput)
            }
            _ = pump(for: .milliseconds(50))
            reapIfExited()
        }
        return exitStatus ?? -1
    }

    private func blockingDrain(for duration: Duration) {
        let deadline = ContinuousClock.now.advanced(by: duration)
        while ContinuousClock.now < deadline, pump(for: ContinuousClock.now.duration(to: deadline)) {}
    }

    /// The cleaned output not yet consumed by a match.
    public var pendingOutput: String {
        let screen = TranscriptText.clean(raw)
        return String(decoding: screen[min(consumed, screen.count)...], as: UTF8.self)
    }

    /// All raw output so far, escape sequences included.
    public var rawTranscript: String { String(decoding: raw, as: UTF8.self) }

    /// All cleaned output so far.
    public var transcript: String { String(decoding: TranscriptText.clean(raw), as: UTF8.self) }

    /// Kills the process if it is still running and reaps it. Safe to call twice.
    public func terminate() {
        guard exitStatus == nil else { return }
        kill(processID, SIGKILL)
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0, errno == EINTR {}
        exitStatus = Self.decode(status)
    }

    /// Reads for up to `duration`; false once the terminal reports end of output.
    private func pump(for duration: Duration) -> Bool {
        guard !endOfOutput else { return false }
        let milliseconds = Int32(
            clamping: duration.components.seconds * 1000
                + duration.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, max(milliseconds, 1)) > 0 else { return true }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            raw.append(contentsOf: chunk[..<count])
        } else if count == 0 || errno == EIO {
            endOfOutput = true  // the child closed the terminal: it exited
            return false
        }
        return true
    }

    private func reapIfExited() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        if waitpid(processID, &status, WNOHANG) == processID { exitStatus = Self.decode(status) }
    }

    private static func decode(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// Keys as the terminal sends them.
public enum Key {
    /// Return, as a terminal sends it (a carriage return).
    public static let enter = "\r"
    /// Tab.
    public static let tab = "\t"
    /// Ctrl-C (interrupt).
    public static let ctrlC = "\u{03}"
    /// Ctrl-D (end of input).
    public static let ctrlD = "\u{04}"
    /// Ctrl-R (reverse history search).
    public static let ctrlR = "\u{12}"
    /// The up arrow.
    public static let up = "\u{1B}[A"
}

/// A NULL-terminated `char *[]` for `execve`, allocated before `fork`.
private struct CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointer[index] = strdup(string) }
        pointer[strings.count] = nil
    }

    /// False if a `strdup` failed.
    var isComplete: Bool { (0..<count).allSatisfy { pointer[$0] != nil } }

    func deallocate() {
        for index in 0..<count { free(pointer[index]) }
        pointer.deallocate()
    }
}
