#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the history file lives.
public enum HistoryLocation {
    /// `$CQ_HISTORY_FILE` if set, else `$XDG_STATE_HOME/cq/history`, else
    /// `~/.local/state/cq/history`; nil when no home directory is known.
    ///
    /// - Parameter environment: looks up an environment variable; the default
    ///   reads the process environment.
    public static func defaultPath(environment: (String) -> String? = processEnvironment) -> String? {
        if let explicit = environment("CQ_HISTORY_FILE"), !explicit.isEmpty { return explicit }
        // The XDG spec says relative values are invalid and must be ignored.
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/cq/history" }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/state/cq/history"
    }

    /// Reads a variable from the process environment.
    public static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
