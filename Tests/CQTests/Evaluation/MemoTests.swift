import Testing

@testable import CQ

/// The evaluation's memo: one computation per key at a time, shared by its
/// waiters, each of which may leave without disturbing the others.
@Suite struct MemoTests {
    /// A computation that counts its runs, waits for `gate` and notes being cancelled.
    struct Computation: Sendable {
        let gate = Gate()
        let runs = Locked(0)
        let cancelled = Locked(0)

        func run() async throws -> Value {
            let run = runs.update { runs in
                runs += 1
                return runs
            }
            do {
                try await gate.wait()
            } catch {
                cancelled.update { $0 += 1 }
                throw error
            }
            return .int(run)
        }
    }

    @Test func concurrentCallersShareOneComputationAndTheValueIsKept() async throws {
        let memo = Memo(tasks: BackgroundTasks())
        let computation = Computation()
        let callers = (0..<5).map { _ in Task { try await memo.value(for: "k", compute: computation.run) } }
        try await waitUntil { memo.waiterCount(for: "k") == 5 }
        computation.gate.open()
        for caller in callers { #expect(try await caller.value == .int(1)) }
        #expect(try await memo.value(for: "k", compute: computation.run) == .int(1))
        #expect(computation.runs.value == 1)
    }

    @Test func aCancelledWaiterLeavesAtOnceWhileTheOthersGetTheValue() async throws {
        let memo = Memo(tasks: BackgroundTasks())
        let computation = Computation()
        let leaving = Task { try await memo.value(for: "k", compute: computation.run) }
        let staying = Task { try await memo.value(for: "k", compute: computation.run) }
        try await waitUntil { memo.waiterCount(for: "k") == 2 }
        leaving.cancel()
        await #expect(throws: CancellationError.self) { try await leaving.value }
        #expect(memo.waiterCount(for: "k") == 1 && computation.cancelled.value == 0)
        computation.gate.open()
        #expect(try await staying.value == .int(1))
        #expect(computation.runs.value == 1)
    }

    @Test func theComputationIsCancelledWhenItsLastWaiterLeavesAndIsThenForgotten() async throws {
        let tasks = BackgroundTasks()
        let memo = Memo(tasks: tasks)
        let computation = Computation()
        let callers = (0..<3).map { _ in Task { try await memo.value(for: "k", compute: computation.run) } }
        try await waitUntil { memo.waiterCount(for: "k") == 3 }
        for caller in callers {
            caller.cancel()
            await #expect(throws: CancellationError.self) { try await caller.value }
        }
        try await waitUntil { computation.cancelled.value == 1 && tasks.count == 0 }
        let later = Task { try await memo.value(for: "k", compute: computation.run) }
        try await waitUntil { computation.runs.value == 2 }
        computation.gate.open()
        #expect(try await later.value == .int(2), "computed afresh")
    }

    @Test func errorsAreNotRemembered() async throws {
        struct Failure: Error {}
        let memo = Memo(tasks: BackgroundTasks())
        let runs = Locked(0)
        let compute: @Sendable () async throws -> Value = {
            let run = runs.update { runs in
                runs += 1
                return runs
            }
            if run == 1 { throw Failure() }
            return .int(run)
        }
        await #expect(throws: Failure.self) { try await memo.value(for: "k", compute: compute) }
        #expect(try await memo.value(for: "k", compute: compute) == .int(2))
        #expect(try await memo.value(for: "k", compute: compute) == .int(2))
        #expect(runs.value == 2)
    }

    @Test func everyWaiterGetsTheErrorOfTheirComputation() async throws {
        struct Failure: Error {}
        let memo = Memo(tasks: BackgroundTasks())
        let gate = Gate()
        let compute: @Sendable () async throws -> Value = {
            try await gate.wait()
            throw Failure()
        }
        let callers = (0..<3).map { _ in Task { try await memo.value(for: "k", compute: compute) } }
        try await waitUntil { memo.waiterCount(for: "k") == 3 }
        gate.open()
        for caller in callers { await #expect(throws: Failure.self) { try await caller.value } }
    }

    @Test func theComputationIsABackgroundTaskThatADrainCancels() async throws {
        let tasks = BackgroundTasks()
        let memo = Memo(tasks: tasks)
        let computation = Computation()
        let caller = Task { try await memo.value(for: "k", compute: computation.run) }
        try await waitUntil { memo.waiterCount(for: "k") == 1 }
        #expect(tasks.count == 1)
        await tasks.cancelAllAndWait()
        await #expect(throws: CancellationError.self) { try await caller.value }
        #expect(computation.cancelled.value == 1 && tasks.count == 0 && memo.waiterCount(for: "k") == 0)
    }

    @Test func aCallerCancelledBeforeAskingStartsNothing() async throws {
        let tasks = BackgroundTasks()
        let memo = Memo(tasks: tasks)
        let computation = Computation()
        let caller = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await memo.value(for: "k", compute: computation.run)
        }
        await #expect(throws: CancellationError.self) { try await caller.value }
        #expect(computation.runs.value == 0 && tasks.count == 0)
    }
}
