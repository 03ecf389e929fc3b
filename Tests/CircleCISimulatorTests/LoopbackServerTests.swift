import CircleCISimulator
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The same API over real HTTP on 127.0.0.1, with URLSession.
@Suite struct LoopbackServerTests {
    @Test func servesTheAPIWithCloseAndLengthHeaders() async throws {
        try await withServer { _, host in
            #expect(host.host == "127.0.0.1")
            let reply = try await fetch(host.adding("/api/v2/project/gh/acme/api/pipeline"))
            #expect(reply.status == 200)
            #expect(reply.header("Connection")?.lowercased() == "close")
            #expect(reply.header("Content-Type") == "application/json")
            #expect(reply.header("Content-Length") == String(reply.body.count))
            #expect((reply.object["items"] as? [Any])?.count == 20)
            let errors = try Conformance.check(reply.body, operationID: "listPipelinesForProject", status: 200)
            #expect(errors.isEmpty)
        }
    }

    /// Stopping used to take two seconds however idle the server was.
    @Test func stoppingIsPromptAndTheServerCanStartAgain() async throws {
        let sim = Simulator(now: fixedNow)
        let first = try await sim.startServer(port: 0)
        #expect(try await fetch(first.adding("/api/v2/me")).status == 200)
        await sim.stopServer()
        await #expect(throws: (any Error).self) { try await fetch(first.adding("/api/v2/me")) }
        let second = try await sim.startServer(port: 0)
        #expect(try await fetch(second.adding("/api/v2/me")).status == 200)
        await sim.stopServer()
    }

    @Test func rawAndEncodedSlugsAndPaginationOverHTTP() async throws {
        try await withServer { _, host in
            let raw = try await fetch(host.adding("/api/v2/project/gh/acme/api/pipeline"))
            let encoded = try await fetch(host.adding("/api/v2/project/gh%2Facme%2Fapi/pipeline"))
            #expect(raw.body == encoded.body)
            let token = try #require(raw.object["next_page_token"] as? String)
            let page2 = try await fetch(host.adding("/api/v2/project/gh/acme/api/pipeline?page-token=\(token)"))
            #expect(page2.status == 200)
            let first = (raw.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            let second = (page2.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(Set(first).isDisjoint(with: second))
        }
    }

    @Test func authErrorsAndUnknownRoutesOverHTTP() async throws {
        try await withServer { sim, host in
            let missing = try await fetch(host.adding("/api/v2/me"), token: nil)
            #expect(missing.status == 401)
            #expect(missing.object["message"] as? String == "Invalid token provided.")
            let unknown = try await fetch(host.adding("/api/v2/nowhere"))
            #expect(unknown.status == 404)
            #expect(unknown.object["message"] as? String == "Not found")
            let entries = await sim.requestLog.entries
            #expect(entries.map(\.status) == [401, 404])
            #expect(entries.map(\.authPresented) == [false, true])
        }
    }

    @Test func writesOverHTTP() async throws {
        try await withServer { _, host in
            let created = try await fetch(host.adding("/api/v2/project/gh/acme/web/pipeline"), method: "POST",
                                          body: #"{"branch":"feature/dark-mode","parameters":{"deploy":false}}"#)
            #expect(created.status == 201)
            let list = try await fetch(host.adding("/api/v2/project/gh/acme/web/pipeline"))
            let top = (list.object["items"] as? [[String: Any]])?.first
            #expect(top?["id"] as? String == created.object["id"] as? String)
        }
    }

    @Test func stepOutputIsServedByAnotherHostWithoutToken() async throws {
        try await withServer { sim, host in
            let samples = try await Shared.samples.value
            let number = samples.expand("{build-failed-number}")
            let build = try await fetch(host.adding("/api/v1.1/project/github/acme/api/\(number)"))
            #expect(build.status == 200)
            let steps = try #require(build.object["steps"] as? [[String: Any]])
            let actions = steps.flatMap { $0["actions"] as? [[String: Any]] ?? [] }
            let failed = try #require(actions.first { $0["status"] as? String == "failed" })
            let outputURL = try #require((failed["output_url"] as? String).flatMap(URL.init(string:)))
            #expect(outputURL.host != host.host || outputURL.port != host.port)
            #expect(outputURL.host == "127.0.0.2" || outputURL.port != host.port)
            await sim.requestLog.reset()
            let output = try await fetch(outputURL, token: nil)
            #expect(output.status == 200)
            let lines = try #require(try JSONSerialization.jsonObject(with: output.body) as? [[String: Any]])
            #expect(lines.first?["type"] as? String == "out")
            #expect((lines.first?["message"] as? String)?.contains("Exited with code exit status 1") == true)
            #expect(Set(lines.first?.keys.map { $0 } ?? []) == ["message", "time", "truncated", "type"])
            #expect(await sim.requestLog.authPresented(on: .output) == false)
            let entry = try #require(await sim.requestLog.entries.last)
            #expect(entry.host == .output)
            #expect(entry.operationID == "getStepOutput")
            var tampered = URLComponents(url: outputURL, resolvingAgainstBaseURL: false)
            tampered?.queryItems = [URLQueryItem(name: "X-Amz-Signature", value: "forged")]
            let forged = try await fetch(try #require(tampered?.url), token: nil)
            #expect(forged.status == 403)
        }
    }

    @Test func runServesUntilCancelled() async throws {
        let sim = Simulator(now: fixedNow, seed: 1)
        let (stream, continuation) = AsyncStream.makeStream(of: URL.self)
        let task = Task { try await sim.run(port: 0) { continuation.yield($0) } }
        var iterator = stream.makeAsyncIterator()
        let host = try #require(await iterator.next())
        #expect(try await fetch(host.adding("/api/v2/me")).status == 200)
        task.cancel()
        try await task.value
        await #expect(throws: (any Error).self) { _ = try await fetch(host.adding("/api/v2/me")) }
    }
}
