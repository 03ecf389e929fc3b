import CQ
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Tab completion remembers between sessions: project slugs, and each
/// project's branch, workflow and job names.
///
/// One small text file, `$XDG_CACHE_HOME/cq/project-slugs` (or
/// `~/.cache/cq/project-slugs`), mode 0600 in a 0700 directory. It holds
/// names only, never a token or a response. One fact per line, fields
/// separated by tabs, so the slug-per-line files of earlier versions still read:
///
///     gh/acme/api
///     gh/acme/api	branch	main
///     gh/acme/api	workflow	build-and-test
///     gh/acme/api	job	build-and-test	test
struct CompletionCache: Sendable, Equatable {
    /// Known project slugs, oldest first.
    var slugs: [String] = []
    /// The names discovered in each project.
    var names: [String: ProjectNames] = [:]

    /// At most this many slugs, and names of each kind per project, are kept.
    static let maximumSlugs = 500
    static let maximumNames = 500

    /// The cache file, or nil when there is no home to put it in.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/cq/project-slugs" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/cq/project-slugs"
    }

    /// Reads the file at `path`; a missing or unreadable file is an empty cache.
    static func load(from path: String?) -> CompletionCache {
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return CompletionCache() }
        return CompletionCache(parsing: text)
    }

    /// Reads the file's text; lines it does not understand are skipped.
    init(parsing text: String) {
        var seen = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let slug = fields.first, Self.isSlug(slug) else { continue }
            if seen.insert(slug).inserted { slugs.append(slug) }
            var project = names[slug] ?? ProjectNames()
            switch (fields.count, fields.count > 1 ? fields[1] : "") {
            case (3, "branch") where Self.isName(fields[2]): project.branches.append(fields[2])
            case (3, "workflow") where Self.isName(fields[2]): project.workflows.append(fields[2])
            case (4, "job") where Self.isName(fields[2]) && Self.isName(fields[3]):
                project.jobs[fields[2], default: []].append(fields[3])
            default: continue
            }
            names[slug] = project
        }
    }

    init(slugs: [String] = [], names: [String: ProjectNames] = [:]) {
        self.slugs = slugs
        self.names = names
    }

    /// The file's text: a header, then every slug with its names, within the limits.
    var text: String {
        var lines = ["# cq completion cache: project slugs and their branch, workflow and job names"]
        let kept = Array(slugs.filter(Self.isSlug).suffix(Self.maximumSlugs))
        for slug in kept + names.keys.sorted().filter({ !kept.contains($0) && Self.isSlug($0) }) {
            lines.append(slug)
            guard let project = names[slug] else { continue }
            lines += project.branches.filter(Self.isName).prefix(Self.maximumNames).map { "\(slug)\tbranch\t\($0)" }
            lines += project.workflows.filter(Self.isName).prefix(Self.maximumNames).map { "\(slug)\tworkflow\t\($0)" }
            for workflow in project.jobs.keys.sorted() where Self.isName(workflow) {
                lines += (project.jobs[workflow] ?? []).filter(Self.isName).prefix(Self.maximumNames)
                    .map { "\(slug)\tjob\t\(workflow)\t\($0)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file readable by its owner only, replacing it whole (a
    /// reader never sees half of it). Failures are ignored: it is a cache.
    func save(to path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(
            atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { return }
        // createFile honours the umask; make sure of the mode before the file is visible.
        chmod(temporary, 0o600)
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Project slugs written in `text` (queries, history).
    static func slugs(in text: String) -> [String] {
        var seen = Set<String>()
        return text.matches(of: slugPattern).map { String($0.output) }.filter { seen.insert($0).inserted }
    }

    private static var slugPattern: Regex<Substring> { #/(?:gh|github|bb|bitbucket|circleci)/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+/# }

    static func isSlug(_ text: String) -> Bool { (try? slugPattern.wholeMatch(in: text)) != nil }

    /// A name that fits on a line of the file: not empty, no control characters.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 512 && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
