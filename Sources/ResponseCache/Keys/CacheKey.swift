import Crypto
import Foundation
import HTTPTypes

/// The address of one stored response: a SHA-256 of the identity, the method
/// and the URL, so no path, query or credential is written out as text.
///
/// Requests below the API root are keyed on the root and the path with its
/// query. Absolute requests on another host (presigned step output) are
/// keyed on scheme, host and path only: their signed query changes on every
/// read of the job while the output it names does not.
struct CacheKey: Sendable, Hashable {
    /// The 32 bytes of the digest.
    let digest: Data

    /// The key for `request`, or `nil` for one that carries a credential in its query.
    init?(identity: CacheIdentity, request: HTTPRequest, baseURL: URL) {
        let path = request.path ?? "/"
        let url: String
        if let scheme = request.scheme, let authority = request.authority {
            let bare = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            url = "\(scheme.lowercased())://\(authority.lowercased())\(bare)"
        } else {
            if path.lowercased().contains("circle-token=") { return nil }
            var root = baseURL.absoluteString
            while root.hasSuffix("/") { root.removeLast() }
            url = root + path
        }
        let material = "cq response cache key v1\u{0}\(identity.fingerprint)\u{0}\(request.method.rawValue)\u{0}\(url)"
        digest = Data(SHA256.hash(data: Data(material.utf8)))
    }
}
