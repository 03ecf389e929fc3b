import Foundation

extension CircleCIError {
    /// This error with every form of the secret removed from its text: the
    /// server's message, the detail, the path and the subject. An underlying
    /// error whose description holds the secret is replaced by a
    /// ``RedactedError`` carrying its redacted description.
    public func redacting(_ redactor: TokenRedactor) -> CircleCIError {
        guard !redactor.isEmpty else { return self }
        var underlying = underlyingError
        if let error = underlyingError {
            let text = String(describing: error)
            if redactor.appears(in: text) || redactor.appears(in: String(reflecting: error)) {
                underlying = RedactedError(description: redactor.redact(text))
            }
        }
        return CircleCIError(
            kind: kind, operationID: operationID.map(redactor.redact), method: method, path: path.map(redactor.redact),
            status: status, serverMessage: serverMessage.map(redactor.redact), subject: subject.map(redactor.redact),
            detail: detail.map(redactor.redact), retryAfter: retryAfter, attempts: attempts, underlyingError: underlying)
    }

    /// This error with the number of attempts set, unless it already has one.
    func with(attempts count: Int?) -> CircleCIError {
        guard attempts == nil, let count else { return self }
        return CircleCIError(
            kind: kind, operationID: operationID, method: method, path: path, status: status,
            serverMessage: serverMessage, subject: subject, detail: detail, retryAfter: retryAfter, attempts: count,
            underlyingError: underlyingError)
    }
}

/// An error that stood in the way of a secret: only its redacted description is kept.
public struct RedactedError: Error, Sendable, CustomStringConvertible {
    /// The original error's description with the secret removed.
    public let description: String
}
