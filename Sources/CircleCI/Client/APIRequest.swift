import Foundation
import HTTPTypes

/// One logical call the client makes: what to send and how to describe it in errors.
struct APIRequest: Sendable {
    /// Which root the path is relative to.
    enum Root: Sendable {
        /// `host/api/v2`.
        case v2
        /// `host/api/v1.1`.
        case v1
        /// An absolute URL on another host (presigned); no credentials are sent.
        case absolute(URL)
    }

    var operationID: String
    var method: HTTPRequest.Method = .get
    var root: Root = .v2
    /// The percent-encoded path below the root, starting with `/`.
    var path: String
    var query: [URLQueryItem] = []
    var body: Data?
    /// What the call is about, for error messages: `project gh/acme/api`.
    var subject: String?

    /// The path with its query string.
    var pathWithQuery: String {
        query.isEmpty ? path : path + "?" + PathSegment.query(query)
    }
}
