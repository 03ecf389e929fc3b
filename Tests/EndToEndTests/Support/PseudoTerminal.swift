import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `cq` on a pseudo-terminal, so that it runs its line editor and history as
/// for a person at a keyboard: a lean version of the REPL tests' driver.
///
/// Output is kept raw; ``waitFor(_:timeout:)`` searches a copy without escape
/// sequences and carriage returns and, like `expect`, consumes it up to the end
/// of the match. Waits block a thread of their own, never Swift's cooperative
/// pool, so a simulator serving in this process keeps answering. The process is
/// killed and reaped in `deinit` if it is still running.
final class PseudoTerminal: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let processID: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    private var consumed = 0
    private var endOfOutput = false
    private(set) var exitStatus: Int32?

    /// Starts `executable` with exactly `environment` on a 200-column terminal.
    init(executable: URL, arguments: [String] = [], environment: [String: String]) throws {
        // Allocated before fork: between fork and exec only async-signal-safe calls.
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var size = winsize(ws_row: 50, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        guard let path = argv[0], argv.dropLast().allSatisfy({ $0 != nil }), envp.dropLast().allSatisfy({ $0 != nil })
        else { throw Failure(description: "out of memory preparing to run \(executable.path)") }
        let pid = argv.withUnsafeBufferPointer { arguments in
            envp.withUnsafeBufferPointer { variables in
                guard let argumentList = arguments.baseAddress, let variableList = variables.baseAddress else { return pid_t(-1) }
                let pid = forkpty(&master, nil, nil, &size)
                if pid == 0 {
                    // The test runner's threads block signals; the child starts with none blocked.
                    var none = sigset_t()
                    sigemptyset(&none)
                    sigprocmask(SIG_SETMASK, &none, nil)
                    signal(SIGINT, SIG_DFL)
                    signal(SIGPIPE, SIG_DFL)
                    // Nothing but the terminal: inherited pipes would never end.
                    closefrom(3)
                    execve(path, argumentList, variableList)
                    _exit(127)
                }
                return pid
            }
        }
        guard pid > 0 else { throw Failure(description: "forkpty failed: errno \(errno)") }
        processID = pid
        self.master = master
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0, errno == EINTR {}
        }
        close(master)
    }

    /// Types `text` ("\r" is Enter, "\u{04}" is Ctrl-D).
    func send(_ text: String) {
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
    /// returns that output up to and including it.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(30)) async throws -> String {
        try await Self.offload { try self.blockingWaitFor(text, timeout: timeout) }
    }

    /// Waits for the process to exit and returns its status.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        try await Self.offload { try self.blockingWaitForExit(timeout: timeout) }
    }

    /// Everything the program wrote to the terminal, escape sequences included.
    var rawOutput: Data { Data(raw) }

    /// Everything the program wrote, without escape sequences and carriage returns.
    var transcript: String { String(decoding: Self.clean(raw), as: UTF8.self) }

    private static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private func blockingWaitFor(_ text: String, timeout: Duration) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let screen = Self.clean(raw)
            if let match = screen[min(consumed, screen.count)...].firstRange(of: needle) {
                let seen = String(decoding: screen[consumed..<match.upperBound], as: UTF8.self)
                consumed = match.upperBound
                return seen
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero, !endOfOutput else {
                let pending = String(decoding: screen[min(consumed, screen.count)...], as: UTF8.self)
                throw Failure(description: "timed out waiting for \(text.debugDescription); since the last match:\n\(pending)")
            }
            if !pump(for: min(remaining, .milliseconds(100))) { reapIfExited() }
        }
    }

    private func blockingWaitForExit(timeout: Duration) throws -> Int32 {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while exitStatus == nil {
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "process \(processID) did not exit; output:\n\(transcript)")
            }
            _ = pump(for: .milliseconds(50))
            reapIfExited()
        }
        return exitStatus ?? -1
    }

    /// Reads for up to `duration`; false once the terminal reports end of output.
    private func pump(for duration: Duration) -> Bool {
        guard !endOfOutput else { return false }
        let milliseconds = Int32(clamping: duration.components.seconds * 1000
            + duration.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, max(milliseconds, 1)) > 0 else { return true }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            raw.append(contentsOf: chunk[..<count])
        } else if count == 0 || errno == EIO {
            endOfOutput = true
            return false
        }
        return true
    }

    private func reapIfExited() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        if waitpid(processID, &status, WNOHANG) == processID {
            exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        }
    }

    /// The bytes without escape sequences (CSI, OSC, two-byte), carriage returns, bells and backspaces.
    static func clean(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x1B:
                index = endOfEscape(in: bytes, from: index)
            case 0x0D, 0x07, 0x08:
                index += 1
            default:
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func endOfEscape(in bytes: [UInt8], from start: Int) -> Int {
        guard start + 1 < bytes.count else { return bytes.count }
        var index = start + 2
        switch bytes[start + 1] {
        case UInt8(ascii: "["):
            while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
            return min(index + 1, bytes.count)
        case UInt8(ascii: "]"):
            while index < bytes.count {
                if bytes[index] == 0x07 { return index + 1 }
                if bytes[index] == 0x1B, index + 1 < bytes.count { return index + 2 }
                index += 1
            }
            return bytes.count
        default:
            return index
        }
    }
}
