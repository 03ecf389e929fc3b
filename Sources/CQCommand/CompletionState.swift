import CQ
import CQKit
import CircleCI
import Foundation
import REPL
import Synchronization

/// What Tab completion knows, kept in memory so completion never waits:
/// the session's bindings, the project slugs seen so far, and the branch,
/// workflow and job names of projects. They come from earlier queries and
/// history, the cache file (``CompletionCache``), and lookups in the
/// background (``NameDiscovery``) whose answers arrive while the user types.
final class CompletionState: CompletionProvider, Sendable {
    private let engine: Mutex<CompletionEngine>
    private let registry: BuiltinRegistry
    /// The cache file; nil keeps everything in memory (the demo's names are not the user's).
    private let cachePath: String?
    /// Nil when nothing may be looked up (no token).
    private let discovery: NameDiscovery?
    /// The projects whose names have been looked up (or are being) this session.
    private let lookedUp = Mutex<Set<String>>([])
    /// Held while the cache file is written, so the last write has the latest names.
    private let writing = Mutex(())
    /// The slugs known to answer (from the cache file, discovery, or a query
    /// that ran): the only ones the cache file keeps, so a mistyped slug that
    /// answered 404 is offered for the rest of the session, never again.
    private let answered: Mutex<Set<String>>

    init(registry: BuiltinRegistry, bindings: Checker.Bindings, services: Services) {
        self.registry = registry
        self.cachePath = services.completionCachePath
        self.discovery = services.nameDiscovery
        let cache = CompletionCache.load(from: services.completionCachePath)
        self.answered = Mutex(Set(cache.slugs))
        self.engine = Mutex(
            CompletionEngine(registry: registry, bindings: bindings, slugs: cache.slugs, projectNames: cache.names))
    }

    func completions(for request: CompletionRequest) -> Completions {
        let (completion, mentioned) = engine.withLock { engine in
            (engine.complete(request.text, cursor: request.text.utf8.count), engine.projectsMentioned(in: request.text))
        }
        // Whatever arrives is there for the next Tab; this one answers now.
        discoverNames(of: mentioned)
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

    /// Takes the bindings after an entry, remembers the slugs it mentions
    /// (keeping them in the cache file only when the entry ran) and looks up
    /// the names of the projects it queried.
    func update(bindings: Checker.Bindings, seenIn text: String, ran: Bool) {
        let mentioned = engine.withLock { engine in
            engine.bindings = bindings
            return engine.projectsMentioned(in: text)
        }
        remember(slugs: CompletionCache.slugs(in: text), answered: ran)
        if ran { discoverNames(of: mentioned) }
    }

    /// `:use SLUG`: names in queries that name no project are this one's.
    func use(project: String) {
        engine.withLock { $0.defaultProject = project }
        remember(slugs: [project], answered: false)
        discoverNames(of: [project])
    }

    /// Adds slugs to the ones completion offers; those that `answered` go to
    /// the cache file too.
    func remember(slugs: [String], answered: Bool) {
        engine.withLock { engine in engine.slugs += slugs.filter { !engine.slugs.contains($0) } }
        guard answered else { return }
        let added = self.answered.withLock { known in slugs.filter { known.insert($0).inserted } }
        if !added.isEmpty { save() }
    }

    /// Starts a background look for the user's projects: the projects of the
    /// most recent pipelines in each organisation they belong to. Completion
    /// uses whatever has arrived.
    func startDiscoveringSlugs() {
        remember(slugs: CompletionCache.slugs(in: CompletionCache.historyText()), answered: false)
        guard let discovery else { return }
        Task.detached(priority: .utility) { [weak self] in
            let found = await discovery.projectSlugs()
            self?.remember(slugs: found, answered: true)
        }
    }

    /// Looks up, in the background and once per session, the branch, workflow
    /// and job names of each project; until they arrive, completion offers
    /// what the cache file had.
    func discoverNames(of projects: [String]) {
        guard let discovery else { return }
        let new = lookedUp.withLock { started in projects.filter { started.insert($0).inserted } }
        for text in new {
            guard let project = try? ProjectSlug(text) else { continue }
            Task.detached(priority: .utility) { [weak self] in
                let names = await discovery.names(of: project)
                guard !names.isEmpty else { return }
                self?.store(names, for: text)
            }
        }
    }

    /// Keeps a project's names: first in the cache file, then for completion,
    /// so a name Tab offers is already on disk.
    private func store(_ names: ProjectNames, for project: String) {
        save { engine in
            engine.projectNames[project] = names
            if !engine.slugs.contains(project) { engine.slugs.append(project) }
        }
    }

    /// Writes the slugs and names, with `change` made, to the cache file (if
    /// there is one), then makes the change for completion.
    private func save(_ change: (inout CompletionEngine) -> Void = { _ in }) {
        writing.withLock { _ in
            var changed = engine.withLock { $0 }
            change(&changed)
            let answered = self.answered.withLock { $0 }
            if let cachePath {
                CompletionCache(slugs: changed.slugs.filter(answered.contains), names: changed.projectNames).save(to: cachePath)
            }
            engine.withLock { change(&$0) }
        }
    }
}

extension CompletionCache {
    /// The history file's text, for the slugs earlier sessions typed.
    static func historyText() -> String {
        guard let path = HistoryLocation.defaultPath() else { return "" }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
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
