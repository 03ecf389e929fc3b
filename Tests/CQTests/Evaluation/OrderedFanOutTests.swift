import CQ
import Testing

/// `mapConcurrently` and `flatMapConcurrently`: order, bounded read-ahead,
/// pipelining, errors in order, and cancellation of what is pending.
@Suite struct OrderedFanOutTests {
    @Test(arguments: FanOut.allCases)
    func theOutputKeepsTheSourceOrderWhateverOrderTransformsEndIn(_ fan: FanOut) async throws {
        let tasks = BackgroundTasks()
        let source = CountingSource(count: 300)
        let stream = fan.apply(to: source.stream, window: 8, tasks: tasks) { _ in
            for _ in 0..<Int.random(in: 0..<40) { await Task.yield() }
        }
        #expect(try await stream.collect() == fan.outputs(of: 0..<300))
        #expect(try await stream.collect() == fan.outputs(of: 0..<300), "each iteration starts afresh")
        #expect(source.pulls.value == 600)
    }

    @Test(arguments: FanOut.allCases)
    func transformsEndingInReverseOrderStillComeOutInOrder(_ fan: FanOut) async throws {
        let tasks = BackgroundTasks()
        let gates = (0..<6).map { _ in Gate() }
        let stream = fan.apply(to: CountingSource(count: 6).stream, window: 6, tasks: tasks) { index in
            try await gates[index].wait()
        }
        let consumer = Task { try await stream.collect() }
        try await waitUntil { gates.allSatisfy { $0.waiting == 1 } }
        for gate in gates.reversed() { gate.open() }
        #expect(try await consumer.value == fan.outputs(of: 0..<6))
    }

    @Test(arguments: FanOut.allCases)
    func neverMoreThanTheWindowIsInProgress(_ fan: FanOut) async throws {
        let tasks = BackgroundTasks()
        let log = TransformLog()
        let gate = Gate()
        let source = CountingSource(count: 40)
        let stream = fan.apply(to: source.stream, window: 3, tasks: tasks) { _ in
            try await log.record {
                try await gate.wait()
                for _ in 0..<Int.random(in: 0..<20) { await Task.yield() }
            }
        }
        let consumer = Task { try await stream.collect() }
        try await waitUntil { gate.waiting == 3 }
        for _ in 0..<100 { await Task.yield() }
        #expect(log.started.value == 3 && source.pulls.value == 3, "the window is full; nothing more starts")
        gate.open()
        #expect(try await consumer.value == fan.outputs(of: 0..<40))
        #expect(log.running.value.peak == 3)
    }

