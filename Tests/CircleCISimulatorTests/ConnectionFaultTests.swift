import CircleCI
import CircleCISimulator
import Foundation
import HTTPTypes
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The knobs issue 10 asked for: page N of a list, bodies cut short, resets,
/// requests never answered, bodies echoing the token, far `Retry-After`s and
/// cross-host redirects, on both transports.
@Suite(.serialized) struct ConnectionFaultTests {
    static let pipelines = "/project/gh/acme/api/pipeline"

    @Test func aFaultCanTargetPageNOfAList() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.inject(.serverError(status: 500), count: 1, matching: .page(2, of: "listPipelinesForProject"))
        let first = try await sim.call(.get, Self.pipelines)
        #expect(first.status == 200)
        let token = try #require(first.nextPageToken)
        #expect(try await sim.call(.get, Self.pipelines + "?page-token=" + token).status == 500)
        let second = try await sim.call(.get, Self.pipelines + "?page-token=" + token)
        #expect(second.status == 200)
        let third = try await sim.call(.get, Self.pipelines + "?page-token=" + (try #require(second.nextPageToken)))
        #expect(third.status == 200)
        #expect(await sim.requestLog.entries.map(\.status) == [200, 500, 200, 200])
    }

    @Test func aPageFaultCountsEveryRequestForThatPage() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.inject(.serverError(status: 500), count: nil, matching: .page(3, of: "listPipelinesForProject"))
        var token = try #require(try await sim.call(.get, Self.pipelines).nextPageToken)
        token = try #require(try await sim.call(.get, Self.pipelines + "?page-token=" + token).nextPageToken)
        for _ in 0..<3 { #expect(try await sim.call(.get, Self.pipelines + "?page-token=" + token).status == 500) }
    }

    @Test(arguments: [SimulatorFault.cutShortBody(), .connectionReset()])
    func aCutConnectionInProcessIsTheTransportErrorHTTPGives(_ fault: SimulatorFault) async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.inject(fault)
        let error = try await #require(throws: TransportError.self) { try await sim.call(.get, Self.pipelines) }
        #expect(error.kind == .connectionLost)
        #expect((error.underlyingError as? URLError)?.code == .networkConnectionLost)
        #expect(try await sim.call(.get, Self.pipelines).status == 200)
    }

