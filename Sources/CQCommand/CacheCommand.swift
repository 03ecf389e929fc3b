import ArgumentParser
import Foundation
import ResponseCache

/// `cq cache stats|clear|path`: look at or empty the response cache.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show, locate or empty the response cache.",
        discussion: """
            cq keeps CircleCI's responses in $XDG_CACHE_HOME/cq (default ~/.cache/cq), readable only by \
            you. What can no longer change (a finished workflow's jobs, a finished job's details, tests, \
            artifacts and steps, a pipeline's config) is kept until the cache passes 200 MB; lists and \
            running things for 60 seconds (--cache-ttl). Environment variables, contexts, writes and the \
            token are never stored. Queries take --no-cache (this run neither reads nor stores) and \
            --refresh (fetch everything again). --demo never uses the cache.
            """,
        subcommands: [Stats.self, Clear.self, Path.self])

    /// `cq cache stats`.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print how many responses the cache holds and how large it is.")

        func run() async throws {
            let cache = CacheCommand.cache()
            let stats = try await CacheCommand.reading(cache) { try await cache.stats() }
            print(
                """
                path      \(stats.path.path)
                entries   \(stats.entries) (\(stats.settled) kept until evicted, \(stats.expiring) with a time to live, \
                \(stats.expired) of them expired)
                size      \(CacheCommand.format(stats.bytes)) of responses, \(CacheCommand.format(stats.fileBytes)) on disk \
                (limit \(CacheCommand.format(stats.sizeLimit)))
                """)
        }
    }

    /// `cq cache clear`.
    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove every cached response (a corrupt cache file is deleted).")

        func run() async throws {
            let cache = CacheCommand.cache()
            let before = try? await cache.stats()
            try await CacheCommand.reading(cache) { try await cache.clear() }
            let removed =
                before.map { "\($0.entries) entries, \(CacheCommand.format($0.bytes))" } ?? "an unreadable file"
            print("Cleared the cache at \(cache.directory.path) (\(removed)).")
        }
    }

    /// `cq cache path`.
    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the cache directory.")

        func run() async throws {
            print(CacheCommand.cache().directory.path)
        }
    }

    /// The cache where queries keep it.
    static func cache() -> ResponseCache {
        ResponseCache(directory: ResponseCache.defaultDirectory(environment: ProcessInfo.processInfo.environment))
    }

    /// Runs `body`, turning a failure into a message and status 70.
    static func reading<T>(_ cache: ResponseCache, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            Terminal.printError("cq: cannot use the cache at \(cache.databaseURL.path): \(error)\n")
            throw ExitStatus.software.exitCode
        }
    }

    /// Bytes in decimal units: `0 B`, `12.3 kB`, `4.5 MB`.
    static func format(_ bytes: Int) -> String {
        let units = ["kB", "MB", "GB", "TB"]
        guard bytes >= 1000 else { return "\(bytes) B" }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let digits = value < 10 ? 10.0 : 1.0
        let rounded = (value * digits).rounded() / digits
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}