    @Test func mapPullsTheSourceAtMostOneWindowAheadOfTheConsumer() async throws {
        let tasks = BackgroundTasks()
        let source = CountingSource()
        let log = TransformLog()
        let stream = source.stream.mapConcurrently(window: 4, tasks: tasks) { value in
            try await log.record {}
            return value
        }
        do {
            var iterator = stream.makeAsyncIterator()
            for expected in 0..<5 { #expect(try await iterator.next() == .int(expected)) }
            try await waitUntil { source.pulls.value == 9 }
            for _ in 0..<100 { await Task.yield() }
            #expect(source.pulls.value == 9 && log.started.value == 9, "5 taken + a window of 4")
        }
        await tasks.cancelAllAndWait()
        #expect(source.pulls.value == 9)
    }

    @Test(arguments: FanOut.allCases)
    func aSlowStartOpensTheWindowOneElementPerElementConsumed(_ fan: FanOut) async throws {
        let tasks = BackgroundTasks()
        let source = CountingSource()
        let stream =
            switch fan {
            case .map: source.stream.mapConcurrently(window: 4, slowStart: true, tasks: tasks) { $0 }
            case .flatMap:
                source.stream.flatMapConcurrently(window: 4, slowStart: true, tasks: tasks) { ValueStream([$0]) }
            }
        do {
            var iterator = stream.makeAsyncIterator()
            // Consumed k, the window is 1 + k (up to 4): pulled k + min(1 + k, 4).
            for (consumed, pulled) in [(1, 3), (2, 5), (3, 7), (4, 8), (5, 9)] {
                #expect(try await iterator.next() == .int(consumed - 1))
                try await waitUntil { source.pulls.value == pulled }
                for _ in 0..<100 { await Task.yield() }
                #expect(source.pulls.value == pulled, "\(consumed) consumed")
            }
        }
        await tasks.cancelAllAndWait()
    }

    @Test func flatMapHoldsAnElementsSlotUntilItsLastOutputIsTaken() async throws {
        let tasks = BackgroundTasks()
        let source = CountingSource()
        let stream = source.stream.flatMapConcurrently(window: 4, tasks: tasks) { value in
            ValueStream([value, value])
        }
        do {
            var iterator = stream.makeAsyncIterator()
            for expected in [0, 0, 1, 1, 2] { #expect(try await iterator.next() == .int(expected)) }
            try await waitUntil { source.pulls.value == 6 }
            for _ in 0..<100 { await Task.yield() }
            #expect(source.pulls.value == 6, "elements 0 and 1 emitted, 2 half emitted, a window of 4 from 2")
        }
        await tasks.cancelAllAndWait()
    }

    @Test func takingFiveCostsAtMostOneWindowMore() async throws {
        let tasks = BackgroundTasks()
        let source = CountingSource()
        let log = TransformLog()
        let stream = source.stream.mapConcurrently(window: 8, tasks: tasks) { value in
            try await log.record {}
            return value
        }
        #expect(try await stream.prefix(5).collect() == (0..<5).map(Value.int))
        await tasks.cancelAllAndWait()
        #expect(source.pulls.value <= 13 && log.started.value <= 13)
    }

    @Test func nothingStartsBeforeTheFirstNext() async throws {
        let tasks = BackgroundTasks()
        let source = CountingSource(count: 3)
        let stream = source.stream.mapConcurrently(window: 2, tasks: tasks) { $0 }
        var iterator = stream.makeAsyncIterator()
        for _ in 0..<100 { await Task.yield() }
        #expect(source.pulls.value == 0 && tasks.count == 0)
        #expect(try await iterator.next() == .int(0))
    }

    @Test(arguments: FanOut.allCases)
    func theFirstOutputsArriveWhileTheSourceIsStillPaging(_ fan: FanOut) async throws {
        let tasks = BackgroundTasks()
        let nextPage = Gate()
        let source = CountingSource(count: 4, holding: (index: 1, gate: nextPage))
        let stream = fan.apply(to: source.stream, window: 8, tasks: tasks) { _ in }
        var iterator = stream.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first == fan.outputs(of: 0).first, "element 0 is done while element 1 is being fetched")
        #expect(nextPage.waiting == 1)
        nextPage.open()
        var rest: [Value] = []
        while let value = try await iterator.next() { rest.append(value) }
        #expect(rest == Array(fan.outputs(of: 0..<4).dropFirst()))
    }

    @Test(arguments: FanOut.allCases)
    func aFailingTransformIsThrownOnlyAfterEverythingBeforeIt(_ fan: FanOut) async throws {
        struct Failure: Error {}
        let tasks = BackgroundTasks()
        let earlier = Gate()
        let failed = Locked(false)
        let stream = fan.apply(to: CountingSource(count: 10).stream, window: 8, tasks: tasks) { index in
            if index == 3 {
                failed.update { $0 = true }
                throw Failure()
            }
            if index < 3 { try await earlier.wait() }
        }
        let received = Locked<[Value]>([])
        let consumer = Task {
            for try await value in stream { received.update { $0.append(value) } }
        }
        try await waitUntil { failed.value }
        #expect(received.value.isEmpty, "element 0 is not done yet")
        earlier.open()
        await #expect(throws: Failure.self) { try await consumer.value }
        #expect(received.value == fan.outputs(of: 0..<3))
    }

    @Test(arguments: FanOut.allCases)
    func aFailingSourceIsThrownOnlyAfterEverythingBeforeIt(_ fan: FanOut) async throws {
        let tasks = BackgroundTasks()
        let stream = fan.apply(to: CountingSource(count: 10, failing: 5).stream, window: 3, tasks: tasks) { _ in }
        var received: [Value] = []
        await #expect(throws: CountingSource.Failure.self) {
            for try await value in stream { received.append(value) }
        }
        #expect(received == fan.outputs(of: 0..<5))
    }

    @Test(arguments: FanOut.allCases)
    func droppingTheIteratorCancelsEveryPendingTransform(_ fan: FanOut) async throws {
        let tasks = BackgroundTasks()
        let log = TransformLog()
        let never = Gate()
        let stream = fan.apply(to: CountingSource().stream, window: 4, tasks: tasks) { index in
            try await log.record { if index > 0 { try await never.wait() } }
        }
        do {
            var iterator = stream.makeAsyncIterator()
            #expect(try await iterator.next() == fan.outputs(of: 0).first)
            try await waitUntil { never.waiting == 4 }
        }
        try await waitUntil { log.cancelled.value == 4 && tasks.count == 0 }
        #expect(log.started.value == 5 && never.waiting == 0)
    }

    @Test(arguments: FanOut.allCases)
    func cancellingTheConsumingTaskCancelsEveryPendingTransform(_ fan: FanOut) async throws {
        let tasks = BackgroundTasks()
        let log = TransformLog()
        let never = Gate()
        let stream = fan.apply(to: CountingSource().stream, window: 5, tasks: tasks) { _ in
            try await log.record { try await never.wait() }
        }
        let consumer = Task { try await stream.collect() }
        try await waitUntil { never.waiting == 5 }
        consumer.cancel()
        await #expect(throws: CancellationError.self) { try await consumer.value }
        try await waitUntil { log.cancelled.value == 5 && tasks.count == 0 }
        #expect(never.waiting == 0)
    }

    @Test func nestedFanOutsAreCancelledAndAwaitedThroughTheirBackgroundTasks() async throws {
        let tasks = BackgroundTasks()
        let log = TransformLog()
        let never = Gate()
        let stream = CountingSource(count: 10).stream.flatMapConcurrently(window: 3, tasks: tasks) { _ in
            CountingSource(count: 10).stream.mapConcurrently(window: 3, tasks: tasks) { value in
                try await log.record { try await never.wait() }
                return value
            }
        }
        let consumer = Task { try await stream.collect() }
        try await waitUntil { never.waiting == 9 }
        #expect(tasks.count == 4, "one driver outside, three inside")
        await tasks.cancelAllAndWait()
        #expect(tasks.count == 0 && never.waiting == 0 && log.cancelled.value == 9)
        await #expect(throws: CancellationError.self) { try await consumer.value }
    }
}
