import Synchronization

/// Values no history entry may contain, such as the API token the host is
/// configured with.
///
/// The host registers them before the session starts (the REPL reads the
/// history file when its line editor is set up, and drops stored entries that
/// hold one). They are kept in memory only, for this process, and are never
/// printed: there is no way to read them back.
public enum HistorySecrets {
    /// Secrets shorter than this are ignored: they would keep ordinary entries out.
    public static let minimumLength = 6

    private static let values = Mutex<[String]>([])

    /// Keeps every entry containing `secret` out of the history from now on.
    public static func add(_ secret: String) {
        guard secret.count >= minimumLength else { return }
        values.withLock { values in
            if !values.contains(secret) { values.append(secret) }
        }
    }

    /// The registered secrets.
    static var current: [String] { values.withLock { $0 } }
}
