import Foundation

extension CircleCIConfiguration {
    /// The result of ``CircleCIConfiguration/resolve(environment:homeDirectory:explicitHost:)``.
    public struct Resolved: Sendable, CustomStringConvertible {
        /// The configuration to use.
        public var configuration: CircleCIConfiguration
        /// Where the token came from, or `nil` when there is none.
        public var tokenSource: Source?
        /// Where the host came from.
        public var hostSource: Source
        /// Problems worth telling the user about, e.g. a world-readable `cli.yml`.
        public var warnings: [ConfigurationWarning]

        /// The configuration and the sources; never the token.
        public var description: String {
            "\(configuration) token from \(tokenSource?.description ?? "nowhere"), host from \(hostSource)"
        }
    }

    /// Where a setting came from.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// The caller passed it (the CLI's `--host`).
        case explicit
        /// An environment variable, by name.
        case environment(String)
        /// The `circleci` CLI's configuration file, by path.
        case cliConfigFile(String)
        /// The built-in default.
        case defaultValue

        /// Where the value came from, in words.
        public var description: String {
            switch self {
            case .explicit: "the command line"
            case .environment(let name): "$\(name)"
            case .cliConfigFile(let path): path
            case .defaultValue: "the default"
            }
        }
    }

    /// The environment variables read for the token, in order.
    public static let tokenVariables = ["CIRCLECI_TOKEN", "CIRCLE_TOKEN"]
    /// The environment variable read for the host.
    public static let hostVariable = "CIRCLECI_HOST"

    /// Finds the token and host the way the `circleci` CLI users expect.
    ///
    /// - Token: `CIRCLECI_TOKEN`, then `CIRCLE_TOKEN`, then `token:` in
    ///   `~/.circleci/cli.yml`. There is deliberately no command-line token.
    /// - Host: `explicitHost`, then `CIRCLECI_HOST`, then `host:` in `cli.yml`,
    ///   then `https://circleci.com`.
    ///
    /// A `cli.yml` holding a token that group or others may read yields a
    /// warning. This depends only on its arguments and the file they point at.
    ///
    /// - Throws: ``CircleCIError`` of kind ``CircleCIError/Kind/invalidConfiguration``
    ///   for an unusable host, naming where it came from.
    public static func resolve(
        environment: [String: String],
        homeDirectory: URL,
        explicitHost: String?
    ) throws -> Resolved {
        var warnings: [ConfigurationWarning] = []
        let file = homeDirectory.appending(path: ".circleci/cli.yml")
        let cliConfig = readCLIConfig(at: file, warnings: &warnings)
        let filePath = "~/.circleci/cli.yml"

        var token: String?
        var tokenSource: Source?
        if let (name, value) = tokenVariables.lazy.compactMap({ name in nonEmpty(environment[name]).map { (name, $0) } })
            .first
        {
            (token, tokenSource) = (value, .environment(name))
        } else if let value = cliConfig?["token"] {
            (token, tokenSource) = (value, .cliConfigFile(filePath))
        }
        if cliConfig?["token"] != nil, let mode = permissions(of: file), mode & 0o077 != 0 {
            warnings.append(.permissiveConfigFile(path: filePath, mode: mode))
        }

        let candidates: [(String?, Source)] = [
            (nonEmpty(explicitHost), .explicit),
            (nonEmpty(environment[hostVariable]), .environment(hostVariable)),
            (cliConfig?["host"], .cliConfigFile(filePath)),
        ]
        var host = defaultHost
        var hostSource = Source.defaultValue
        if let (text, source) = candidates.first(where: { $0.0 != nil }), let text {
            do {
                host = try parseHost(text)
            } catch let error as CircleCIError {
                throw CircleCIError.invalidConfiguration("\(error.summary) (from \(source))")
            }
            hostSource = source
        }
        return Resolved(
            configuration: CircleCIConfiguration(host: host, token: token),
            tokenSource: tokenSource, hostSource: hostSource, warnings: warnings)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func readCLIConfig(at file: URL, warnings: inout [ConfigurationWarning]) -> CLIConfigFile? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            warnings.append(.unreadableConfigFile(path: "~/.circleci/cli.yml"))
            return nil
        }
        return CLIConfigFile(parsing: String(decoding: data, as: UTF8.self))
    }

    private static func permissions(of file: URL) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        return (attributes?[.posixPermissions] as? NSNumber)?.intValue
    }
}
