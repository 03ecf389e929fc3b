import CircleCISimulator
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The request log's count of requests in flight, on every way a request can end.
@Suite struct InFlightTests {
    @Test func inProcessRequestsCancelledDuringTheLatencyAreCountedOut() async throws {
        let sim = Simulator(now: fixedNow)
        await sim.faults.setLatency(.seconds(30))
        let tasks = (0..<5).map { _ in Task { try await sim.call(.get, "/me") } }
        try await waitUntil { sim.requestLog.inFlight == 5 }
        #expect(sim.requestLog.peakInFlight == 5)
        for task in tasks { task.cancel() }
        for task in tasks { _ = await task.result }
        #expect(sim.requestLog.inFlight == 0 && sim.requestLog.peakInFlight == 5)
        await sim.requestLog.reset()
        #expect(sim.requestLog.peakInFlight == 0)
    }

    @Test func inProcessAnsweredRequestsAndCancelledSlowBodiesAreCountedOut() async throws {
        let sim = Simulator(now: fixedNow)
        for _ in 0..<3 { _ = try await sim.call(.get, "/me") }
        #expect(await sim.requestLog.count == 3)
        #expect(sim.requestLog.inFlight == 0 && sim.requestLog.peakInFlight == 1)
        await sim.faults.inject(.slowBody(.seconds(30)))
        let slow = Task { try await sim.call(.get, "/me") }
        try await waitUntil { await sim.requestLog.count == 4 }
        #expect(sim.requestLog.inFlight == 1, "answered, and its body still on the way")
        slow.cancel()
        _ = await slow.result
        #expect(sim.requestLog.inFlight == 0)
    }

    @Test func overHTTPAnsweredRequestsAndSlowBodiesAreCountedOutBeforeTheClientHasThem() async throws {
        try await withServer { sim, host in
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await fetch(host.adding("/api/v2/me")).status) }
            #expect(sim.requestLog.inFlight == 0 && sim.requestLog.peakInFlight == 1)
            await sim.faults.inject(.slowBody(.milliseconds(80)))
            statuses.append(try await fetch(host.adding("/api/v2/me")).status)
            #expect(sim.requestLog.inFlight == 0)
            statuses.append(try await fetch(host.adding("/api/v2/nowhere")).status)
            #expect(sim.requestLog.inFlight == 0)
            #expect(statuses == [200, 200, 200, 200, 404])
        }
    }

    @Test func overHTTPRequestsCutOffByStoppingTheServerAreCountedOut() async throws {
        let sim = Simulator(now: fixedNow)
        let host = try await sim.startServer(port: 0)
        await sim.faults.setLatency(.seconds(30))
        let tasks = (0..<4).map { _ in Task { try await fetch(host.adding("/api/v2/me")) } }
        try await waitUntil { sim.requestLog.inFlight == 4 }
        await sim.stopServer()
        #expect(sim.requestLog.inFlight == 0 && sim.requestLog.peakInFlight == 4)
        for task in tasks { task.cancel() }
        for task in tasks { _ = await task.result }
    }

    @Test func overHTTPASlowBodyWhoseClientHungUpIsCountedOut() async throws {
        try await withServer { sim, host in
            await sim.faults.inject(.slowBody(.seconds(2)))
            let request = Task { try await fetch(host.adding("/api/v2/me")) }
            try await waitUntil { await sim.requestLog.count == 1 }
            #expect(sim.requestLog.inFlight == 1, "answered, and its body still trickling")
            request.cancel()
            _ = await request.result
            try await waitUntil { sim.requestLog.inFlight == 0 }
        }
    }
}
