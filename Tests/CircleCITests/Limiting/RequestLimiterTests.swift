import Testing

@testable import CircleCI

/// The limiter on its own: permits, waiting order, cancellation and the
/// additive-increase, multiplicative-decrease arithmetic.
@Suite struct RequestLimiterTests {
    @Test func theMaximumIsAtLeastOneAndTheLimitStartsThere() {
        #expect(RequestLimiter(maximum: 0).maximum == 1)
        let limiter = RequestLimiter(maximum: 8)
        #expect(limiter.limit == 8 && limiter.inFlight == 0 && limiter.waiting == 0)
    }

    @Test func aBurstOfRateLimitsHalvesOnceAndLaterOnesHalveAgainDownToOne() async throws {
        let limiter = RequestLimiter(maximum: 8)
        var burst: [RequestLimiter.Permit] = []
        for _ in 0..<8 { burst.append(try await limiter.acquire()) }
        for permit in burst { limiter.release(permit, outcome: .rateLimited) }
        #expect(limiter.limit == 4, "eight 429s to requests sent under one limit halve it once")
        var limits: [Int] = []
        for _ in 0..<3 {
            limiter.release(try await limiter.acquire(), outcome: .rateLimited)
            limits.append(limiter.limit)
        }
        #expect(limits == [2, 1, 1])
    }

    @Test func consecutiveSuccessesRaiseTheLimitByOneUpToTheMaximum() async throws {
        let limiter = RequestLimiter(maximum: 4)
        for _ in 0..<2 { limiter.release(try await limiter.acquire(), outcome: .rateLimited) }
        #expect(limiter.limit == 1)
        var limits: [Int] = []
        for _ in 0..<12 {
            limiter.release(try await limiter.acquire(), outcome: .succeeded)
            limits.append(limiter.limit)
        }
        #expect(limits == [2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4])
    }

    @Test func aRateLimitRestartsTheRunOfSuccesses() async throws {
        let limiter = RequestLimiter(maximum: 8)
        limiter.release(try await limiter.acquire(), outcome: .rateLimited)
        for _ in 0..<3 { limiter.release(try await limiter.acquire(), outcome: .succeeded) }
        limiter.release(try await limiter.acquire(), outcome: .rateLimited)
        #expect(limiter.limit == 2)
        limiter.release(try await limiter.acquire(), outcome: .succeeded)
        limiter.release(try await limiter.acquire(), outcome: .neutral)
        #expect(limiter.limit == 2, "a neutral outcome is not a success")
        limiter.release(try await limiter.acquire(), outcome: .succeeded)
        #expect(limiter.limit == 3)
    }

    @Test func waitersAreAdmittedInArrivalOrderAsPermitsReturn() async throws {
        let limiter = RequestLimiter(maximum: 1)
        let gate = Gate()
        let holder = Task { try await limiter.withPermit { try await gate.wait() } }
        try await waitUntil { limiter.inFlight == 1 }
        let order = Locked<[Int]>([])
        var waiters: [Task<Void, any Error>] = []
        for index in 0..<5 {
            waiters.append(Task { try await limiter.withPermit { order.update { $0.append(index) } } })
            try await waitUntil { limiter.waiting == index + 1 }
        }
        gate.open()
        try await holder.value
        for waiter in waiters { try await waiter.value }
        #expect(order.value == [0, 1, 2, 3, 4])
        #expect(limiter.inFlight == 0 && limiter.waiting == 0)
    }

    @Test func aWaiterCancelledWhileWaitingThrowsAtOnceAndTakesNoPermit() async throws {
        let limiter = RequestLimiter(maximum: 1)
        let gate = Gate()
        let holder = Task { try await limiter.withPermit { try await gate.wait() } }
        try await waitUntil { limiter.inFlight == 1 }
        let ran = Locked(false)
        let waiter = Task { try await limiter.withPermit { ran.update { $0 = true } } }
        try await waitUntil { limiter.waiting == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(limiter.waiting == 0 && limiter.inFlight == 1, "the holder still holds the only permit")
        gate.open()
        try await holder.value
        #expect(!ran.value)
        #expect(limiter.inFlight == 0)
        try await limiter.withPermit {}
    }

    @Test func anAlreadyCancelledTaskGetsNoPermit() async throws {
        let limiter = RequestLimiter(maximum: 2)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await limiter.withPermit { 1 }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(limiter.inFlight == 0 && limiter.waiting == 0)
    }

    @Test func thePermitIsReturnedWhenTheBodyThrows() async throws {
        struct Failure: Error {}
        let limiter = RequestLimiter(maximum: 1)
        for _ in 0..<3 {
            await #expect(throws: Failure.self) { try await limiter.withPermit { throw Failure() } }
        }
        #expect(limiter.inFlight == 0 && limiter.limit == 1)
        #expect(try await limiter.withPermit { 42 } == 42)
    }

    @Test func aLoweredLimitHoldsWaitersUntilEnoughPermitsReturn() async throws {
        let limiter = RequestLimiter(maximum: 4)
        var held: [RequestLimiter.Permit] = []
        for _ in 0..<4 { held.append(try await limiter.acquire()) }
        let waiter = Task { try await limiter.withPermit {} }
        try await waitUntil { limiter.waiting == 1 }
        limiter.release(held.removeLast(), outcome: .rateLimited)
        #expect(limiter.limit == 2 && limiter.inFlight == 3 && limiter.waiting == 1)
        limiter.release(held.removeLast(), outcome: .neutral)
        #expect(limiter.inFlight == 2 && limiter.waiting == 1, "two in flight is the new limit")
        limiter.release(held.removeLast(), outcome: .neutral)
        try await waiter.value
        limiter.release(held.removeLast(), outcome: .neutral)
        #expect(limiter.inFlight == 0 && limiter.waiting == 0)
    }
}
