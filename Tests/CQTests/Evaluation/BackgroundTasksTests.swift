import CQ
import Testing

/// The registry of an evaluation's unstructured tasks.
@Suite struct BackgroundTasksTests {
    @TaskLocal static var binding: String?

    @Test func finishedTasksAreForgotten() async throws {
        let tasks = BackgroundTasks()
        let spawned = (0..<10_000).map { index in tasks.spawn { index } }
        var sum = 0
        for task in spawned { sum += try await task.value }
        #expect(sum == (0..<10_000).reduce(0, +))
        try await waitUntil { tasks.count == 0 }
    }

    @Test func cancelAllAndWaitCancelsEveryTaskAndAwaitsItsEnd() async throws {
        let tasks = BackgroundTasks()
        let never = Gate()
        let cleanup = Gate()
        let cleanedUp = Locked(0)
        for _ in 0..<5 {
            tasks.spawn {
                do {
                    try await never.wait()
                } catch {
                    await cleanup.waitIgnoringCancellation()
                    cleanedUp.update { $0 += 1 }
                    throw error
                }
            }
        }
        try await waitUntil { never.waiting == 5 }
        let drained = Locked(false)
        let drain = Task {
            await tasks.cancelAllAndWait()
            drained.update { $0 = true }
        }
        try await waitUntil { cleanup.waiting == 5 }
        #expect(!drained.value, "five tasks are still cleaning up")
        cleanup.open()
        await drain.value
        #expect(cleanedUp.value == 5 && tasks.count == 0)
    }

    @Test func tasksStartedDuringADrainOrByACancelledCallerStartCancelled() async throws {
        let tasks = BackgroundTasks()
        let cleanup = Gate()
        tasks.spawn {
            try? await Gate().wait()
            await cleanup.waitIgnoringCancellation()
        }
        let drain = Task { await tasks.cancelAllAndWait() }
        try await waitUntil { cleanup.waiting == 1 }
        #expect(try await tasks.spawn { Task.isCancelled }.value, "started during the drain")
        cleanup.open()
        await drain.value
        #expect(try await tasks.spawn { Task.isCancelled }.value == false)
        let cancelledCaller = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await tasks.spawn { Task.isCancelled }.value
        }
        #expect(try await cancelledCaller.value)
    }

    @Test func tasksInheritTaskLocalValues() async throws {
        let tasks = BackgroundTasks()
        let seen = try await Self.$binding.withValue("limiter") {
            try await tasks.spawn { Self.binding }.value
        }
        #expect(seen == "limiter")
    }
}
