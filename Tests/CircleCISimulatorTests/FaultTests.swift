import CircleCISimulator
import Foundation
import Testing

/// Latency and fault knobs, in-process and over HTTP.
@Suite struct FaultTests {
    @Test(arguments: [
        (SimulatorFault.RateLimitBody.json, "application/json", #"{"message":"Rate limit exceeded."}"#),
        (.plainText, "text/plain; charset=utf-8", "Rate limited."),
        (.emptyObject, "application/json", "{}"),
    ])
    func rateLimitBurstThenRecovery(_ body: SimulatorFault.RateLimitBody, _ type: String, _ text: String) async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.inject(.rateLimited(retryAfter: 2, body: body), count: 2, matching: .path(contains: "/pipeline"))
        for _ in 0..<2 {
            let limited = try await sim.call(.get, "/project/gh/acme/api/pipeline")
            #expect(limited.status == 429)
            #expect(limited.headers[.retryAfter] == "2")
            #expect(limited.headers[.contentType] == type)
            #expect(limited.text == text)
        }
        #expect(try await sim.call(.get, "/me").status == 200)
        #expect(try await sim.call(.get, "/project/gh/acme/api/pipeline").status == 200)
        let log = await sim.requestLog.entries
        #expect(log.map(\.status) == [429, 429, 200, 200])
        #expect(log.first?.fault == .rateLimited(retryAfter: 2, body: body))
    }

    @Test(arguments: [502, 503, 504])
    func serverErrorBurstScopedToAnOperation(_ status: Int) async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.inject(.serverError(status: status), count: 3, matching: .operation("getCurrentUser"))
        #expect(try await sim.call(.get, "/project/gh/acme/api").status == 200)
        for _ in 0..<3 { #expect(try await sim.call(.get, "/me").status == status) }
        #expect(try await sim.call(.get, "/me").status == 200)
        #expect(await sim.faults.pendingCount == 0)
    }

    @Test func truncatedBodyIsInvalidJSONWithMatchingLength() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        let whole = try await sim.call(.get, "/project/gh/acme/api/pipeline")
        await sim.faults.inject(.truncatedBody())
        let cut = try await sim.call(.get, "/project/gh/acme/api/pipeline")
        #expect(cut.status == 200)
        #expect(cut.body.count == whole.body.count / 2)
        #expect(cut.headers[.contentLength] == String(cut.body.count))
        #expect(whole.body.starts(with: cut.body))
        #expect(cut.json == nil)
    }

    @Test func htmlErrorPage() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.inject(.htmlErrorPage(status: 502))
        let reply = try await sim.call(.get, "/me")
        #expect(reply.status == 502)
        #expect(reply.headers[.contentType] == "text/html")
        #expect(reply.text.contains("<title>502 Bad Gateway</title>"))
    }

    @Test func latencyAndSlowBodiesTakeTime() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.setLatency(.milliseconds(40))
        let clock = ContinuousClock()
        let latency = try await clock.measure { _ = try await sim.call(.get, "/me") }
        #expect(latency >= .milliseconds(40))
        await sim.faults.clear()
        await sim.faults.inject(.slowBody(.milliseconds(80)))
        let slow = try await clock.measure { _ = try await sim.call(.get, "/me") }
        #expect(slow >= .milliseconds(80))
    }

    @Test func faultsOverHTTP() async throws {
        try await withServer { sim, host in
            await sim.faults.inject(.serverError(status: 503), count: 2, matching: .any)
            await sim.faults.inject(.rateLimited(retryAfter: 1, body: .plainText), count: 1, matching: .any)
            let url = host.adding("/api/v2/me")
            #expect(try await fetch(url).status == 503)
            #expect(try await fetch(url).status == 503)
            let limited = try await fetch(url)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "1")
            #expect(limited.text == "Rate limited.")
            #expect(try await fetch(url).status == 200)

            await sim.faults.inject(.slowBody(.milliseconds(160)))
            let start = ContinuousClock.now
            let slow = try await fetch(host.adding("/api/v2/project/gh/acme/api/pipeline"))
            #expect(ContinuousClock.now - start >= .milliseconds(140))
            #expect((slow.object["items"] as? [Any])?.count == 20)

            await sim.faults.inject(.truncatedBody(keepingBytes: 10))
            let cut = try await fetch(url)
            #expect(cut.body.count == 10)
        }
    }

    @Test func requestLogRecordsWithoutTokens() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        _ = try await sim.call(.get, "/project/gh/acme/api/pipeline?branch=main")
        _ = try await sim.call(.get, "/me?circle-token=\(Simulator.demoToken)", token: nil)
        let entries = await sim.requestLog.entries
        #expect(entries.count == 2)
        #expect(entries[0].operationID == "listPipelinesForProject")
        #expect(entries[0].query == "branch=main")
        #expect(entries[0].path == "/api/v2/project/gh/acme/api/pipeline")
        #expect(entries[0].authPresented)
        #expect(entries[1].query == "circle-token=REDACTED")
        #expect(!entries.map { "\($0)" }.joined().contains(Simulator.demoToken))
        #expect(await sim.requestLog.count(operationID: "getCurrentUser") == 1)
        await sim.requestLog.reset()
        #expect(await sim.requestLog.count == 0)
    }
}
