import Foundation

extension ResponseCache {
    /// Where cq keeps its cache: `$XDG_CACHE_HOME/cq`, else `$HOME/.cache/cq`.
    ///
    /// A relative `XDG_CACHE_HOME` is ignored, as the XDG base directory
    /// specification asks; without `HOME` the account's home is used.
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
            return URL(fileURLWithPath: cacheHome, isDirectory: true).appending(path: "cq", directoryHint: .isDirectory)
        }
        let home =
            environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appending(path: ".cache/cq", directoryHint: .isDirectory)
    }
}
