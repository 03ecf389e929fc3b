#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
internal import JSONCore

/// A readable file descriptor — a file, a FIFO, a pipe, standard input — as
/// the bytes of a `JSONStreamReader`.
///
/// Before a read that would wait for a writer, it calls ``beforeWaiting``
/// (rows parsed so far are handed on, so a slow writer's rows arrive as they
/// are written), and it waits in `poll` beside a ``Wakeup``, so a reader that
/// is no longer wanted stops instead of waiting forever.
struct DescriptorSource: JSONByteSource {
    /// Thrown when the reader was stopped while it waited.
    struct Stopped: Error {}

    let descriptor: Int32
    let wakeup: Wakeup
    /// `false` stops the reading (the consumer is gone).
    var beforeWaiting: () -> Bool = { true }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            var descriptors = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeup.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            var ready = poll(&descriptors, 2, 0)
            if ready == 0 {
                guard beforeWaiting() else { throw Stopped() }
                ready = poll(&descriptors, 2, -1)
            }
            if ready < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(code: errno)
            }
            if descriptors[1].revents != 0 { throw Stopped() }
            let count = readBytes(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ReadFailure(code: errno)
            }
            return count
        }
    }

    /// A failed `read`, with the system's message.
    struct ReadFailure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }
}

/// `read(2)`, named apart from ``DescriptorSource/read(into:)``.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// A pipe whose read end becomes readable once ``wake()`` is called: what a
/// reader waiting in `poll` is stopped with.
final class Wakeup: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    /// `nil` when the process has no descriptors left.
    init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Wakes the reader; harmless when called again.
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}
