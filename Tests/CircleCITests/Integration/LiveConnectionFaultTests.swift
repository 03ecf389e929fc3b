import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// Issue 10's losing-rows and token faults, through `URLSessionTransport` over
/// real HTTP: each ends in the right answer after bounded retries, or in a
/// clear error that never holds the token.
@Suite("Connection faults through the client", .serialized)
struct LiveConnectionFaultTests {
    @Test func a500OnPage2IsRetriedAndTheListIsWhole() async throws {
        try await withLiveSimulator { live in
            let whole = try await live.client.pipelines(project: Landmarks.api).collect(limit: 45)
            await live.log.reset()
            await live.simulator.faults.inject(
                .serverError(status: 500), count: 2, matching: .page(2, of: "listPipelinesForProject"))
            let again = try await live.client.pipelines(project: Landmarks.api).collect(limit: 45)
            #expect(again.map(\.id) == whole.map(\.id))
            #expect(await live.log.entries.map(\.status) == [200, 500, 500, 200, 200])
        }
    }

    @Test(arguments: [SimulatorFault.cutShortBody(), .connectionReset(), .cutShortBody(keepingBytes: 0)])
    func aBodyCutShortIsRetriedOnAGet(_ fault: SimulatorFault) async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(fault, count: 2, matching: .operation("listPipelinesForProject"))
            let pipelines = try await live.client.pipelines(project: Landmarks.api).collect(limit: 5)
            #expect(pipelines.count == 5)
            #expect(await live.log.count(operationID: "listPipelinesForProject") == 3)
        }
    }

    @Test func aBodyCutShortEveryTimeSaysHowManyAttemptsWereMade() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.cutShortBody(), count: nil, matching: .operation("getCurrentUser"))
            let error = try await #require(throws: CircleCIError.self) { try await live.client.me() }
            #expect(error.kind == .transport && error.attempts == 4)
            #expect(error.summary.hasPrefix("could not reach CircleCI: the connection was lost"))
            #expect(error.summary.hasSuffix("after 4 attempts"))
            #expect(await live.log.count(operationID: "getCurrentUser") == 4)
        }
    }

    @Test func aPostWhoseBodyIsCutShortIsNotSentAgain() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.connectionReset(), count: 1, matching: .operation("triggerPipeline"))
            let error = try await #require(throws: CircleCIError.self) {
                try await live.client.triggerPipeline(project: Landmarks.api)
            }
            #expect(error.kind == .transport)
            #expect(await live.log.count(operationID: "triggerPipeline") == 1)
        }
    }

    @Test func aRequestNeverAnsweredTimesOutAndIsRetried() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.noResponse, count: 1, matching: .operation("getCurrentUser"))
            let client = live.makeClient(requestTimeout: .milliseconds(500))
            _ = try await client.me()
            #expect(await live.log.arrived == 2)
            #expect(await live.log.count(operationID: "getCurrentUser") == 1, "the first was never answered")
        }
    }

    @Test func aFarRetryAfterAsAnHTTPDateFailsAtOnceSayingWhen() async throws {
        try await withLiveSimulator { live in
            let until = Date().addingTimeInterval(7200)
            await live.simulator.faults.inject(.rateLimitedUntil(until), count: nil)
            let client = CircleCIClient(
                configuration: CircleCIConfiguration(host: live.host, token: Simulator.demoToken),
                transport: URLSessionTransport())
            let error = try await #require(throws: CircleCIError.self) { try await client.me() }
            #expect(error.kind == .rateLimited)
            #expect(error.summary.contains("CircleCI asked to come back in"))
            #expect(error.summary.contains("longer than the longest wait allowed (60 s)"))
            #expect(await live.log.count == 1)
        }
    }

    @Test(arguments: [400, 401, 403, 404, 429, 500])
    func anErrorBodyEchoingTheTokenNeverReachesTheError(_ status: Int) async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.echoToken(status: status), count: nil)
            let error = try await #require(throws: CircleCIError.self) { try await live.client.me() }
            #expect(error.status == status)
            #expect(error.serverMessage == "token <redacted> is not valid")
            #expect(!"\(error)".contains(Simulator.demoToken) && !String(reflecting: error).contains(Simulator.demoToken))
        }
    }

    @Test(arguments: [302, 307])
    func aCrossHostRedirectRefusedWithoutTheTokenIsReportedAsSuch(_ status: Int) async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.crossHostRedirect(status: status), count: 1)
            let error = try await #require(throws: CircleCIError.self) { try await live.client.me() }
            #expect(error.kind == .redirectRefused && error.status == 401)
            #expect(error.summary.hasPrefix("the request was redirected to 127."))
            #expect(error.summary.contains("which refused it without credentials (HTTP 401)"))
            let entries = await live.log.entries
            #expect(entries.map(\.host) == [.api, .output])
            #expect(entries.map(\.authPresented) == [true, false], "the token never crossed hosts")
        }
    }
}
