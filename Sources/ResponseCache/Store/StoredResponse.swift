import Foundation

/// A response as the cache keeps it: status, content type and body; never a
/// request header or a credential.
struct StoredResponse: Sendable, Hashable {
    /// The HTTP status, always 2xx.
    var status: Int
    /// The `Content-Type` the server sent, if any.
    var contentType: String?
    /// The whole body.
    var body: Data
}

/// A response about to be written, with what the cache needs to keep it.
struct NewEntry: Sendable {
    var key: CacheKey
    var identity: CacheIdentity
    var operationID: String
    var response: StoredResponse
    /// When it stops being served; `nil` when it is settled.
    var expiresAt: Date?
}
