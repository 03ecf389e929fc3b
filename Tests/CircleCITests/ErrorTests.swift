import CircleCI
import Foundation
import Testing

@Suite("Errors")
struct ErrorTests {
    func error(status: Int, body: String, call: (CircleCIClient) async throws -> Void) async throws -> CircleCIError {
        let client = try makeClient(ScriptedTransport(status: status, body: body), retry: .none)
        do {
            try await call(client)
        } catch let error as CircleCIError {
            return error
        }
        Issue.record("expected an error")
        return CircleCIError(kind: .invalidResponse)
    }

    @Test func notFoundNamesTheProjectAndThePermissionCaveat() async throws {
        let error = try await error(status: 404, body: #"{"message": "Project not found"}"#) {
            _ = try await $0.project(try ProjectSlug("gh/acme/nope"))
        }
        #expect(error.kind == .notFound)
        #expect(error.summary == "project gh/acme/nope not found (or your token cannot see it)")
        #expect(error.operationID == "getProjectBySlug")
        #expect(error.method == "GET")
        #expect(error.path == "/project/gh/acme/nope")
        #expect(error.status == 404)
        #expect(error.serverMessage == "Project not found")
        #expect(
            error.description
                == #"project gh/acme/nope not found (or your token cannot see it) [getProjectBySlug GET /project/gh/acme/nope → HTTP 404: "Project not found"]"#
        )
    }

    @Test(arguments: [
        (401, #"{"message": "Invalid token provided."}"#, "unauthorized", "Invalid token provided."),
        (403, #"{"error": "OwnerID: must be a valid UUID."}"#, "forbidden", "OwnerID: must be a valid UUID."),
        (400, "  Bad\nthings  ", "bad request", "Bad things"),
        (500, "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>", "server error", "HTML page: 502 Bad Gateway"),
        (418, "{}", "bad request", nil),
    ] as [(Int, String, String, String?)])
    func statusesMapToKindsWithLenientMessages(status: Int, body: String, kind: String, message: String?) async throws {
        let error = try await error(status: status, body: body) { _ = try await $0.me() }
        #expect(error.kind.description == kind)
        #expect(error.serverMessage == message)
        #expect(error.status == status)
    }

    @Test func longMessagesAreShortened() async throws {
        let error = try await error(status: 400, body: String(repeating: "x", count: 5000)) { _ = try await $0.me() }
        #expect((error.serverMessage?.count ?? 0) <= 301)
    }

    @Test(arguments: [
        ("", "the body is empty"),
        ("   \n", "the body is empty"),
        ("<html><body>Sign in</body></html>", "HTML page instead of JSON"),
        (#"{"slug": "gh/acme/api", "name": "api", "#, "not valid JSON"),
        (#"{"slug": "gh/acme/api"}"#, "missing field `name`"),
        (#"{"slug": "gh/acme/api", "name": 7}"#, "field `name`: expected String"),
    ])
    func unusableBodiesNameTheOperation(body: String, problem: String) async throws {
        let error = try await error(status: 200, body: body) { _ = try await $0.project(try ProjectSlug("gh/acme/api")) }
        #expect(error.kind == .invalidResponse)
        #expect(error.description.contains("getProjectBySlug"))
        #expect(error.description.contains(problem))
    }

    @Test func nestedDecodingErrorsGiveThePath() async throws {
        let body = page([Fixtures.workflow.replacingOccurrences(of: #""pipeline_number": 25"#, with: #""pipeline_number": "x""#)], next: nil)
        let error = try await error(status: 200, body: body) { _ = try await $0.workflows(pipelineID: Fixtures.pipelineID).collect() }
        #expect(error.description.contains("field `items[0].pipeline_number`"))
    }

    @Test func tokenNeverAppearsInErrors() async throws {
        let error = try await error(status: 401, body: #"{"message": "Invalid token provided."}"#) { _ = try await $0.me() }
        var dumped = ""
        dump(error, to: &dumped)
        for text in [error.description, error.summary, String(reflecting: error), dumped] {
            #expect(!text.contains(testToken))
        }
        #expect(error.summary.contains("CIRCLECI_TOKEN"))
    }

    @Test func plainHTTPToARemoteHostIsRefusedBeforeSending() async throws {
        let transport = ScriptedTransport(body: Fixtures.user)
        var configuration = CircleCIConfiguration(token: testToken)
        configuration.host = URL(string: "http://circleci.example.com")!
        let client = CircleCIClient(configuration: configuration, transport: transport)
        await #expect {
            try await client.me()
        } throws: { error in
            (error as? CircleCIError)?.kind == .invalidConfiguration
        }
        #expect(transport.requests.isEmpty)
    }
}
