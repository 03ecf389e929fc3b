import CLibEdit
import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a pipe or file without a line editor (`echo 'query' | cq`).
///
/// No prompt is echoed (unless a prompt sink is given, for a terminal on stdin
/// whose stdout is redirected) and nothing is written to the history.
public final class PlainLineReader: LineReader {
    private let descriptor: Int32
    private let prompts: (any TextSink)?
    private let buffer = Mutex(LineBuffer())
    private let isClosed = Atomic(false)
    private let queue = DispatchQueue(label: "cq.plain-reader")

    /// Reads `descriptor` (standard input by default). If `prompts` is given,
    /// each prompt is written there before a line is read.
    public init(descriptor: Int32 = STDIN_FILENO, prompts: (any TextSink)? = nil) {
        self.descriptor = descriptor
        self.prompts = prompts
    }

    /// Always false: input is a script.
    public var isInteractive: Bool { false }

    /// Reads up to the next newline (a final line without one counts too).
    public func readLine(_ request: LineRequest) async -> LineInput {
        prompts?.write(request.prompt.text)
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.readBlocking()) }
        }
    }

    /// Does nothing: scripts do not go into the history.
    public func recordHistory(_ entry: String) {}

    /// Always empty.
    public func historyEntries() -> [String] { [] }

    /// Makes later reads return end of input; the descriptor stays open.
    public func close() {
        isClosed.store(true, ordering: .relaxed)
    }

    /// Waits for a whole line; Ctrl-C (with ``SignalInterrupts`` active) ends the wait.
    private func readBlocking() -> LineInput {
        // Only the serial `queue` reads, so the lock is never contended.
        buffer.withLock { buffer in
            while true {
                if isClosed.load(ordering: .relaxed) { return .endOfInput }
                if let line = buffer.takeLine() { return .line(line) }
                if buffer.atEnd { return buffer.takeRest().map(LineInput.line) ?? .endOfInput }
                switch cq_wait_readable(descriptor) {
                case 0: return .interrupted
                case 1: buffer.fill(from: descriptor)
                default: buffer.atEnd = true
                }
            }
        }
    }
}

/// Bytes read but not yet returned as lines.
private struct LineBuffer {
    var bytes: [UInt8] = []
    var start = 0
    var atEnd = false

    /// The next complete line, without `\n` or `\r\n`.
    mutating func takeLine() -> String? {
        guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var end = newline
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        start = newline + 1
        if start > 65_536 {
            bytes.removeFirst(start)
            start = 0
        }
        return line
    }

    /// A last line that had no newline.
    mutating func takeRest() -> String? {
        guard start < bytes.count else { return nil }
        defer { start = bytes.count }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// One `read(2)`; end of input on 0 or a real error.
    mutating func fill(from descriptor: Int32) {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            bytes.append(contentsOf: chunk[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            atEnd = true
        }
    }
}
