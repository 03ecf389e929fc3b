import Foundation

/// A transport failure, classified so that retry decisions can tell whether
/// the request may have reached the server.
///
/// ``URLSessionTransport`` throws these; other transports may too. A `POST`
/// is retried only after ``Kind/requestNotSent``.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// How the request failed.
    public enum Kind: Sendable, Hashable {
        /// The request never left: connection refused, host not found, no network.
        case requestNotSent
        /// The connection broke after the request may have been sent.
        case connectionLost
        /// No complete response arrived within the time limit.
        case timedOut
        /// Anything else.
        case other
    }

    /// How the request failed.
    public let kind: Kind
    /// The underlying error, e.g. a `URLError`.
    public let underlyingError: (any Error)?

    /// Creates a transport error.
    public init(_ kind: Kind, underlyingError: (any Error)? = nil) {
        self.kind = kind
        self.underlyingError = underlyingError
    }

    /// What failed, in a few words.
    public var description: String {
        let what: String
        switch kind {
        case .requestNotSent: what = "could not connect"
        case .connectionLost: what = "the connection was lost"
        case .timedOut: what = "timed out"
        case .other: what = "transport error"
        }
        guard let underlyingError else { return what }
        return "\(what) (\(Self.describe(underlyingError)))"
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let reason = nsError.userInfo[NSLocalizedDescriptionKey] as? String, !reason.isEmpty {
            return reason
        }
        if let cut = error as? BodyCutShort { return cut.description }
        return "\(nsError.domain) \(nsError.code)"
    }
}
