import CircleCISimulator
import Foundation
import TestSupport
import Testing

/// Issue 10: one distinctive token through a whole session of `cq` — runs that
/// succeed (filling the response cache), 401, 403, 404, 400, 429 and 5xx
/// answers whose bodies echo the token, a refused cross-host redirect, query
/// text and a program on standard input holding the token, the REPL on a
/// terminal with its history — then every byte cq wrote (standard output and
/// error, the terminal, every file under its HOME and XDG directories, the
/// cache database included) is searched for the token and its encodings.
@Suite(.timeLimit(.minutes(5))) struct TokenAuditTests {
    /// A realistic personal token that the simulator accepts, and nothing else uses.
    static let token = "CCIPAT_Aud1tT0kenQ7xZ2vW9kLm4Rp8Ns_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a"

    @Test func theTokenIsInNothingCqWrites() async throws {
        let home = try ScratchDirectory()
        var written: [(what: String, bytes: Data)] = []
        try await withSimulatorServer(token: Self.token) { simulator, host in
            let environment = [
                "HOME": home.url.path, "XDG_CACHE_HOME": home.url.appendingPathComponent(".cache").path,
                "CIRCLECI_TOKEN": Self.token, "CIRCLECI_HOST": host,
            ]
            func run(_ arguments: [String], stdin: String? = nil, expect status: Int32) async throws -> CommandResult {
                let result = try await CQ.run(arguments, environment: environment, stdin: stdin)
                let command =
                    "cq " + arguments.joined(separator: " ").replacingOccurrences(of: Self.token, with: "TOKEN")
                #expect(result.status == status, "\(command): \(result)")
                written.append(("stdout of \(command)", Data(result.stdout.utf8)))
                written.append(("stderr of \(command)", Data(result.stderr.utf8)))
                return result
            }
            let pipelines = #"pipelines("gh/acme/api") | take 25 | select number, state"#

            // Successes, stored in and then answered from the cache.
            _ = try await run(["--format", "ndjson", "-e", pipelines], expect: 0)
            let cached = try await run(["--stats", "--format", "json", "-e", pipelines], expect: 0)
            #expect(cached.stderr.contains("cache"), "the second run reads the cache: \(cached)")
            _ = try await run(["-e", #"pipelines("gh/org/repo") | take 3 | jobs | select name, status"#], expect: 0)
            _ = try await run(["cache", "stats"], expect: 0)

            // Failures: a project that is not there, bodies echoing the token
            // (`--refresh`: the cache would answer these queries otherwise).
            _ = try await run(["-e", #"pipelines("gh/acme/nope") | take 1"#], expect: 70)
            for (status, exit) in [(401, Int32(77)), (403, 77), (404, 70), (400, 65), (429, 69), (500, 69)] {
                await simulator.faults.inject(.echoToken(status: status), count: nil)
                let echoed = try await run(["--refresh", "--format", "ndjson", "-e", pipelines], expect: exit)
                #expect(echoed.stderr.contains("token <redacted> is not valid"), "\(echoed)")
                await simulator.faults.clear()
            }

            // A cross-host redirect, refused without the token.
            await simulator.faults.inject(.crossHostRedirect(), count: 1)
            let redirected = try await run(["--refresh", "-e", pipelines], expect: 69)
            #expect(redirected.stderr.contains("redirected to"), "\(redirected)")

            // The token in query text and in a program on standard input, both failing.
            let typed = try await run(["-e", "nosuchfunction(\"\(Self.token)\")"], expect: 65)
            #expect(typed.stderr.contains("<redacted>"), "the source line is shown, redacted: \(typed)")
            _ = try await run([], stdin: "let t = \"\(Self.token)\"\nt + nosuchvariable\n", expect: 65)

            // The REPL on a terminal, with its history file.
            written += try await replSession(environment: environment, simulator: simulator)

            #expect(await simulator.requestLog.authPresented(on: .api), "the token was in use")
            #expect(!(await simulator.requestLog.authPresented(on: .output)), "and never crossed hosts")
        }

        let files = try Self.files(under: home.url)
        let database = try #require(files.first { $0.lastPathComponent == "responses.sqlite" }, "the cache: \(files)")
        let stored = try Data(contentsOf: database)
        #expect(stored.range(of: Data(#""next_page_token""#.utf8)) != nil, "the cache holds responses")
        let history = try #require(
            files.first { $0.lastPathComponent == "history" }, "the REPL saved its history: \(files)")
        let saved = String(decoding: try Data(contentsOf: history), as: UTF8.self)
        #expect(saved.contains("pipelines("), "ordinary entries are kept: \(saved)")
        for file in files {
            written.append((file.path, try Data(contentsOf: file)))
        }
        for (what, bytes) in written {
            let found = Self.leaks(in: bytes)
            #expect(found.isEmpty, "\(what) holds the token as \(found)")
        }
    }

    /// Entries typed into the REPL, each after the previous prompt: a query, the
    /// token as a literal, the token in a failing call, a body echoing it, the
    /// token as a `:use` argument. Returns what the terminal showed, without the
    /// echo of what was typed.
    private func replSession(environment: [String: String], simulator: Simulator) async throws
        -> [(what: String, bytes: Data)]
    {
        var terminalEnvironment = CQ.baseEnvironment.merging(environment) { $1 }
        terminalEnvironment["TERM"] = "xterm-256color"
        let terminal = try PseudoTerminal(
            executable: try CQ.binary().path, arguments: ["--refresh"], environment: terminalEnvironment)
        try await terminal.waitFor("cq> ")
        let entries = [
            #"pipelines("gh/acme/api") | take 2 | select number"#,
            "let t = \"\(Self.token)\"",
            "nosuchfunction(\"\(Self.token)\")",
            "ECHO",
            ":use \(Self.token)",
        ]
        for entry in entries {
            if entry == "ECHO" {
                await simulator.faults.inject(.echoToken(status: 401), count: nil)
                terminal.send(#"pipelines("gh/acme/api") | take 1"# + "\r")
                try await terminal.waitFor("is not valid")
                try await terminal.waitFor("cq> ")
                await simulator.faults.clear()
                continue
            }
            terminal.send(entry + "\r")
            try await terminal.waitFor("cq> ")
        }
        terminal.send("\u{04}")
        #expect(try await terminal.waitForExit() == 0)
        var shown = terminal.transcript
        for entry in entries { shown = shown.replacingOccurrences(of: entry, with: "<typed>") }
        #expect(shown.contains("<redacted>"), "errors name the token redacted: \(shown)")
        return [("the REPL's terminal, less the echo of typed entries", Data(shown.utf8))]
    }

    /// Every regular file under `directory`.
    static func files(under directory: URL) throws -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [])
        else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    /// The forms of the token found in `bytes`: itself in any letter case,
    /// percent-encoded, base64 at any alignment (Basic credentials included),
    /// and two distinctive pieces of it (a shortened or cut message).
    static func leaks(in bytes: Data) -> [String] {
        let lowered = Data(bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        var found: [String] = []
        for (name, form) in forms where lowered.range(of: Data(form.lowercased().utf8)) != nil {
            if name.hasPrefix("base64"), bytes.range(of: Data(form.utf8)) == nil { continue }
            found.append(name)
        }
        return found
    }

    static let forms: [(name: String, form: String)] = {
        var forms = [
            ("the token", token),
            ("percent-encoded", token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token),
            ("a piece of it", "Aud1tT0kenQ7xZ2vW9kLm4Rp8Ns"),
            ("its hexadecimal tail", "3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a"),
        ]
        for plain in [token, token + ":"] {
            for offset in 0..<3 {
                // The middle of the base64 of the token after `offset` other bytes
                // does not depend on those bytes nor on what follows.
                let encoded = Data((String(repeating: "x", count: offset) + plain).utf8).base64EncodedString()
                let middle = String(encoded.dropFirst(4).dropLast(4))
                forms.append(("base64 (offset \(offset))", middle))
                let urlSafe = middle.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                forms.append(("base64url (offset \(offset))", urlSafe))
            }
        }
        return forms
    }()
}
