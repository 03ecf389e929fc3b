import CircleCI
import Foundation
import Testing

@Suite("Pagination")
struct PaginationTests {
    /// A transport serving `pages` pages of 20 pipelines, tokens "p1", "p2", ….
    func pipelinePages(_ pages: Int) -> ScriptedTransport {
        ScriptedTransport { request, _ in
            let token = request.queryItems.first { $0.name == "page-token" }?.value
            let index = token.flatMap { Int($0.dropFirst()) } ?? 0
            let items = (0..<20).map { Fixtures.pipeline(number: 1000 - index * 20 - $0) }
            return (200, [:], page(items, next: index + 1 < pages ? "p\(index + 1)" : nil))
        }
    }

    @Test func takingThreeItemsCostsOneRequest() async throws {
        let transport = pipelinePages(5)
        let client = try makeClient(transport)
        var numbers: [Int] = []
        for try await pipeline in client.pipelines(project: try ProjectSlug("gh/acme/api")) {
            numbers.append(pipeline.number)
            if numbers.count == 3 { break }
        }
        #expect(numbers == [1000, 999, 998])
        #expect(transport.requests.count == 1)
        #expect(client.metrics.snapshot.requests == 1)
    }

    @Test func takingTwentyFiveItemsCostsTwoRequests() async throws {
        let transport = pipelinePages(5)
        let client = try makeClient(transport)
        let pipelines = try await client.pipelines(project: try ProjectSlug("gh/acme/api")).collect(limit: 25)
        #expect(pipelines.count == 25)
        #expect(transport.requests.count == 2)
        #expect(transport.requests.map(\.query) == ["", "page-token=p1"])
    }

    @Test func nothingIsFetchedUntilIterationStarts() async throws {
        let transport = pipelinePages(1)
        let client = try makeClient(transport)
        let sequence = client.pipelines(project: try ProjectSlug("gh/acme/api"))
        #expect(transport.requests.isEmpty)
        #expect(try await sequence.collect(limit: 0).isEmpty)
        #expect(transport.requests.isEmpty)
    }

    @Test func stopsOnNullEmptyAndRepeatedTokens() async throws {
        for last in ["null", "\"\"", "\"again\""] {
            let transport = ScriptedTransport { request, index in
                let next = index == 0 ? "\"again\"" : last
                return (200, [:], #"{"items": [\#(Fixtures.job)], "next_page_token": \#(next)}"#)
            }
            let client = try makeClient(transport)
            let jobs = try await client.jobs(workflowID: Fixtures.workflowID).collect()
            #expect(jobs.count == 2)
            #expect(transport.requests.count == 2)
        }
    }

    @Test func sendsPageTokenToEndpointsThatDoNotDeclareIt() async throws {
        let slug = try ProjectSlug("gh/acme/api")
        let transport = ScriptedTransport { request, _ in
            let first = !request.query.contains("page-token")
            return (200, [:], #"{"items": [], "next_page_token": \#(first ? "\"tok en/+\"" : "null")}"#)
        }
        let client = try makeClient(transport)
        _ = try await client.jobs(workflowID: Fixtures.workflowID).collect()
        _ = try await client.checkoutKeys(project: slug).collect()
        _ = try await client.environmentVariables(project: slug).collect()
        _ = try await client.contextRestrictions(contextID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d").collect()
        _ = try await client.webhooks(projectID: "39723015-b399-4601-9ff6-bd1bfbed8fa8").collect()
        _ = try await client.jobTimeseries(project: slug, workflowName: "build").collect()
        _ = try await client.artifacts(project: slug, jobNumber: 42).collect()
        _ = try await client.tests(project: slug, jobNumber: 42).collect()
        let second = transport.requests[1]
        #expect(second.queryItems.last == URLQueryItem(name: "page-token", value: "tok en/+"))
        #expect(second.query.hasSuffix("page-token=tok%20en%2F%2B"))
        let withToken = transport.requests.filter { $0.query.contains("page-token=") }
        #expect(withToken.count == 8)
    }

    @Test func pagesExposeTokens() async throws {
        let client = try makeClient(pipelinePages(3))
        var tokens: [String?] = []
        for try await page in client.pipelines(project: try ProjectSlug("gh/acme/api")).pages {
            tokens.append(page.nextPageToken)
        }
        #expect(tokens == ["p1", "p2", nil])
    }

    @Test func invalidArgumentsSurfaceOnFirstIteration() async throws {
        let transport = pipelinePages(1)
        let client = try makeClient(transport)
        await #expect {
            _ = try await client.workflows(pipelineID: "not-a-uuid").collect()
        } throws: { error in
            (error as? CircleCIError)?.kind == .invalidArgument
                && String(describing: error).contains("pipeline ID `not-a-uuid` is not a UUID")
        }
        #expect(transport.requests.isEmpty)
    }
}
