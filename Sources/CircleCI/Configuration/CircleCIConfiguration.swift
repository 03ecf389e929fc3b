import Foundation

/// Where and how the client talks to CircleCI.
///
/// The ``token`` is a secret: ``description``, ``debugDescription`` and
/// reflection (`dump`, `Mirror`) show `<redacted>`, and the client sends it
/// only to ``host``. Use ``resolve(environment:homeDirectory:explicitHost:)``
/// to read the token and host the way the `circleci` CLI does.
public struct CircleCIConfiguration: Sendable {
    /// The default host, `https://circleci.com`.
    public static let defaultHost = URL(string: "https://circleci.com")!

    /// The CircleCI host, e.g. `https://circleci.com` or a server install's URL.
    ///
    /// A trailing slash or an `/api/v2` or `/api/v1.1` suffix is ignored.
    public var host: URL
    /// A personal API token, or `nil` for anonymous access to public projects.
    public var token: String?
    /// The longest one HTTP request may take.
    public var requestTimeout: Duration
    /// The longest one client call may take, retries and waits included.
    public var deadline: Duration
    /// How failed requests are retried.
    public var retryPolicy: RetryPolicy
    /// The clock used for retry and rate-limit waits (tests inject an instant one).
    public var clock: ClientClock

    /// Creates a configuration; ``validate()`` runs when the client first sends.
    public init(
        host: URL = CircleCIConfiguration.defaultHost,
        token: String? = nil,
        requestTimeout: Duration = .seconds(30),
        deadline: Duration = .seconds(300),
        retryPolicy: RetryPolicy = .default,
        clock: ClientClock = .system
    ) {
        self.host = host
        self.token = token
        self.requestTimeout = requestTimeout
        self.deadline = deadline
        self.retryPolicy = retryPolicy
        self.clock = clock
    }

    /// Creates a configuration from a host as a user types it
    /// (`circleci.example.com`, `https://circleci.com/`, `http://127.0.0.1:8080/api/v2`).
    ///
    /// - Throws: ``CircleCIError`` of kind ``CircleCIError/Kind/invalidConfiguration``
    ///   for a malformed host or plain HTTP to a host that is not loopback.
    public init(host: String, token: String? = nil) throws {
        self.init(host: try Self.parseHost(host), token: token)
    }

    /// The API v2 root: ``host`` followed by `/api/v2`.
    public var apiBaseURL: URL {
        Self.normalized(host).appending(path: "api/v2")
    }

    /// The API v1.1 root: ``host`` followed by `/api/v1.1`.
    public var v1BaseURL: URL {
        Self.normalized(host).appending(path: "api/v1.1")
    }

    /// Checks that the host can be used.
    ///
    /// - Throws: ``CircleCIError`` of kind ``CircleCIError/Kind/invalidConfiguration``.
    public func validate() throws {
        guard let scheme = host.scheme?.lowercased(), let name = host.host, !name.isEmpty else {
            throw CircleCIError.invalidConfiguration("host `\(host.absoluteString)` is not a URL such as https://circleci.com")
        }
        guard scheme == "https" || scheme == "http" else {
            throw CircleCIError.invalidConfiguration("host `\(host.absoluteString)` must use https://")
        }
        guard Self.isSecure(scheme: scheme, host: name) else {
            throw CircleCIError.invalidConfiguration(
                "host `\(host.absoluteString)` uses plain http://, which is allowed only for loopback "
                    + "(127.0.0.1, ::1, localhost); use https://")
        }
    }
}
