import CircleCI
import Foundation
import HTTPTypes
import Testing

@testable import ResponseCache

/// Keys and retention decisions, one request or body at a time.
@Suite struct CacheKeyTests {
    let identity = CacheIdentity(host: URL(literal: "https://circleci.com"), token: "CCIPAT_key_tests")
    let v2 = URL(literal: "https://circleci.com/api/v2")

    @Test func theFingerprintIsAHashNeverTheToken() {
        #expect(identity.fingerprint.count == 64)
        #expect(!identity.fingerprint.contains("CCIPAT"))
        #expect(!identity.description.contains("key_tests"))
        #expect(
            identity == CacheIdentity(host: URL(literal: "https://CircleCI.com:443/api/v2"), token: "CCIPAT_key_tests"))
        #expect(identity != CacheIdentity(host: URL(literal: "https://circleci.com"), token: nil))
        #expect(identity != CacheIdentity(host: URL(literal: "http://circleci.com"), token: "CCIPAT_key_tests"))
    }

    @Test func aPresignedURLIsKeyedWithoutItsSignedQuery() throws {
        let first = HTTPRequest(url: URL(literal: "https://output.example/job/1/step/2?X-Amz-Signature=aaa"))
        let second = HTTPRequest(url: URL(literal: "https://output.example/job/1/step/2?X-Amz-Signature=bbb"))
        let other = HTTPRequest(url: URL(literal: "https://output.example/job/1/step/3?X-Amz-Signature=aaa"))
        let key = try #require(CacheKey(identity: identity, request: first, baseURL: v2))
        #expect(key == CacheKey(identity: identity, request: second, baseURL: v2))
        #expect(key != CacheKey(identity: identity, request: other, baseURL: v2))
    }

    @Test func anAPIRequestIsKeyedOnRootPathAndQuery() throws {
        func key(_ path: String, root: URL? = nil) -> CacheKey? {
            CacheKey(
                identity: identity, request: HTTPRequest(method: .get, scheme: nil, authority: nil, path: path),
                baseURL: root ?? v2)
        }
        #expect(key("/pipeline?page-token=a") != key("/pipeline?page-token=b"))
        #expect(key("/pipeline") != key("/pipeline", root: URL(literal: "https://circleci.com/api/v1.1")))
        #expect(key("/pipeline") == key("/pipeline", root: URL(literal: "https://circleci.com/api/v2/")))
        #expect(key("/me?circle-token=secret") == nil, "a credential in the query is never a key")
    }

    @Test(arguments: [
        ("listEnvVars", "/project/gh/a/b/envvar", false),
        ("getContext", "/context/1", false),
        ("listCheckoutKeys", "/project/gh/a/b/checkout-key", false),
        ("GET /context/1/environment-variable", "/context/1/environment-variable", false),
        ("GET /project/gh/a/b/envvar/X", "/project/gh/a/b/envvar/X", false),
        ("listWorkflowJobs", "/workflow/1/job", true),
        ("GET /me", "/me", true),
    ])
    func whatMayBeStored(operationID: String, path: String, allowed: Bool) {
        #expect(RetentionPolicy.mayStore(operationID: operationID, path: path) == allowed)
    }

    let now = Date(timeIntervalSince1970: 1_795_176_000)  // 2026-11-20T12:00:00Z

    @Test func retentionComesFromTheDecodedStatus() {
        let finishedJobs =
            #"{"items": [{"dependencies": [], "id": "1", "name": "a", "project_slug": "gh/a/b", "status": "success", "type": "build", "started_at": null}], "next_page_token": null}"#
        let runningJobs = finishedJobs.replacingOccurrences(of: "success", with: "running")
        let v1Finished = #"{"lifecycle": "finished", "status": "fixed", "steps": []}"#
        let v1Running = #"{"lifecycle": "running", "status": "running", "steps": []}"#
        func retention(_ operationID: String, _ body: String, hint: CacheHint = .unknown) -> Retention? {
            RetentionPolicy.retention(operationID: operationID, body: Data(body.utf8), hint: hint, now: now)
        }
        #expect(retention("listWorkflowJobs", finishedJobs) == .settled)
        #expect(retention("listWorkflowJobs", runningJobs) == .expiring)
        #expect(retention("listWorkflowJobs", #"{"items": []}"#) == .expiring, "no jobs yet is not finished")
        #expect(retention("getJobV1", v1Finished) == .settled)
        #expect(retention("getJobV1", v1Running) == .expiring)
        #expect(
            retention("getJobDetails", #"{"status": "success"}"#) == .expiring,
            "a body the client cannot decode is not settled")
        #expect(retention("getTests", #"{"items": []}"#) == .expiring)
        #expect(retention("getTests", #"{"items": []}"#, hint: .settled) == .settled)
        #expect(retention("listPipelinesForProject", "<html>proxy</html>") == nil, "HTML is never stored")
    }

    @Test func aFinishedJobsStepsAreKeptUntilTheirOutputURLsExpire() {
        func job(_ urls: [String]) -> Data {
            let actions = urls.enumerated().map { index, url in
                #"{"index": 0, "step": \#(index), "name": "s", "status": "success", "output_url": "\#(url)"}"#
            }
            let steps = #"[{"name": "s", "actions": [\#(actions.joined(separator: ","))]}]"#
            return Data(#"{"lifecycle": "finished", "status": "success", "steps": \#(steps)}"#.utf8)
        }
        let soon = "https://out.example/a?X-Amz-Date=20261120T120000Z&X-Amz-Expires=3600&X-Amz-Signature=x"
        let later = "https://out.example/b?X-Amz-Date=20261120T120000Z&X-Amz-Expires=86400&X-Amz-Signature=y"
        let epoch = "https://out.example/c?Expires=1795180000&Signature=z"
        let stale = "https://out.example/d?X-Amz-Date=20261119T120000Z&X-Amz-Expires=3600&X-Amz-Signature=w"
        func retention(_ body: Data, hint: CacheHint = .unknown) -> Retention? {
            RetentionPolicy.retention(operationID: "getJobV1", body: body, hint: hint, now: now)
        }
        #expect(
            retention(job([later, soon])) == .until(now.addingTimeInterval(3600 - 300)), "the earliest, less a margin")
        #expect(retention(job([epoch])) == .until(Date(timeIntervalSince1970: 1_795_180_000 - 300)))
        #expect(retention(job([stale, later])) == .expiring, "a URL already expired")
        #expect(retention(job([soon]), hint: .settled) == .until(now.addingTimeInterval(3300)), "even under the hint")
        #expect(retention(job(["https://out.example/e?sig=1"])) == .settled, "a URL that does not say")
    }
}
