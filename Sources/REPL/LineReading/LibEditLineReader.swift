import CLibEdit
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing on a terminal with libedit: emacs keys, persistent history with
/// Up/Down and Ctrl-R, Tab completion, and the user's `~/.editrc` (lines starting
/// `cq:` apply to cq only).
///
/// `el_gets` blocks, so it runs on a dedicated serial queue rather than on a
/// Swift concurrency thread; ``readLine(_:)`` suspends until it returns. Ctrl-C
/// ends a read (``LineInput/interrupted``) while ``SignalInterrupts`` is active:
/// the reader waits on standard input and on that handler's wake-up pipe.
public final class LibEditLineReader: LineReader, @unchecked Sendable {
    // @unchecked Sendable is safe because, once `init` has returned, every libedit
    // call and every access to the mutable state below happens on `queue`, a
    // serial queue. The C callbacks (prompt, completion) run inside `el_gets`,
    // which itself runs on `queue`.
    private let queue = DispatchQueue(label: "cq.line-editor")
    private let editor: OpaquePointer
    private let history: HistoryStore
    private let colors: Bool
    private let warnings: any TextSink
    private var promptBuffer: UnsafeMutablePointer<CChar>
    private var isClosed = false
    private var hasWarnedAboutHistory = false
    /// Used by the completion callback.
    let completions: any CompletionProvider
    /// Where the completion callback lists candidates.
    let output: any TextSink
    /// The earlier lines of the entry being read, for the completion callback.
    private(set) var pendingText = ""

    /// How to set up the editor.
    public struct Configuration: Sendable {
        /// The name `~/.editrc` lines are prefixed with (`cq:bind …`).
        public var programName: String
        /// The history file, or nil to keep history in memory only.
        public var historyPath: String?
        /// The most history entries kept.
        public var historyCapacity: Int
        /// Whether the prompt is coloured.
        public var colors: Bool

        /// Creates a configuration.
        public init(programName: String = "cq", historyPath: String?, historyCapacity: Int = 1000, colors: Bool) {
            self.programName = programName
            self.historyPath = historyPath
            self.historyCapacity = historyCapacity
            self.colors = colors
        }
    }

    /// Sets up libedit on standard input and output, which must be terminals, and
    /// loads the history. Returns nil if libedit cannot be initialised.
    public init?(
        configuration: Configuration,
        completions: any CompletionProvider,
        output: any TextSink = FileDescriptorSink.standardOutput,
        warnings: any TextSink = FileDescriptorSink.standardError
    ) {
        // libedit follows LC_CTYPE but never sets it; without this, `café` breaks.
        setlocale(LC_CTYPE, "")
        guard let history = HistoryStore(path: configuration.historyPath, capacity: configuration.historyCapacity),
            let promptBuffer = strdup("> ")
        else { return nil }
        guard let editor = cq_el_init(configuration.programName) else {
            free(promptBuffer)
            return nil
        }
        self.editor = editor
        self.history = history
        self.promptBuffer = promptBuffer
        self.colors = configuration.colors
        self.completions = completions
        self.output = output
        self.warnings = warnings
        configureEditor()
        do { try history.load() } catch { warn(error) }
    }

    deinit {
        if !isClosed { el_end(editor) }
        free(promptBuffer)
    }

    /// Always true: someone is typing.
    public var isInteractive: Bool { true }

    /// Edits one line with libedit on the editor queue.
    public func readLine(_ request: LineRequest) async -> LineInput {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.readOnQueue(request)) }
        }
    }

    /// Adds the entry (unless it looks secret) and saves the history file.
    public func recordHistory(_ entry: String) {
        queue.sync {
            do { try history.record(entry) } catch { warn(error) }
        }
    }

    /// The history, oldest first.
    public func historyEntries() -> [String] {
        queue.sync { history.list.entries }
    }

    /// Saves the history if a save failed earlier, and ends libedit.
    public func close() {
        queue.sync {
            guard !isClosed else { return }
            isClosed = true
            if history.needsSaving {
                do { try history.save() } catch { warn(error) }
            }
            el_end(editor)
        }
    }

    /// The libedit handle, for the completion callback (editor queue only).
    var editorHandle: OpaquePointer { editor }

    /// The reader a libedit callback belongs to.
    static func instance(for editor: OpaquePointer?) -> LibEditLineReader? {
        guard let editor, let data = cq_el_get_clientdata(editor) else { return nil }
        return Unmanaged<LibEditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    private func configureEditor() {
        _ = cq_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = cq_el_set_prompt(
            editor,
            { editor in
                // libedit dereferences the prompt without a NULL check.
                LibEditLineReader.instance(for: editor)?.promptBuffer
                    ?? UnsafeMutableRawPointer(mutating: StaticString("> ").utf8Start)
                    .assumingMemoryBound(to: CChar.self)
            }, Self.promptEscape)
        _ = cq_el_set_editor(editor, "emacs")
        // libedit restores the terminal on SIGTSTP/SIGTERM/SIGHUP and follows SIGWINCH.
        _ = cq_el_set_signal(editor, 1)
        _ = cq_el_set_hist(editor, history.handle)
        _ = cq_el_set_interruptible_reader(editor)
        // Every function must be registered before any bind or el_source: binding
        // a name libedit does not know corrupts its heap.
        _ = cq_el_addfn(editor, "cq-complete", "Complete the word before the cursor") { editor, _ in
            LibEditLineReader.instance(for: editor)?.complete() ?? UInt8(CC_ERROR)
        }
        for (key, command) in Self.bindings { _ = cq_el_bind(editor, key, command) }
        _ = cq_el_source_user_config(editor)
    }

    /// Key bindings on top of libedit's emacs map; `~/.editrc` can override them.
    private static let bindings: [(key: String, command: String)] = [
        ("^I", "cq-complete"),
        ("^R", "em-inc-search-prev"),  // not bound by default
        ("^W", "ed-delete-prev-word"),  // the emacs map kills the region instead
        ("\\e[1;5D", "ed-prev-word"),  // Ctrl-Left
        ("\\e[1;5C", "em-next-word"),  // Ctrl-Right
    ]

    /// Brackets the invisible (colour) parts of the prompt for `EL_PROMPT_ESC`.
    private static let promptEscape: CChar = 1

    private func readOnQueue(_ request: LineRequest) -> LineInput {
        guard !isClosed else { return .endOfInput }
        setPrompt(request.prompt.rendered(colors: colors, escape: Character(Unicode.Scalar(UInt8(Self.promptEscape)))))
        pendingText = request.pendingText
        _ = cq_el_prepare_terminal(editor)
        var count: Int32 = 0
        guard let line = el_gets(editor, &count) else {
            if count == -1, cq_interrupt_take() != 0 {
                output.write("^C\r\n")
                return .interrupted
            }
            return .endOfInput
        }
        var length = strlen(line)
        if length > 0, line[length - 1] == CChar(UInt8(ascii: "\n")) { length -= 1 }
        return .line(String(decoding: UnsafeRawBufferPointer(start: line, count: length), as: UTF8.self))
    }

    /// Reports a history problem once per session, not after every entry.
    private func warn(_ error: any Error) {
        guard !hasWarnedAboutHistory else { return }
        hasWarnedAboutHistory = true
        warnings.write("cq: warning: \(error)\n")
    }

    private func setPrompt(_ text: String) {
        guard let copy = strdup(text) else { return }  // keep the old prompt
        free(promptBuffer)
        promptBuffer = copy
    }
}
