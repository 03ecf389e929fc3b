import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the REPL writes text: standard output, standard error, or a test buffer.
public protocol TextSink: Sendable {
    /// Writes all of `text` as UTF-8 before returning.
    func write(_ text: String)

    /// The width of the terminal written to, or nil if it is not a terminal.
    var terminalColumns: Int? { get }

    /// The height of the terminal written to, or nil if it is not a terminal.
    var terminalRows: Int? { get }
}

extension TextSink {
    /// Not a terminal.
    public var terminalColumns: Int? { nil }

    /// Not a terminal.
    public var terminalRows: Int? { nil }
}

/// Writes to a file descriptor with `write(2)`, unbuffered.
///
/// C stdio is flushed first, so output that libedit (or anything else using
/// stdio) buffered stays in order with the REPL's own.
public struct FileDescriptorSink: TextSink {
    /// The descriptor written to.
    public let descriptor: Int32

    /// Standard output.
    public static let standardOutput = FileDescriptorSink(descriptor: STDOUT_FILENO)
    /// Standard error.
    public static let standardError = FileDescriptorSink(descriptor: STDERR_FILENO)

    /// A sink for `descriptor`, which stays owned by the caller.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(descriptor) == 1 }

    /// The width of the terminal on the descriptor in columns, or nil when it is not a terminal.
    public var terminalColumns: Int? {
        let columns = cq_terminal_columns(descriptor)
        return columns > 0 ? Int(columns) : nil
    }

    /// The height of the terminal on the descriptor in rows, or nil when it is not a terminal.
    public var terminalRows: Int? {
        let rows = cq_terminal_rows(descriptor)
        return rows > 0 ? Int(rows) : nil
    }

    /// Writes with `write(2)`, retrying after `EINTR` and short writes.
    public func write(_ text: String) {
        guard !text.isEmpty else { return }
        cq_flush_stdio()
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
