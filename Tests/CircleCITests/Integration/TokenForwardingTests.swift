import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// The token goes to the API host and nowhere else.
///
/// The simulator serves no redirects, so cross-host redirects stay covered by
/// the client's own `MiddlewareTests`.
@Suite("The token is not forwarded to other hosts")
struct TokenForwardingTests {
    @Test func stepOutputIsFetchedFromTheOutputHostWithoutTheToken() async throws {
        try await withLiveSimulator { live in
            let number = try await LiveAuthTests.firstBuildJobNumber(live.client)
            let steps = try await live.client.jobSteps(project: Landmarks.api, jobNumber: number)
            let actions = steps.flatMap(\.actions).filter { $0.hasOutput == true }
            #expect(actions.count > 2)
            for action in actions.prefix(3) {
                let url = try #require(action.outputURL.flatMap(URL.init(string:)))
                #expect(url.host != live.host.host, "presigned output lives on another host")
                #expect(url.query?.contains("X-Amz-Signature=") == true)
                let output = try await live.client.stepOutput(action)
                #expect(!output.isEmpty)
            }
            let entries = await live.log.entries
            let output = entries.filter { $0.host == .output }
            #expect(output.count == 3 && output.allSatisfy { $0.status == 200 && !$0.authPresented })
            #expect(await live.log.authPresented(on: .output) == false)
            let api = entries.filter { $0.host == .api }
            #expect(!api.isEmpty && api.allSatisfy(\.authPresented))
            #expect(await live.log.authPresented(on: .api))
        }
    }

    @Test func aTamperedSignatureIsRefusedByTheOutputHost() async throws {
        try await withLiveSimulator { live in
            let number = try await LiveAuthTests.firstBuildJobNumber(live.client)
            let steps = try await live.client.jobSteps(project: Landmarks.api, jobNumber: number)
            var action = try #require(steps.flatMap(\.actions).first { $0.hasOutput == true })
            action.outputURL = action.outputURL?.replacingOccurrences(of: "X-Amz-Signature=", with: "X-Amz-Signature=0")
            let error = try await #require(throws: CircleCIError.self) { try await live.client.stepOutput(action) }
            #expect(error.kind == .forbidden && error.operationID == "getStepOutput")
            #expect(error.path?.contains("X-Amz") == false, "the signed query is not echoed")
            #expect(await live.log.authPresented(on: .output) == false)
        }
    }
}
