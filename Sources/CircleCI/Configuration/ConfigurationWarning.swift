import Foundation

/// A problem found while resolving the configuration, for the CLI to print.
public struct ConfigurationWarning: Sendable, Hashable, CustomStringConvertible {
    /// The warning, ready to print.
    public let message: String

    /// Creates a warning.
    public init(message: String) {
        self.message = message
    }

    /// The warning text.
    public var description: String { message }

    static func permissiveConfigFile(path: String, mode: Int) -> ConfigurationWarning {
        ConfigurationWarning(
            message: "\(path) holds your CircleCI token but other users can read it (mode "
                + "\(String(mode & 0o777, radix: 8))); run `chmod 600 \(path)`")
    }

    static func unreadableConfigFile(path: String) -> ConfigurationWarning {
        ConfigurationWarning(message: "\(path) exists but could not be read; ignoring it")
    }
}
