import CircleCI
import Foundation
import Testing

@Suite("Configuration: host, token and cli.yml")
struct ConfigurationTests {
    /// A fresh home directory, optionally with a cli.yml of the given text and mode.
    func home(cliYAML: String? = nil, mode: Int = 0o600) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appending(path: "cq-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appending(path: ".circleci"), withIntermediateDirectories: true)
        if let cliYAML {
            let file = home.appending(path: ".circleci/cli.yml")
            try Data(cliYAML.utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        }
        return home
    }

    @Test func defaultsWithNothingSet() throws {
        let resolved = try CircleCIConfiguration.resolve(environment: [:], homeDirectory: home(), explicitHost: nil)
        #expect(resolved.configuration.token == nil)
        #expect(resolved.tokenSource == nil)
        #expect(resolved.configuration.host.absoluteString == "https://circleci.com")
        #expect(resolved.configuration.apiBaseURL.absoluteString == "https://circleci.com/api/v2")
        #expect(resolved.configuration.v1BaseURL.absoluteString == "https://circleci.com/api/v1.1")
        #expect(resolved.hostSource == .defaultValue)
        #expect(resolved.warnings.isEmpty)
    }

    @Test func environmentBeatsCLIConfigAndCIRCLECITokenBeatsCIRCLEToken() throws {
        let home = try home(cliYAML: "host: https://file.example.com\ntoken: from-file\n")
        let both = try CircleCIConfiguration.resolve(
            environment: ["CIRCLECI_TOKEN": "one", "CIRCLE_TOKEN": "two", "CIRCLECI_HOST": "https://env.example.com"],
            homeDirectory: home, explicitHost: nil)
        #expect(both.configuration.token == "one")
        #expect(both.tokenSource == .environment("CIRCLECI_TOKEN"))
        #expect(both.configuration.host.absoluteString == "https://env.example.com")
        #expect(both.hostSource == .environment("CIRCLECI_HOST"))

        let second = try CircleCIConfiguration.resolve(
            environment: ["CIRCLECI_TOKEN": "  ", "CIRCLE_TOKEN": "two"], homeDirectory: home, explicitHost: nil)
        #expect(second.configuration.token == "two")
        #expect(second.tokenSource == .environment("CIRCLE_TOKEN"))
        #expect(second.configuration.host.absoluteString == "https://file.example.com")
    }

    @Test func explicitHostBeatsEverything() throws {
        let resolved = try CircleCIConfiguration.resolve(
            environment: ["CIRCLECI_HOST": "https://env.example.com"],
            homeDirectory: home(cliYAML: "host: https://file.example.com"), explicitHost: "https://cli.example.com/")
        #expect(resolved.configuration.host.absoluteString == "https://cli.example.com")
        #expect(resolved.hostSource == .explicit)
    }

    @Test func cliYAMLQuotingAndComments() throws {
        let yaml = """
            # written by circleci setup
            host: "https://circleci.example.com/"   # the server
            endpoint: graphql-unstable
            token: 'abc''def'
            rest_endpoint: api/v2
            nested:
              token: not-this-one
            """
        let resolved = try CircleCIConfiguration.resolve(environment: [:], homeDirectory: home(cliYAML: yaml), explicitHost: nil)
        #expect(resolved.configuration.token == "abc'def")
        #expect(resolved.tokenSource == .cliConfigFile("~/.circleci/cli.yml"))
        #expect(resolved.configuration.host.absoluteString == "https://circleci.example.com")
    }

    @Test func plainTokenWithInlineComment() throws {
        let resolved = try CircleCIConfiguration.resolve(
            environment: [:], homeDirectory: home(cliYAML: "token: CCIPAT_abc # personal\nhost: \n"), explicitHost: nil)
        #expect(resolved.configuration.token == "CCIPAT_abc")
        #expect(resolved.hostSource == .defaultValue)
    }

    @Test func permissiveCLIConfigWarns() throws {
        let resolved = try CircleCIConfiguration.resolve(
            environment: [:], homeDirectory: home(cliYAML: "token: secret-in-file", mode: 0o644), explicitHost: nil)
        #expect(resolved.warnings.count == 1)
        let warning = try #require(resolved.warnings.first).description
        #expect(warning.contains("mode 644"))
        #expect(warning.contains("chmod 600 ~/.circleci/cli.yml"))
        #expect(!warning.contains("secret-in-file"))

        let shadowed = try CircleCIConfiguration.resolve(
            environment: ["CIRCLECI_TOKEN": "env"], homeDirectory: home(cliYAML: "token: secret-in-file", mode: 0o640),
            explicitHost: nil)
        #expect(shadowed.configuration.token == "env")
        #expect(shadowed.warnings.count == 1)

        let privateFile = try CircleCIConfiguration.resolve(
            environment: [:], homeDirectory: home(cliYAML: "token: secret-in-file", mode: 0o600), explicitHost: nil)
        #expect(privateFile.warnings.isEmpty)
    }

    @Test(arguments: [
        ("https://circleci.com/", "https://circleci.com"),
        ("https://circleci.com/api/v2", "https://circleci.com"),
        ("https://circleci.com/api/v2/", "https://circleci.com"),
        ("circleci.example.com", "https://circleci.example.com"),
        ("http://127.0.0.1:8080/api/v1.1", "http://127.0.0.1:8080"),
        ("http://localhost:3000", "http://localhost:3000"),
        ("http://[::1]:9000", "http://[::1]:9000"),
        ("http://127.10.0.2", "http://127.10.0.2"),
    ])
    func hostsAreNormalised(text: String, expected: String) throws {
        let configuration = try CircleCIConfiguration(host: text)
        #expect(configuration.host.absoluteString == expected)
        #expect(configuration.apiBaseURL.absoluteString == expected + "/api/v2")
    }

    @Test(arguments: ["http://circleci.com", "http://10.0.0.1:8080", "ftp://circleci.com", "http://127.example.com", ""])
    func insecureOrMalformedHostsAreRefused(text: String) {
        #expect {
            try CircleCIConfiguration(host: text)
        } throws: { error in
            (error as? CircleCIError)?.kind == .invalidConfiguration
        }
    }

    @Test func plainHTTPHostFromEnvironmentNamesItsSource() throws {
        #expect {
            try CircleCIConfiguration.resolve(
                environment: ["CIRCLECI_HOST": "http://ci.example.com"], homeDirectory: home(), explicitHost: nil)
        } throws: { error in
            let description = String(describing: error)
            return description.contains("loopback") && description.contains("$CIRCLECI_HOST")
        }
    }

    @Test func tokenIsRedactedEverywhere() throws {
        let configuration = CircleCIConfiguration(token: testToken)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [
            configuration.description, configuration.debugDescription, String(reflecting: configuration), dumped,
            "\(configuration)",
            String(describing: AuthenticationMiddleware(token: testToken, host: configuration.host)),
        ] {
            #expect(!text.contains(testToken))
            #expect(!text.contains("SECRET"))
        }
        #expect(configuration.description.contains("<redacted>"))
    }
}
