import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// `~/.circleci/cli.yml`, the environment and an explicit host, resolved into
/// a client that talks to the simulator.
@Suite("cli.yml precedence end to end")
struct CLIConfigEndToEndTests {
    /// A temporary home directory holding `.circleci/cli.yml` with `text` and `mode`.
    private func home(_ text: String, mode: Int = 0o600) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appending(path: "cq-integration-home-\(UUID().uuidString)")
        let file = home.appending(path: ".circleci/cli.yml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        return home
    }

    /// A client for a resolved configuration, over real HTTP.
    private func client(_ resolved: CircleCIConfiguration.Resolved) -> CircleCIClient {
        var configuration = resolved.configuration
        configuration.retryPolicy = .none
        return CircleCIClient(configuration: configuration, transport: URLSessionTransport())
    }

    @Test func hostAndTokenFromCLIYAMLReachTheSimulator() async throws {
        try await withLiveSimulator { live in
            let home = try home("host: \(live.host.absoluteString)/api/v2/\ntoken: \(Simulator.demoToken)\n")
            defer { try? FileManager.default.removeItem(at: home) }
            let resolved = try CircleCIConfiguration.resolve(environment: [:], homeDirectory: home, explicitHost: nil)
            #expect(resolved.hostSource == .cliConfigFile("~/.circleci/cli.yml"))
            #expect(resolved.tokenSource == .cliConfigFile("~/.circleci/cli.yml"))
            #expect(resolved.configuration.host == live.host)
            #expect(resolved.warnings.isEmpty)
            let user = try await client(resolved).me()
            #expect(user.id == (try await live.client.me().id))
            #expect(await live.log.entries.allSatisfy(\.authPresented))
        }
    }

    @Test func theEnvironmentTokenBeatsTheFile() async throws {
        try await withLiveSimulator { live in
            let valid = try home("host: \(live.host.absoluteString)\ntoken: \(Simulator.demoToken)\n")
            let invalid = try home("host: \(live.host.absoluteString)\ntoken: CCIPAT_stale_file_token\n")
            defer {
                try? FileManager.default.removeItem(at: valid)
                try? FileManager.default.removeItem(at: invalid)
            }
            let wrongInEnvironment = try CircleCIConfiguration.resolve(
                environment: ["CIRCLECI_TOKEN": "CCIPAT_wrong_env_token"], homeDirectory: valid, explicitHost: nil)
            #expect(wrongInEnvironment.tokenSource == .environment("CIRCLECI_TOKEN"))
            let error = try await #require(throws: CircleCIError.self) { try await client(wrongInEnvironment).me() }
            #expect(error.kind == .unauthorized)
            let rightInEnvironment = try CircleCIConfiguration.resolve(
                environment: ["CIRCLECI_TOKEN": Simulator.demoToken], homeDirectory: invalid, explicitHost: nil)
            #expect(try await client(rightInEnvironment).me().login == (try await live.client.me().login))
        }
    }

    @Test func theEnvironmentAndExplicitHostsBeatTheFile() async throws {
        try await withLiveSimulator { live in
            let home = try home("host: https://circleci.invalid\ntoken: \(Simulator.demoToken)\n")
            defer { try? FileManager.default.removeItem(at: home) }
            let fromEnvironment = try CircleCIConfiguration.resolve(
                environment: ["CIRCLECI_HOST": live.host.absoluteString], homeDirectory: home, explicitHost: nil)
            #expect(fromEnvironment.hostSource == .environment("CIRCLECI_HOST"))
            _ = try await client(fromEnvironment).project(Landmarks.api)
            let explicit = try CircleCIConfiguration.resolve(
                environment: ["CIRCLECI_HOST": "https://env.invalid"], homeDirectory: home,
                explicitHost: live.host.absoluteString + "/")
            #expect(explicit.hostSource == .explicit)
            _ = try await client(explicit).project(Landmarks.api)
            #expect(await live.log.entries.map(\.status) == [200, 200])
        }
    }

    @Test func aWorldReadableCLIYAMLWarnsButStillWorks() async throws {
        try await withLiveSimulator { live in
            let home = try home("host: \(live.host.absoluteString)\ntoken: \(Simulator.demoToken)\n", mode: 0o644)
            defer { try? FileManager.default.removeItem(at: home) }
            let resolved = try CircleCIConfiguration.resolve(environment: [:], homeDirectory: home, explicitHost: nil)
            let warning = try #require(resolved.warnings.first)
            #expect(resolved.warnings.count == 1)
            #expect(warning.message.contains("~/.circleci/cli.yml") && warning.message.contains("mode 644"))
            #expect(warning.message.contains("chmod 600"))
            #expect(!warning.message.contains(Simulator.demoToken))
            _ = try await client(resolved).me()
        }
    }
}
