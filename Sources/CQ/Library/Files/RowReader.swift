#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
internal import JSONCore
import Synchronization

/// Where `open` reads from: a file (or FIFO), or standard input.
enum DataInput: Sendable {
    case file(path: String)
    case standardInput

    /// How messages name it.
    var displayName: String {
        switch self {
        case .file(let path): path
        case .standardInput: "<stdin>"
        }
    }

    /// Standard input is read once per process: a second reader would see
    /// only what the first left.
    private static let standardInputTaken = Mutex(false)

    /// A descriptor to read, and whether to close it after.
    func open() throws -> (descriptor: Int32, closes: Bool) {
        switch self {
        case .standardInput:
            let taken = Self.standardInputTaken.withLock { taken in
                defer { taken = true }
                return taken
            }
            guard !taken else {
                throw BuiltinError(
                    "standard input was already read", kind: .runtime,
                    notes: ["it can be read once: save it to a file (`… > data.json`) to read it twice"])
            }
            return (STDIN_FILENO, false)
        case .file(let path):
            let descriptor = openForReading(path)
            guard descriptor >= 0 else { throw Self.failure(path, code: errno) }
            var status = stat()
            if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                close(descriptor)
                throw Self.failure(path, code: EISDIR)
            }
            return (descriptor, true)
        }
    }

    private static func failure(_ path: String, code: Int32) -> BuiltinError {
        BuiltinError("cannot read \(path): \(String(cString: strerror(code)))", kind: .runtime)
    }
}

/// `open(2)` for reading, named apart from ``DataInput/open()``.
private func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_CLOEXEC)
}

/// Reads rows of JSON data on a thread of their own, a batch at a time, so
/// parsing runs beside the evaluation and a slow writer's rows arrive as
/// they are written; at most ``capacity`` batches are read ahead.
enum RowReader {
    /// Rows per batch handed to the evaluation.
    static let batchSize = 512
    /// Batches parsed ahead of the evaluation at most.
    static let capacity = 4

    /// Starts a thread that opens `input` and parses it as `layout`. The
    /// thread opens it because opening a FIFO waits for its writer.
    static func start(_ input: DataInput, layout: JSONLayout) throws -> RowChannel {
        guard let wakeup = Wakeup() else {
            throw BuiltinError("cannot read \(input.displayName): no file descriptors left", kind: .runtime)
        }
        let channel = RowChannel(capacity: capacity, wakeup: wakeup)
        let thread = Thread {
            let descriptor: Int32
            let closes: Bool
            do {
                (descriptor, closes) = try input.open()
            } catch {
                channel.finish(error)
                return
            }
            defer { if closes { close(descriptor) } }
            parse(descriptor, as: layout, into: channel, naming: input.displayName)
        }
        thread.name = "cq open \(input.displayName)"
        thread.start()
        return channel
    }

    /// The rows of `input` as a lazy stream: each iteration reads the input
    /// afresh, except the first, which continues `started` when given (the
    /// reading `open` began to find out whether the input is one value).
    static func stream(_ input: DataInput, layout: JSONLayout, started: RowChannel?) -> ValueStream {
        let pending = PendingChannel(started)
        return ValueStream {
            let iteration = RowIteration(channel: pending.take()) { try start(input, layout: layout) }
            return { try await iteration.next() }
        }
    }

    private static func parse(_ descriptor: Int32, as layout: JSONLayout, into channel: RowChannel, naming name: String) {
        let batcher = Batcher(channel: channel)
        var source = DescriptorSource(descriptor: descriptor, wakeup: channel.wakeup)
        source.beforeWaiting = { batcher.flush() }
        let reader = JSONStreamReader(source: source, layout: layout)
        var builder = ValueBuilder()
        do {
            switch try reader.start(with: &builder) {
            case .single(let value):
                channel.begin(.single(value))
                channel.finish(nil)
                return
            case .rows(let first):
                channel.begin(.rows)
                if let first, !batcher.add(first) { return }
            }
            while let row = try reader.next(with: &builder) {
                guard batcher.add(row) else { return }
            }
            guard batcher.flush() else { return }
            channel.finish(nil)
        } catch is DescriptorSource.Stopped {
            channel.finish(nil)
        } catch {
            // The rows before the error are the evaluation's too.
            guard batcher.flush() else { return }
            channel.finish(failure(error, reading: name, as: layout))
        }
    }

    private static func failure(_ error: any Error, reading name: String, as layout: JSONLayout) -> BuiltinError {
        guard let error = error as? JSONSyntaxError else {
            return BuiltinError("cannot read \(name): \(error)", kind: .runtime)
        }
        let note =
            switch layout {
            case .lines: "NDJSON has one JSON value per line"
            case .document: "open(…, format: \"json\") reads one JSON document"
            case .automatic:
                "open reads a JSON document (an array's elements are rows), NDJSON, or JSON values one after another; "
                    + "format: \"ndjson\" reads one value per line"
            }
        return BuiltinError(
            "\(name):\(error.line):\(error.column): not valid JSON: \(error.message)", kind: .runtime, notes: [note])
    }
}

/// Gathers parsed rows into batches for a ``RowChannel``.
private final class Batcher {
    let channel: RowChannel
    @exclusivity(unchecked) private var rows: [Value] = []

    init(channel: RowChannel) {
        self.channel = channel
        rows.reserveCapacity(RowReader.batchSize)
    }

    /// Adds `row`, handing the batch on when full; `false` once the consumer is gone.
    func add(_ row: consuming Value) -> Bool {
        rows.append(row)
        return rows.count < RowReader.batchSize || flush()
    }

    /// Hands on the rows gathered so far; `false` once the consumer is gone.
    func flush() -> Bool {
        guard !rows.isEmpty else { return !channel.isStopped }
        let batch = rows
        rows = []
        rows.reserveCapacity(RowReader.batchSize)
        return channel.publish(batch)
    }
}

/// The reading `open` started, until an iteration takes it over; stopped if none does.
private final class PendingChannel: Sendable {
    private let channel: Mutex<RowChannel?>

    init(_ channel: RowChannel?) { self.channel = Mutex(channel) }

    func take() -> RowChannel? { channel.withLock { channel in defer { channel = nil }; return channel } }

    deinit { channel.withLock { $0?.stop() } }
}

/// One iteration over the rows of an input; stops the reading when dropped.
private final class RowIteration {
    // Unchecked exclusivity: an iteration is used by one task, one call at a time.
    @exclusivity(unchecked) private var channel: RowChannel?
    private let startReading: () throws -> RowChannel
    @exclusivity(unchecked) private var startChecked: Bool
    @exclusivity(unchecked) private var batch: [Value] = []
    @exclusivity(unchecked) private var index = 0

    init(channel: RowChannel?, startReading: @escaping () throws -> RowChannel) {
        self.channel = channel
        self.startReading = startReading
        // A channel taken over has already said how the input starts.
        self.startChecked = channel != nil
    }

    func next() async throws -> Value? {
        if index == batch.count {
            batch = []
            let channel = try self.channel ?? startReading()
            self.channel = channel
            if !startChecked {
                startChecked = true
                if case .single(let value) = try await channel.awaitStart() {
                    // The input now holds one value: it is the one row.
                    return value
                }
            }
            guard let next = try await channel.next(), !next.isEmpty else { return nil }
            batch = next
            index = 0
        }
        // Moved out of the batch, which is then released cheaply.
        var row = Value.null
        swap(&row, &batch[index])
        index += 1
        return row
    }

    deinit { channel?.stop() }
}
