import CircleCISimulator
import Foundation
import HTTPTypes
import Testing

/// Routing, slugs, authentication, pagination and error bodies, in-process.
@Suite struct RoutingTests {
    let sim = Shared.simulator

    @Test(arguments: ["gh/acme/api", "github/acme/api", "gh%2Facme%2Fapi", "GH/Acme/API", "github%2Facme%2Fapi"])
    func slugFormsResolveToTheSameProject(_ slug: String) async throws {
        let reply = try await sim.call(.get, "/project/\(slug)")
        #expect(reply.status == 200)
        #expect(reply.object["slug"] as? String == "gh/acme/api")
    }

    @Test(arguments: ["bb/acme/legacy", "bitbucket/acme/legacy", "bb%2Facme%2Flegacy"])
    func bitbucketSlugs(_ slug: String) async throws {
        let reply = try await sim.call(.get, "/project/\(slug)/pipeline")
        #expect(reply.status == 200)
        #expect(reply.items.allSatisfy { $0["project_slug"] as? String == "bb/acme/legacy" })
    }

    @Test func circleciSlugResolvesByIDs() async throws {
        let slug = try #require(await sim.projectSlugs().first { $0.hasPrefix("circleci/") })
        let reply = try await sim.call(.get, "/project/\(slug)")
        #expect(reply.status == 200)
        #expect(reply.object["organization_slug"] as? String == slug.split(separator: "/").prefix(2).joined(separator: "/"))
        #expect((reply.object["vcs_info"] as? [String: Any])?["provider"] as? String == "CircleCI")
    }

    @Test(arguments: [
        (nil as String?, "Invalid token provided."),
        ("wrong-token", "Invalid token provided."),
    ])
    func missingOrWrongTokenIs401(_ token: String?, _ message: String) async throws {
        let reply = try await sim.call(.get, "/project/gh/acme/api/pipeline", token: token)
        #expect(reply.status == 401)
        #expect(reply.message == message)
    }

    @Test func bearerAndBasicAuthAreAccepted() async throws {
        for header in ["Bearer \(Simulator.demoToken)",
                       "Basic " + Data("\(Simulator.demoToken):".utf8).base64EncodedString()] {
            var fields = HTTPFields()
            fields[.authorization] = header
            let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/me", headerFields: fields)
            let (response, _) = try await sim.transport.send(request, body: nil, baseURL: Simulator.apiBaseURL,
                                                             operationID: "getCurrentUser")
            #expect(response.status.code == 200)
        }
    }

    @Test func queryParameterTokenIsRefused() async throws {
        let reply = try await sim.call(.get, "/me?circle-token=\(Simulator.demoToken)", token: nil)
        #expect(reply.status == 401)
        #expect(reply.message?.contains("query parameter authentication has been deprecated") == true)
    }

    @Test(arguments: [
        ("/project/gh/acme/nope", 404, "Project not found"),
        ("/project/gh/acme/api/pipeline/999999", 404, "Pipeline not found"),
        ("/pipeline/7b3c3f4e-5f0b-4a53-9d3c-1f9f8d3a2b1c", 404, "Pipeline not found"),
        ("/workflow/7b3c3f4e-5f0b-4a53-9d3c-1f9f8d3a2b1c", 404, "Workflow not found"),
        ("/workflow/nonsense", 400, "Workflow ID provided is invalid."),
        ("/project/gh/acme/api/job/1", 404, "Job not found"),
        ("/no/such/route", 404, "Not found"),
        ("/insights/gh/acme/api/workflows?reporting-window=forever", 400, nil),
        ("/insights/gh/acme/api/workflows/build-and-test?end-date=2025-11-01T00:00:00Z", 400,
         "end-date can only be used with start-date."),
        ("/insights/gh/acme/api/workflows/build-and-test?start-date=2025-01-01T00:00:00Z&end-date=2025-11-01T00:00:00Z",
         400, "end-date can be at most 90 days after start-date."),
        ("/insights/gh/acme/api/workflows?all-branches=true&branch=main", 400, nil),
        ("/project/gh/acme/api/pipeline?page-token=garbage", 400, "Invalid page-token."),
    ] as [(String, Int, String?)])
    func errorsUseCircleCIStatusAndMessageBody(_ path: String, _ status: Int, _ message: String?) async throws {
        let reply = try await sim.call(.get, path)
        #expect(reply.status == status)
        #expect(reply.message != nil, "body: \(reply.text)")
        if let message { #expect(reply.message == message) }
        #expect(reply.headers[.contentType] == "application/json")
    }

    @Test func paginationWalksPagesOfTwentyToANullToken() async throws {
        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let path = "/project/gh/acme/api/pipeline" + (token.map { "?page-token=\($0)" } ?? "")
            let reply = try await sim.call(.get, path)
            #expect(reply.object.keys.contains("next_page_token"))
            token = reply.nextPageToken
            #expect(reply.items.count == (token == nil ? reply.items.count : 20))
            seen += reply.items.compactMap { $0["id"] as? String }
            pages += 1
        } while token != nil
        #expect(pages >= 3)
        #expect(seen.count >= 45)
        #expect(Set(seen).count == seen.count)
        let last = try await sim.call(.get, "/project/gh/acme/api/pipeline?page-token=")
        #expect(last.status == 200)
    }

    @Test func pipelinesComeNewestFirst() async throws {
        let numbers = try await sim.all("/project/gh/acme/api/pipeline").compactMap { $0["number"] as? Int }
        #expect(numbers == numbers.sorted(by: >))
    }

    @Test func aTokenFromAnotherListIsRejected() async throws {
        let token = try #require(try await sim.call(.get, "/project/gh/acme/api/pipeline").nextPageToken)
        let reply = try await sim.call(.get, "/project/gh/acme/api/pipeline?branch=main&page-token=\(token)")
        #expect(reply.status == 400)
    }

    @Test func branchFilterIsExact() async throws {
        let items = try await sim.all("/project/gh/acme/api/pipeline?branch=main")
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { ($0["vcs"] as? [String: Any])?["branch"] as? String == "main" })
    }

    @Test func absoluteRequestToAnUnknownHostFails() async throws {
        await #expect(throws: URLError.self) {
            _ = try await sim.call(.get, "/me", authority: "example.com")
        }
    }
}
