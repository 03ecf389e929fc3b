import Foundation
import Synchronization

/// What a finished command printed and how it ended.
struct CommandResult: Sendable, CustomStringConvertible {
    /// The exit status (or the signal number when killed by one).
    let status: Int32
    let stdout: String
    let stderr: String
    /// Whether it had to be killed for running too long.
    let timedOut: Bool

    var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

private enum Exit {
    case running([CheckedContinuation<Int32, Never>])
    case exited(Int32)
}

/// A child process whose output is collected as it arrives. Nothing blocks a
/// Swift concurrency or Dispatch thread (pipes are read on threads of their
/// own), so an in-process simulator server keeps answering while the child runs
/// and suites running beside these are not starved.
final class Subprocess: @unchecked Sendable {
    private let process = Process()
    private let output = Mutex((stdout: Data(), stderr: Data()))
    private let reads = DispatchGroup()
    private let exit = Mutex(Exit.running([]))
    private let killed = Mutex(false)

    /// Starts `executable` with exactly `environment`, feeding `stdin` (or nothing).
    init(_ executable: URL, _ arguments: [String], environment: [String: String], stdin: Data? = nil,
         directory: URL? = nil) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let stdinPipe = stdin.map { _ in Pipe() }
        process.standardInput = stdinPipe ?? FileHandle.nullDevice
        // Foundation's pipes are inherited by anything the test process forks
        // (the pseudo-terminal tests fork and exec without closing them): a stray
        // copy of a write end would keep this child's output from ever ending.
        // The child gets its own copies on 0, 1 and 2, which stay open.
        for pipe in [stdoutPipe, stderrPipe] + (stdinPipe.map { [$0] } ?? []) {
            Self.closeOnExec(pipe.fileHandleForReading.fileDescriptor)
            Self.closeOnExec(pipe.fileHandleForWriting.fileDescriptor)
        }
        process.terminationHandler = { [weak self] process in self?.finish(process.terminationStatus) }
        try process.run()
        collect(stdoutPipe.fileHandleForReading) { $0.stdout.append($1) }
        collect(stderrPipe.fileHandleForReading) { $0.stderr.append($1) }
        if let stdinPipe, let stdin {
            Thread.detachNewThread {
                try? stdinPipe.fileHandleForWriting.write(contentsOf: stdin)
                try? stdinPipe.fileHandleForWriting.close()
            }
        }
    }

    /// Standard output so far.
    var stdoutSoFar: String { output.withLock { String(decoding: $0.stdout, as: UTF8.self) } }

    /// Sends SIGTERM.
    func terminate() {
        if process.isRunning { process.terminate() }
    }

    /// Sends SIGINT, as Ctrl-C does.
    func interrupt() {
        if process.isRunning { process.interrupt() }
    }

    /// Whether the process ended because of a signal (its status is then the signal number).
    var wasSignaled: Bool { !process.isRunning && process.terminationReason == .uncaughtSignal }

    /// Waits until the process exits, killing it after `timeout`, and returns what it printed.
    ///
    /// Every wait is bounded: SIGTERM at `timeout`, SIGKILL 2 s later, and if even
    /// then no exit is reported the wait gives up 10 s after that (status -1).
    /// Output still open 10 s after the exit is taken as it is.
    func result(timeout: Duration) async -> CommandResult {
        let watchdog = Task { [weak self] in
            try await Task.sleep(for: timeout)
            guard let self else { return }
            self.killed.withLock { $0 = true }
            self.terminate()
            try await Task.sleep(for: .seconds(2))
            if self.process.isRunning { kill(self.process.processIdentifier, SIGKILL) }
            try await Task.sleep(for: .seconds(10))
            self.finish(-1)
        }
        let status = await exitStatus()
        watchdog.cancel()
        let ended = await outputEnded(within: .seconds(10))
        let (stdout, stderr) = output.withLock { ($0.stdout, $0.stderr) }
        return CommandResult(
            status: status, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self) + (ended ? "" : "\n[cq exited but its output did not end]\n"),
            timedOut: killed.withLock { $0 } || !ended)
    }

    /// Whether both output pipes reached their end within `limit` (without
    /// blocking a thread: the readers signal a group, a timer races them).
    private func outputEnded(within limit: Duration) async -> Bool {
        let waiter = Mutex<CheckedContinuation<Bool, Never>?>(nil)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            waiter.withLock { $0 = continuation }
            let resume: @Sendable (Bool) -> Void = { ended in
                waiter.withLock { pending in
                    pending?.resume(returning: ended)
                    pending = nil
                }
            }
            reads.notify(queue: .global()) { resume(true) }
            let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { resume(false) }
        }
    }

    private static func closeOnExec(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
    }

    /// Waits until standard output contains `text`, or `timeout` passes.
    func waitForOutput(containing text: String, timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if stdoutSoFar.contains(text) { return true }
            if !process.isRunning { return stdoutSoFar.contains(text) }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    private func exitStatus() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let status: Int32? = exit.withLock { state in
                switch state {
                case .exited(let status):
                    return status
                case .running(let waiters):
                    state = .running(waiters + [continuation])
                    return nil
                }
            }
            if let status { continuation.resume(returning: status) }
        }
    }

    private func finish(_ status: Int32) {
        let waiters = exit.withLock { state -> [CheckedContinuation<Int32, Never>] in
            guard case .running(let waiters) = state else { return [] }
            state = .exited(status)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    private func collect(_ handle: FileHandle, _ append: @escaping @Sendable (inout (stdout: Data, stderr: Data), Data) -> Void) {
        reads.enter()
        // A thread of its own: a blocking read on a Dispatch global queue would
        // hold one of the few threads Swift concurrency runs on.
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                self.output.withLock { append(&$0, chunk) }
            }
            self.reads.leave()
        }
    }
}
