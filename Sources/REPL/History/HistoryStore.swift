import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The persistent history: the list, libedit's copy of it (for Up/Down and
/// Ctrl-R), and the file.
///
/// The file is libedit's format (`_HiStOrY_V2_`, vis-encoded, so multi-line
/// entries round-trip), mode 0600 in a directory created 0700. It is rewritten
/// through a temporary file and `rename(2)` after every entry, so a crash never
/// leaves it half written.
///
/// Not thread-safe: ``LibEditLineReader`` only uses it on its editor queue.
final class HistoryStore {
    /// libedit's `History *`, handed to the editor with `EL_HIST`.
    let handle: OpaquePointer
    /// The file, or nil to keep history in memory only.
    let path: String?
    private(set) var list: HistoryList
    /// False when the file exists but is not a history file: it is left alone.
    private(set) var isPersistent: Bool
    /// True when the list changed since it was last saved successfully.
    private(set) var needsSaving = false

    /// Creates an empty history; nil if libedit cannot allocate one.
    init?(path: String?, capacity: Int) {
        guard let handle = history_init() else { return nil }
        self.handle = handle
        self.path = path
        self.list = HistoryList(capacity: capacity)
        self.isPersistent = path != nil
        var event = HistEvent()
        _ = cq_hist_setsize(handle, &event, Int32(clamping: list.capacity))
    }

    deinit { history_end(handle) }

    /// Reads the file, if there is one, dropping duplicates and secrets (the
    /// ``HistorySecrets`` registered by now included), and
    /// narrows its permissions to 0600 if they were wider.
    func load() throws(HistoryFileError) {
        guard let path else { return }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return }
            isPersistent = false
            throw HistoryFileError(path: path, action: "read", code: errno)
        }
        guard info.st_mode & 0o170000 == 0o100000 else {
            isPersistent = false
            throw HistoryFileError(path: path, problem: "is not a regular file; history will not be saved")
        }
        if info.st_mode & 0o077 != 0, chmod(path, 0o600) != 0 {
            throw HistoryFileError(path: path, action: "restrict permissions of", code: errno)
        }
        var event = HistEvent()
        guard cq_hist_load(handle, &event, path) >= 0 else {
            if info.st_size == 0 { return }
            isPersistent = false
            throw HistoryFileError(path: path, problem: "is not a cq history file; history will not be saved")
        }
        let loaded = editorEntries()
        let secrets = HistorySecrets.current
        list = HistoryList(capacity: list.capacity, entries: loaded.filter { HistoryPolicy.shouldRecord($0, secrets: secrets) })
        if list.entries != loaded { rebuildEditorHistory() }
    }

    /// Remembers `entry` and saves the file. Returns false if the entry was not
    /// remembered (blank, starts with a space, or looks like a secret).
    @discardableResult
    func record(_ entry: String) throws(HistoryFileError) -> Bool {
        guard HistoryPolicy.shouldRecord(entry) else { return false }
        switch list.add(entry) {
        case .unchanged:
            return true
        case .appended:
            var event = HistEvent()
            _ = cq_hist_enter(handle, &event, entry)
        case .moved:
            rebuildEditorHistory()
        }
        guard isPersistent else { return true }
        needsSaving = true
        try save()
        return true
    }

    /// Writes the whole history to the file, atomically.
    func save() throws(HistoryFileError) {
        guard let path, isPersistent else { return }
        try Self.createParentDirectories(of: path)
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw HistoryFileError(path: path, action: "save", code: errno) }
        // O_CREAT's mode does not apply to a leftover file that already existed.
        _ = fchmod(descriptor, 0o600)
        var event = HistEvent()
        guard cq_hist_save_fd(handle, &event, descriptor) >= 0 else {
            let code = errno
            unlink(temporary)
            throw HistoryFileError(path: path, action: "save", code: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw HistoryFileError(path: path, action: "save", code: code)
        }
        needsSaving = false
    }

    /// libedit's entries, oldest first.
    private func editorEntries() -> [String] {
        var entries: [String] = []
        var event = HistEvent()
        var status = cq_hist_last(handle, &event)
        while status == 0, let text = event.str {
            entries.append(String(cString: text))
            status = cq_hist_prev(handle, &event)
        }
        return entries
    }

    /// Makes libedit's copy match ``list`` again.
    private func rebuildEditorHistory() {
        var event = HistEvent()
        _ = cq_hist_clear(handle, &event)
        for entry in list.entries { _ = cq_hist_enter(handle, &event, entry) }
    }

    /// `mkdir -p` for the directories above `path`, creating each one 0700.
    private static func createParentDirectories(of path: String) throws(HistoryFileError) {
        let bytes = Array(path.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") && index > 0 {
            let directory = String(decoding: bytes[..<index], as: UTF8.self)
            if mkdir(directory, 0o700) != 0, errno != EEXIST {
                throw HistoryFileError(path: path, action: "create the directory for", code: errno)
            }
        }
    }
}

/// A problem reading or writing the history file; ``description`` is ready to print.
struct HistoryFileError: Error, CustomStringConvertible {
    let description: String

    init(path: String, problem: String) {
        description = "history file \(path) \(problem)"
    }

    init(path: String, action: String, code: Int32) {
        description = "could not \(action) history file \(path): \(String(cString: strerror(code)))"
    }
}
