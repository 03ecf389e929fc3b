import CircleCI
import Crypto
import Foundation

/// Whose responses an entry holds: a fingerprint of the host and the token,
/// never the token itself.
///
/// The fingerprint is the SHA-256 of a domain-separated string of the host's
/// origin and the token, so another token (or the same token on another host)
/// has another identity and never reads this one's entries.
public struct CacheIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The fingerprint as 64 lowercase hexadecimal digits.
    public let fingerprint: String

    /// Creates the identity of `token` on `host`.
    ///
    /// - Parameters:
    ///   - host: the CircleCI host; only its scheme, host name and port count.
    ///   - token: the personal API token, or `nil` for anonymous access.
    public init(host: URL, token: String?) {
        let scheme = host.scheme?.lowercased() ?? "https"
        let name = host.host?.lowercased() ?? ""
        let port = host.port ?? (scheme == "http" ? 80 : 443)
        let material = "cq response cache identity v1\u{0}origin=\(scheme)://\(name):\(port)\u{0}token=\(token ?? "")"
        fingerprint = SHA256.hash(data: Data(material.utf8)).hexadecimal
    }

    /// The identity of a client's configuration: its host and token.
    public init(configuration: CircleCIConfiguration) {
        self.init(host: configuration.host, token: configuration.token)
    }

    /// The fingerprint's first 12 digits; never the token.
    public var description: String {
        "CacheIdentity(\(fingerprint.prefix(12))…)"
    }
}

extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal digits.
    var hexadecimal: String {
        map { String(format: "%02x", $0) }.joined()
    }
}
