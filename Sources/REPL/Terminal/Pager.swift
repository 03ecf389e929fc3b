import CQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Long results and help through a pager, as psql does: only on a terminal,
/// only when the text does not fit the screen, and never under `:watch`.
///
/// The pager is `CQ_PAGER`, else `PAGER`, else `less -FRX`, run by `/bin/sh`;
/// either variable set to the empty string turns paging off, and so does
/// `:pager off`.
public struct Pager: Sendable, Hashable {
    /// The shell command that pages, or nil for none.
    public var command: String?
    /// `:pager on|off`.
    public var isOn: Bool

    /// The default pager: quits when the text fits after all (`-F`), keeps
    /// colours (`-R`) and leaves the text on the screen (`-X`).
    public static let defaultCommand = "less -FRX"

    /// Creates a pager.
    public init(command: String?, isOn: Bool = true) {
        self.command = command
        self.isOn = isOn
    }

    /// The pager the environment asks for.
    public static func fromEnvironment(_ environment: (String) -> String? = HistoryLocation.processEnvironment) -> Pager {
        let chosen = environment("CQ_PAGER") ?? environment("PAGER") ?? defaultCommand
        let command = chosen.trimmingWhitespace()
        return Pager(command: command.isEmpty ? nil : command)
    }

    /// Whether `text` should be paged on a terminal `rows` by `columns`: it
    /// has more lines than the screen leaves room for, or a line too wide.
    public func shouldPage(_ text: String, rows: Int?, columns: Int?) -> Bool {
        guard isOn, command != nil, let rows, rows > 0 else { return false }
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            lines += 1
            if lines >= rows { return true }
            if let columns, columns > 0, DisplayWidth.columns(Self.withoutEscapes(line)) > columns { return true }
        }
        return false
    }

    /// The text of a line without its terminal escape sequences (colours), which take no columns.
    static func withoutEscapes(_ line: Substring) -> String {
        guard line.contains("\u{1B}") else { return String(line) }
        var result = ""
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            // CSI: ESC [ parameters… final byte (@ to ~); anything else: ESC and one more.
            guard let next = scalars.next(), next == "[" else { continue }
            while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
        }
        return result
    }

    /// Runs the pager on `text` and waits for it; false when it could not be
    /// started (the caller prints the text itself).
    ///
    /// The pager runs in cq's own process group, which has the terminal:
    /// `less` reads keys from it (Foundation's `Process` would start it in a
    /// group of its own, where reading the terminal stops it).
    public func page(_ text: String) -> Bool {
        guard let command else { return false }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return false }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        guard let child = Self.spawn(["/bin/sh", "-c", command], input: readEnd, closing: writeEnd) else {
            close(readEnd)
            close(writeEnd)
            return false
        }
        close(readEnd)
        // The pager may quit before reading everything (`q` in less): that is
        // EPIPE for the write, not SIGPIPE for cq.
        let previous = signal(SIGPIPE, SIG_IGN)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(writeEnd)
        signal(SIGPIPE, previous)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        return true
    }

    /// Starts `arguments` with `input` as its standard input and the rest of
    /// cq's standard streams, default signal handling and no blocked signals.
    private static func spawn(_ arguments: [String], input: Int32, closing other: Int32) -> pid_t? {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, input)
        posix_spawn_file_actions_addclose(&actions, other)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGQUIT, SIGTSTP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = argv.withUnsafeBufferPointer { pointer -> Int32 in
            guard let base = pointer.baseAddress else { return EINVAL }
            return posix_spawn(&child, arguments[0], &actions, &attributes, base, environ)
        }
        return result == 0 ? child : nil
    }
}
