import CircleCI
import CircleCISimulator
import Foundation
import GRDB
import ResponseCache
import Testing

/// The cache on disk: permissions, what never reaches it, a corrupt file,
/// the size limit, statistics, and two caches on one file at once.
@Suite struct StorageTests {
    @Test func theDirectoryIsOwnerOnlyAndTheFilesOwnerReadable() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        _ = try await harness.client(cache).walk(pipelines: 1)
        #expect(try mode(of: harness.directory) == 0o700)
        let files = [harness.databaseURL.path, harness.databaseURL.path + "-wal", harness.databaseURL.path + "-shm"]
        for file in files {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) exists while the cache is open")
            #expect(try mode(of: URL(fileURLWithPath: file)) == 0o600, "\(file)")
        }
    }

    @Test func aLooserExistingDirectoryIsTightened() async throws {
        let harness = try CacheHarness()
        try FileManager.default.createDirectory(
            at: harness.directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        _ = FileManager.default.createFile(
            atPath: harness.databaseURL.path, contents: nil, attributes: [.posixPermissions: 0o644])
        _ = try await harness.client(harness.cache()).walk(pipelines: 1)
        #expect(try mode(of: harness.directory) == 0o700)
        #expect(try mode(of: harness.databaseURL) == 0o600)
        #expect(harness.warnings.all.isEmpty)
    }

    @Test func secretsAreNeverStored() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        let client = try harness.client(cache)
        let org = try OrgSlug("gh/acme")
        func readSecrets() async throws {
            let variables = try await client.environmentVariables(project: CacheHarness.api).collect()
            let name = try #require(variables.first?.name)
            _ = try await client.environmentVariable(project: CacheHarness.api, name: name)
            let contexts = try await client.contexts(owner: .slug(org)).collect()
            let context = try #require(contexts.first)
            _ = try await client.context(id: context.id)
            _ = try await client.contextEnvironmentVariables(contextID: context.id).collect()
            let keys = try await client.checkoutKeys(project: CacheHarness.api).collect()
            _ = try await client.checkoutKey(
                project: CacheHarness.api, fingerprint: try #require(keys.first).fingerprint)
            _ = try await client.get("/project/gh/acme/api/envvar")
            _ = try await client.get("/context/\(context.id)/environment-variable")
        }
        let first = try await harness.requests { try await readSecrets() }
        let second = try await harness.requests { try await readSecrets() }
        #expect(first.count == 9 && second.count == 9, "every read reaches CircleCI")
        #expect(client.metrics.snapshot.cacheHits == 0)
        #expect(try await cache.stats().entries == 0)
    }

    @Test func theTokenNeverReachesTheFiles() async throws {
        let harness = try CacheHarness()
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let cache = harness.cache()
        let client = try harness.client(cache)
        _ = try await client.walk()
        _ = try await client.me()
        _ = try await CacheHint.$current.withValue(.settled) {
            try await client.tests(project: CacheHarness.api, jobNumber: landmarks.finishedJobNumber).collect()
        }
        _ = try await client.rerunWorkflow(id: landmarks.finishedWorkflow.id)
        _ = try await client.walk(pipelines: 2)
        #expect(try await cache.stats().entries > 10)

        let token = Data(Simulator.demoToken.utf8)
        // The distinctive tail alone, in case a file held part of it.
        let tail = Data(Simulator.demoToken.suffix(24).utf8)
        let files = try FileManager.default.contentsOfDirectory(at: harness.directory, includingPropertiesForKeys: nil)
        #expect(files.count == 3, "\(files)")
        for file in files {
            let bytes = try Data(contentsOf: file)
            #expect(bytes.range(of: token) == nil, "\(file.lastPathComponent) holds the token")
            #expect(bytes.range(of: tail) == nil, "\(file.lastPathComponent) holds part of the token")
        }
    }

    @Test func aCorruptDatabasePassesThroughWithOneWarning() async throws {
        let harness = try CacheHarness()
        try FileManager.default.createDirectory(at: harness.directory, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: harness.databaseURL)
        let cache = harness.cache()
        let expected = try await harness.uncachedClient().walk()
        let first = try await harness.requests { try await harness.client(cache).walk() }
        let second = try await harness.requests { try await harness.client(cache).walk() }
        #expect(first.value == expected && second.value == expected, "the answers are right")
        #expect(first.count > 10 && second.count == first.count, "every request reached CircleCI")
        #expect(harness.warnings.all.count == 1, "\(harness.warnings.all)")
        let warning = try #require(harness.warnings.all.first)
        #expect(warning.contains(harness.databaseURL.path))
        #expect(warning.contains("cq cache clear"))

        try await cache.clear()
        #expect(!FileManager.default.fileExists(atPath: harness.databaseURL.path), "clear removes a corrupt file")
        let fresh = harness.cache()
        _ = try await harness.client(fresh).walk(pipelines: 1)
        #expect(try await fresh.stats().entries > 0, "and a new cache works")
    }

    @Test func aDatabaseLockedTooLongPassesThroughWithOneWarning() async throws {
        let harness = try CacheHarness()
        _ = try await harness.client(harness.cache()).walk(pipelines: 1)
        // Another process holds the write lock and does not let go.
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let blocker = try DatabaseQueue(path: harness.databaseURL.path, configuration: holding)
        try blocker.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let cache = ResponseCache(
            directory: harness.directory,
            options: .init(busyTimeout: .milliseconds(50), now: { harness.clock.now.addingTimeInterval(3600) }),
            onWarning: harness.warnings.callback)
        let expected = try await harness.uncachedClient().walk(pipelines: 3)
        let locked = try await harness.requests { try await harness.client(cache).walk(pipelines: 3) }
        try blocker.inDatabase { try $0.execute(sql: "ROLLBACK") }
        #expect(locked.value == expected)
        #expect(locked.count > 3)
        #expect(harness.warnings.all.count == 1, "\(harness.warnings.all)")
        #expect(harness.warnings.all.first?.contains("SQLite error 5") == true, "\(harness.warnings.all)")
    }

    /// Another process held the write lock past the busy timeout once (a
    /// loaded machine): that response is not stored, and nothing else changes.
    @Test func aLockHeldPastTheTimeoutOnceOnlySkipsThatWrite() async throws {
        let harness = try CacheHarness()
        let cache = ResponseCache(
            directory: harness.directory, options: .init(busyTimeout: .milliseconds(50), now: { harness.clock.now }),
            onWarning: harness.warnings.callback)
        _ = try await harness.client(cache).walk(pipelines: 1)
        let stored = try await cache.stats().entries
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let blocker = try DatabaseQueue(path: harness.databaseURL.path, configuration: holding)
        try blocker.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        // One new response while the lock is held: its write times out.
        let project = try await harness.client(cache).project(CacheHarness.api)
        try blocker.inDatabase { try $0.execute(sql: "ROLLBACK") }
        #expect(project.slug == CacheHarness.api.description)
        #expect(try await cache.stats().entries == stored, "the write that met the lock was skipped")
        _ = try await harness.client(cache).walk(pipelines: 3)
        #expect(try await cache.stats().entries > stored, "later writes are stored")
        #expect(harness.warnings.all.isEmpty, "\(harness.warnings.all)")
    }

    @Test func anUnusableDirectoryPassesThroughWithOneWarning() async throws {
        let harness = try CacheHarness()
        // A file where the cache directory should be.
        try FileManager.default.createDirectory(
            at: harness.directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not a directory".utf8).write(to: harness.directory)
        let run = try await harness.requests { try await harness.client(harness.cache()).walk(pipelines: 2) }
        #expect(run.count > 3)
        #expect(harness.warnings.all.count == 1, "\(harness.warnings.all)")
    }

    @Test func theLeastRecentlyUsedAreEvictedBeyondTheSizeLimit() async throws {
        let harness = try CacheHarness()
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let numbers = Array(landmarks.finishedBuildJobNumbers.prefix(4))
        try #require(numbers.count == 4)
        // Learn each entry's size in a scratch cache, then size the limit to three of them.
        let scratch = ResponseCache(directory: harness.directory.appending(path: "scratch"))
        let sizer = try harness.client(scratch)
        var sizes: [Int] = []
        for number in numbers {
            let before = try await scratch.stats().bytes
            _ = try await sizer.jobDetails(project: CacheHarness.api, number: number)
            sizes.append(try await scratch.stats().bytes - before)
        }
        let limit = sizes.reduce(0, +) - 1
        let cache = harness.cache(sizeLimit: limit)
        let client = try harness.client(cache)
        func details(_ index: Int) async throws -> Int {
            try await harness.requests {
                _ = try await client.jobDetails(project: CacheHarness.api, number: numbers[index])
            }.count
        }
        for index in 0..<3 {
            #expect(try await details(index) == 1)
            harness.clock.advance(seconds: 120)
        }
        #expect(try await details(0) == 0, "the first is read again, so the second is now the least recently used")
        harness.clock.advance(seconds: 120)
        #expect(try await details(3) == 1, "the fourth pushes the cache past its limit")
        let stats = try await cache.stats()
        #expect(stats.bytes <= limit / 10 * 9 && stats.entries == 3, "\(stats)")
        #expect(try await details(0) == 0)
        #expect(try await details(2) == 0)
        #expect(try await details(3) == 0)
        #expect(try await details(1) == 1, "the least recently used went first")
    }

    @Test func statisticsAndClear() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        #expect(try await cache.stats().entries == 0)
        #expect(!FileManager.default.fileExists(atPath: harness.databaseURL.path), "statistics make no file")
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let client = try harness.client(cache)
        _ = try await client.jobs(workflowID: landmarks.finishedWorkflow.id).collect()
        _ = try await client.jobs(workflowID: landmarks.runningWorkflow.id).collect()
        _ = try await client.pipelines(project: CacheHarness.api).collect(limit: 1)
        var stats = try await cache.stats()
        #expect(stats.entries == 3 && stats.settled == 1 && stats.expiring == 2 && stats.expired == 0, "\(stats)")
        #expect(stats.bytes > 0 && stats.fileBytes >= stats.bytes)
        #expect(stats.path == harness.databaseURL)
        harness.clock.advance(seconds: 61)
        stats = try await cache.stats()
        #expect(stats.expired == 2)

        try await cache.clear()
        stats = try await cache.stats()
        #expect(stats.entries == 0 && stats.bytes == 0)
        #expect(
            try await harness.requests { try await client.jobs(workflowID: landmarks.finishedWorkflow.id).collect() }
                .count == 1)
    }

    @Test func twoCachesOnOneFileAtOnce() async throws {
        let harness = try CacheHarness()
        let expected = try await harness.uncachedClient().walk(pipelines: 6)
        let caches = [harness.cache(), harness.cache()]
        let answers = try await withThrowingTaskGroup(of: [String].self) { group in
            for round in 0..<6 {
                let cache = caches[round % 2]
                let client = try harness.client(cache)
                group.addTask { try await client.walk(pipelines: 6) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.allSatisfy { $0 == expected })
        #expect(harness.warnings.all.isEmpty, "\(harness.warnings.all)")
        let warm = try await harness.requests { try await harness.client(harness.cache()).walk(pipelines: 6) }
        #expect(warm.count == 0)
        // The file is a sound SQLite database.
        let check = try DatabaseQueue(path: harness.databaseURL.path)
        #expect(try await check.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    private func mode(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o777
    }
}
