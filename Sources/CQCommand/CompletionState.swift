import CQ
import CQKit
import CircleCI
import Foundation
import REPL
import Synchronization

/// What Tab completion knows, kept in memory so completion never waits:
/// the session's bindings and the project slugs seen so far. Slugs come
/// from earlier queries and history, a small cache file, and a background
/// look at the user's organisations.
final class CompletionState: CompletionProvider, Sendable {
    private let engine: Mutex<CompletionEngine>
    private let registry: BuiltinRegistry

    init(registry: BuiltinRegistry, bindings: Checker.Bindings) {
        self.registry = registry
        self.engine = Mutex(CompletionEngine(registry: registry, bindings: bindings, slugs: SlugCache.load()))
    }

    func completions(for request: CompletionRequest) -> Completions {
        let completion = engine.withLock { $0.complete(request.text, cursor: request.text.utf8.count) }
        return Completions(
            replacementStart: completion.range.start,
            candidates: completion.candidates.map { CompletionCandidate($0.text, suffix: $0.suffix) })
    }

    func words(_ kind: CompletionWordKind) -> [String] {
        switch kind {
        case .projectSlug: engine.withLock { $0.slugs }
        case .helpTopic: registry.builtins.map(\.name) + registry.schemas.map(\.name)
        }
    }

    /// Takes the bindings after an entry and remembers the slugs it mentions.
    func update(bindings: Checker.Bindings, seenIn text: String) {
        engine.withLock { $0.bindings = bindings }
        remember(slugs: SlugCache.slugs(in: text))
    }

    /// Adds slugs to the known ones (and to the cache file when new).
    func remember(slugs: [String]) {
        let added = engine.withLock { engine -> [String] in
            let new = slugs.filter { !engine.slugs.contains($0) }
            engine.slugs += new
            return new
        }
        if !added.isEmpty { SlugCache.append(added) }
    }

    /// Starts a background look for the user's projects: the projects of the
    /// most recent pipelines in each organisation they belong to (one request
    /// per organisation). Completion uses whatever has arrived.
    func startDiscoveringSlugs(session: APISession) {
        remember(slugs: SlugCache.slugs(in: SlugCache.historyText()))
        Task.detached(priority: .utility) { [weak self] in
            guard let collaborations = try? await session.client.collaborations() else { return }
            for organization in collaborations {
                var page = session.client.orgPipelines(orgSlug: organization.slug).makeAsyncIterator()
                var found: [String] = []
                for _ in 0..<20 {
                    guard let pipeline = try? await page.next() else { break }
                    found.append(pipeline.projectSlug)
                }
                self?.remember(slugs: found)
            }
        }
    }
}

/// Project slugs found in text, and the small cache file that keeps them
/// between sessions (`$XDG_CACHE_HOME/cq/project-slugs`; slugs only, no secrets).
enum SlugCache {
    static func slugs(in text: String) -> [String] {
        let pattern = #/(?:gh|github|bb|bitbucket|circleci)/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+/#
        var seen = Set<String>()
        return text.matches(of: pattern).map { String($0.output) }.filter { seen.insert($0).inserted }
    }

    static func load() -> [String] {
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return slugs(in: text)
    }

    static func append(_ slugs: [String]) {
        guard let path else { return }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = (existing.split(separator: "\n").map(String.init) + slugs).suffix(500)
        try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func historyText() -> String {
        guard let path = HistoryLocation.defaultPath() else { return "" }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    private static var path: String? {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/cq/project-slugs" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/cq/project-slugs"
    }
}

/// Whether a REPL entry is complete, from the lexer: an open bracket,
/// string or interpolation, or a trailing `|` or operator, needs another line.
struct CQCompleteness: InputCompletenessChecking {
    func completeness(of entry: String) -> REPL.InputCompleteness {
        switch CQ.InputCompleteness.check(entry) {
        case .complete: .complete
        case .incomplete(let reason): .incomplete(open: reason.promptMarker)
        }
    }
}
