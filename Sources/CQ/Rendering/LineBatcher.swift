import Synchronization

/// Gathers the lines of NDJSON and raw output and writes them to a sink in
/// batches, from a writer task of its own: a million rows become a few
/// hundred writes, not a million.
///
/// Rows still arrive as they are made: the writer waits at most
/// ``gatherDelay`` after a line comes before writing it (so the rows of a
/// slow source appear within milliseconds), and the producer waits while
/// more than ``backlogLimit`` bytes are not written yet (a slow reader of
/// the output slows the query, memory stays bounded).
final class LineBatcher: Sendable {
    /// How long the writer lets lines gather before writing them.
    static let gatherDelay = Duration.milliseconds(5)
    /// A batch this large is written at once.
    static let batchBytes = 64 << 10
    /// The producer waits while this much is not written yet.
    static let backlogLimit = 1 << 20

    private struct State {
        var pending: [UInt8] = []
        var finished = false
        /// The writer, waiting for lines.
        var writerWaiting: CheckedContinuation<Void, Never>?
        /// Producers waiting for the backlog to shrink.
        var producersWaiting: [CheckedContinuation<Void, Never>] = []
    }

    private final class Shared: Sendable {
        let state = Mutex(State())
    }

    private let shared = Shared()
    private let writer: Task<Void, Never>

    /// Starts the writer for `sink`.
    init(sink: any TextSink) {
        let shared = self.shared
        writer = Task {
            while let batch = await Self.nextBatch(shared) {
                await sink.write(String(decoding: batch, as: UTF8.self))
            }
        }
    }

    /// Adds `line` (its newline included) to the output.
    func append(_ line: [UInt8]) async {
        let (writer, mustWait) = shared.state.withLock { state in
            state.pending.append(contentsOf: line)
            defer { state.writerWaiting = nil }
            return (state.writerWaiting, state.pending.count > Self.backlogLimit)
        }
        writer?.resume()
        guard mustWait else { return }
        await withCheckedContinuation { continuation in
            let waits = shared.state.withLock { state in
                guard state.pending.count > Self.backlogLimit else { return false }
                state.producersWaiting.append(continuation)
                return true
            }
            if !waits { continuation.resume() }
        }
    }

    /// Writes what is left and waits until it is written.
    func finish() async {
        let writer = shared.state.withLock { state in
            state.finished = true
            defer { state.writerWaiting = nil }
            return state.writerWaiting
        }
        writer?.resume()
        await self.writer.value
    }

    /// The next batch to write, after letting lines gather; `nil` when
    /// finished and everything is written.
    private static func nextBatch(_ state: Shared) async -> [UInt8]? {
        await withCheckedContinuation { continuation in
            let ready = state.state.withLock { state in
                guard state.pending.isEmpty, !state.finished else { return true }
                state.writerWaiting = continuation
                return false
            }
            if ready { continuation.resume() }
        }
        let gathering = state.state.withLock { !$0.finished && $0.pending.count < batchBytes }
        if gathering { try? await Task.sleep(for: gatherDelay) }
        let (batch, producers) = state.state.withLock { state in
            defer {
                state.pending = []
                state.producersWaiting = []
            }
            return (state.pending, state.producersWaiting)
        }
        for producer in producers { producer.resume() }
        if batch.isEmpty { return state.state.withLock { $0.finished } ? nil : [] }
        return batch
    }
}
