import Foundation
import Testing

/// The instant outputs are pinned to (`CQ_NOW`); the demo simulator uses it too.
let pinnedNow = "2026-11-20T12:00:00Z"

/// The mission's example.
let missionQuery = #"pipelines("gh/org/repo") | where state == "failed" | jobs"#

/// The package root, found from this file.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs the built `cq` binary.
enum CQ {
    /// The `cq` executable next to the test bundle (`.build/debug/cq`).
    static let executable: URL? = {
        var directories: [URL] = []
        let bundle = Bundle.main.bundleURL
        directories += [bundle, bundle.deletingLastPathComponent()]
        if let first = CommandLine.arguments.first {
            let url = URL(fileURLWithPath: first).resolvingSymlinksInPath()
            directories += [url.deletingLastPathComponent(), url.deletingLastPathComponent().deletingLastPathComponent()]
        }
        return directories.map { $0.appendingPathComponent("cq") }.first {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }()

    /// The binary, or a test failure saying how to build it.
    static func binary() throws -> URL {
        try #require(
            executable,
            "the cq executable was not found next to the tests (\(Bundle.main.bundleURL.path)); run `swift build --build-tests` first")
    }

    /// A home directory with no `~/.circleci/cli.yml`, shared by all tests and
    /// removed when the test process exits.
    static let home: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cq-e2e-home-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: CQ.home) }
        return url
    }()

    /// The environment every run starts from: no token, no host, no colour,
    /// 200 columns, the pinned clock, an empty home and a response cache of
    /// its own (so no run answers from another's; cache tests pass a shared one).
    static var baseEnvironment: [String: String] {
        var environment = [
            "HOME": home.path, "NO_COLOR": "1", "COLUMNS": "200", "CQ_NOW": pinnedNow, "LANG": "C.UTF-8", "TERM": "dumb",
            "XDG_CACHE_HOME": home.appendingPathComponent("cache-\(UUID().uuidString)").path,
        ]
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return environment
    }

    /// Runs `cq arguments…` to completion.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, directory: URL? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> CommandResult {
        try await run(binary(), arguments, environment: environment, stdin: stdin, directory: directory, timeout: timeout)
    }

    /// Runs any executable with the base environment plus `environment`.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
        directory: URL? = nil, timeout: Duration = .seconds(60)
    ) async throws -> CommandResult {
        await limiter.acquire()
        defer { Task { await limiter.release() } }
        let process = try Subprocess(
            executable, arguments, environment: baseEnvironment.merging(environment) { $1 },
            stdin: stdin.map { Data($0.utf8) }, directory: directory)
        return await process.result(timeout: timeout)
    }

    /// Two `cq` processes at a time: the suites running beside these (some
    /// measure time, some are CPU-bound) keep their share of a small machine.
    private static let limiter = Limiter(width: 2)

    /// Starts `cq arguments…` without waiting for it.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Subprocess {
        try Subprocess(binary(), arguments, environment: baseEnvironment.merging(environment) { $1 })
    }
}

/// A scratch directory removed at the end of the test.
struct ScratchDirectory: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cq-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` and returns its path.
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path) }
        return file.path
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Golden files: compared, or rewritten when `RECORD_SNAPSHOTS=1` (or missing).
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func check(_ actual: String, against file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            if !recording {
                Issue.record("golden file \(file.lastPathComponent) was missing; recorded it", sourceLocation: sourceLocation)
            }
            return
        }
        #expect(actual == expected, "\(file.lastPathComponent) differs:\n\(actual)", sourceLocation: sourceLocation)
    }
}

/// A counting semaphore for async code.
actor Limiter {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { available = width }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