    @Test func aRequestNeverAnsweredInProcessWaitsUntilCancelled() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.inject(.noResponse)
        let call = Task { try await sim.call(.get, "/me") }
        try await waitUntil { await sim.requestLog.arrived == 1 }
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(await sim.requestLog.count == 0, "never answered")
        #expect(try await sim.call(.get, "/me").status == 200)
    }

    @Test(arguments: [400, 401, 403, 404, 429, 500])
    func anErrorBodyCanEchoThePresentedToken(_ status: Int) async throws {
        let token = "CCIPAT_Echo000000000000000_fedcba9876543210fedcba9876543210fedcba98"
        let sim = Simulator(now: fixedNow, seed: 3, token: token)
        await sim.faults.inject(.echoToken(status: status))
        let reply = try await sim.call(.get, "/me", token: token)
        #expect(reply.status == status)
        #expect(reply.message == "token \(token) is not valid")
    }

    @Test func aSimulatorAcceptsOnlyTheTokenItWasMadeWith() async throws {
        let sim = Simulator(now: fixedNow, seed: 3, token: "CCIPAT_Configured_0123456789abcdef")
        #expect(try await sim.call(.get, "/me", token: "CCIPAT_Configured_0123456789abcdef").status == 200)
        #expect(try await sim.call(.get, "/me").status == 401, "not the demo token")
    }

    @Test func aFarRetryAfterCanBeAnHTTPDate() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        let until = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01T00:00:00Z
        await sim.faults.inject(.rateLimitedUntil(until, body: .plainText))
        let reply = try await sim.call(.get, "/me")
        #expect(reply.status == 429)
        #expect(reply.headers[.retryAfter] == "Fri, 01 Jan 2100 00:00:00 GMT")
        #expect(reply.text == "Rate limited.")
    }

    @Test func aCrossHostRedirectPointsAtTheOtherHostWhichWantsTheToken() async throws {
        let sim = Simulator(now: fixedNow, seed: 3)
        await sim.faults.inject(.crossHostRedirect(status: 307))
        let redirect = try await sim.call(.get, Self.pipelines + "?branch=main")
        #expect(redirect.status == 307)
        let location = try #require(redirect.headers[.location])
        #expect(location == "https://step-output.simulator.invalid/api/v2\(Self.pipelines)?branch=main")
        let authority = "step-output.simulator.invalid"
        let path = "/api/v2\(Self.pipelines)?branch=main"
        #expect(try await sim.call(.get, path, token: nil, authority: authority).status == 401)
        #expect(try await sim.call(.get, path, authority: authority).status == 200)
    }

    @Test func connectionFaultsOverHTTP() async throws {
        try await withServer { sim, host in
            let url = host.adding("/api/v2\(Self.pipelines)")
            let whole = try await fetch(url)
            // On Linux URLSession reports a body cut short as `.unknown` ("transfer
            // closed with N bytes remaining to read"), a reset as `.networkConnectionLost`.
            for fault in [SimulatorFault.cutShortBody(keepingBytes: 100), .connectionReset(afterBytes: 100)] {
                await sim.faults.inject(fault)
                let error = try await #require(throws: URLError.self, "\(fault)") { try await fetch(url) }
                #expect([.networkConnectionLost, .unknown].contains(error.code), "\(fault): \(error)")
            }
            #expect(try await fetch(url).body == whole.body)
        }
    }

    @Test func aCutShortBodyAnnouncesTheWholeLengthAndSendsLess() async throws {
        try await withServer { sim, host in
            let url = host.adding("/api/v2/me")
            let whole = try await fetch(url)
            await sim.faults.inject(.cutShortBody(keepingBytes: 10))
            let raw = try await RawHTTP.get(host: host, path: "/api/v2/me", token: Simulator.demoToken)
            #expect(raw.head.contains("Content-Length: \(whole.body.count)"))
            #expect(raw.body.count == 10)
            #expect(whole.body.starts(with: raw.body))
            #expect(!raw.reset)
        }
    }

    @Test func aResetSendsPartOfTheBodyThenResetsTheConnection() async throws {
        try await withServer { sim, host in
            await sim.faults.inject(.connectionReset(afterBytes: 10))
            let raw = try await RawHTTP.get(host: host, path: "/api/v2/me", token: Simulator.demoToken)
            #expect(raw.head.hasPrefix("HTTP/1.1 200"))
            #expect(raw.body.count == 10)
            #expect(raw.reset)
        }
    }

    @Test func aRequestNeverAnsweredOverHTTPTimesOut() async throws {
        try await withServer { sim, host in
            await sim.faults.inject(.noResponse)
            var request = URLRequest(url: host.adding("/api/v2/me"))
            request.setValue(Simulator.demoToken, forHTTPHeaderField: "Circle-Token")
            request.timeoutInterval = 1
            let error = try await #require(throws: URLError.self) { try await testSession.data(for: request) }
            #expect(error.code == .timedOut)
            #expect(try await fetch(host.adding("/api/v2/me")).status == 200)
        }
    }

    @Test func aCrossHostRedirectOverHTTPLeadsToTheOutputHost() async throws {
        try await withServer { sim, host in
            await sim.faults.inject(.crossHostRedirect(status: 302))
            let raw = try await RawHTTP.get(host: host, path: "/api/v2/me", token: Simulator.demoToken)
            #expect(raw.head.hasPrefix("HTTP/1.1 302"))
            let location = try #require(raw.head.split(separator: "\r\n").first { $0.hasPrefix("Location: ") })
            let target = try #require(URL(string: String(location.dropFirst("Location: ".count))))
            #expect(target.host != host.host || target.port != host.port)
            #expect(try await fetch(target, token: nil).status == 401)
            #expect(try await fetch(target).status == 200)
        }
    }
}
