import CircleCI
import CQ
import Foundation
import Synchronization

/// What the CircleCI builtins share: the client, the web host for links, and
/// the default project set by the REPL's `:use`.
public final class APISession: Sendable {
    /// The client every builtin calls.
    public let client: CircleCIClient
    /// The host of the CircleCI web app, for `url` fields.
    public let webHost: URL
    private let defaultProjectSlug = Mutex<ProjectSlug?>(nil)

    /// Creates a session over `client`; `apiHost` is the configured CircleCI host.
    public init(client: CircleCIClient, apiHost: URL) {
        self.client = client
        self.webHost = APISession.webHost(for: apiHost)
    }

    /// The project `pipelines()` and friends use when given none (`:use SLUG`).
    public var defaultProject: ProjectSlug? {
        get { defaultProjectSlug.withLock { $0 } }
        set { defaultProjectSlug.withLock { $0 = newValue } }
    }

    /// `https://app.circleci.com` for CircleCI cloud, the server's own host otherwise.
    static func webHost(for apiHost: URL) -> URL {
        guard let host = apiHost.host, host == "circleci.com" || host.hasSuffix(".circleci.com") else { return apiHost }
        return URL(string: "https://app.circleci.com") ?? apiHost
    }

    /// The web-app link for a pipeline, workflow or job of `slug`.
    func webURL(project slug: String, pipelineNumber: Int?, workflowID: String? = nil, jobNumber: Int? = nil) -> Value {
        guard let pipelineNumber else { return .null }
        let parts = slug.split(separator: "/").map(String.init)
        guard parts.count == 3 else { return .null }
        let vcs = ["gh": "github", "bb": "bitbucket"][parts[0]] ?? parts[0]
        var path = "/pipelines/\(vcs)/\(parts[1])/\(parts[2])/\(pipelineNumber)"
        if let workflowID {
            path += "/workflows/\(workflowID)"
            if let jobNumber { path += "/jobs/\(jobNumber)" }
        }
        return .string(webHost.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path)
    }
}
