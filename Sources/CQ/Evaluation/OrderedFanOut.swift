/// One iteration of an ordered, concurrent fan-out
/// (``ValueStream/flatMapConcurrently(window:tasks:_:)``): the consumer's side.
///
/// A driver task, started on the first ``next()``, pulls the source and runs
/// a transform per element in a discarding task group; results meet the
/// consumer, in order, in a ``FanOutChannel``. Owned by one iteration, which
/// runs in one task; dropping it cancels the driver, and with it the source
/// and the transforms.
final class OrderedFanOut {
    private let source: ValueStream
    private let tasks: BackgroundTasks
    private let transform: @Sendable (Value) async throws -> [Value]
    private let channel: FanOutChannel
    private var driver: Task<Void, any Error>?
    /// The index of the element being emitted or awaited.
    private var head = 0
    private var outputs: [Value] = []
    private var emitted = 0
    private var ended = false

    init(
        source: ValueStream, window: Int, slowStart: Bool, tasks: BackgroundTasks,
        transform: @escaping @Sendable (Value) async throws -> [Value]
    ) {
        self.source = source
        self.tasks = tasks
        self.transform = transform
        channel = FanOutChannel(window: window, slowStart: slowStart)
    }

    deinit {
        driver?.cancel()
    }

    func next() async throws -> Value? {
        while true {
            if emitted < outputs.count {
                let value = outputs[emitted]
                emitted += 1
                if emitted == outputs.count { advance() }
                return value
            }
            guard !ended else { return nil }
            let driver = self.driver ?? start()
            do {
                switch try await channel.take(head) {
                case .outputs(let values) where values.isEmpty:
                    advance()
                case .outputs(let values):
                    outputs = values
                case .end:
                    ended = true
                    return nil
                }
            } catch {
                ended = true
                driver.cancel()
                throw error
            }
        }
    }

    /// Element `head` is wholly emitted: its slot goes back to the driver.
    private func advance() {
        outputs = []
        emitted = 0
        head += 1
        channel.releaseSlot()
    }

    private func start() -> Task<Void, any Error> {
        let (source, channel, transform) = (source, channel, transform)
        let driver = tasks.spawn { await Self.drive(source, into: channel, transform: transform) }
        self.driver = driver
        return driver
    }

    /// Pulls the source, a slot per element, and runs the transforms.
    private static func drive(
        _ source: ValueStream, into channel: FanOutChannel,
        transform: @escaping @Sendable (Value) async throws -> [Value]
    ) async {
        var elements = source.makeAsyncIterator()
        await withDiscardingTaskGroup { group in
            var index = 0
            while true {
                do {
                    try await channel.acquireSlot()
                } catch {
                    return
                }
                let element: Value
                do {
                    guard let next = try await elements.next() else {
                        channel.finish(at: index, error: nil)
                        return
                    }
                    element = next
                } catch {
                    channel.finish(at: index, error: error)
                    return
                }
                let position = index
                group.addTask {
                    do {
                        channel.resolve(position, with: .success(try await transform(element)))
                    } catch {
                        channel.resolve(position, with: .failure(error))
                    }
                }
                index += 1
            }
        }
    }
}
