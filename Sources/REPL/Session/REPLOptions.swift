import CQ

/// Settings for a ``REPLSession``.
public struct REPLOptions: Sendable {
    /// The name shown in the prompt and used for `~/.editrc` lines (`cq:bind …`).
    public var programName: String
    /// The history file; nil keeps history in memory only. Defaults to
    /// ``HistoryLocation/defaultPath(environment:)``.
    public var historyPath: String?
    /// The most history entries kept.
    public var historyCapacity: Int
    /// Whether the prompt may be coloured (only ever on a terminal). Defaults to
    /// ``colorsAllowedByEnvironment(_:)``.
    public var colors: Bool
    /// How long a query runs before the progress line appears.
    public var progressDelay: Duration
    /// After Ctrl-C, how long to wait for the evaluation to stop before giving up
    /// on it and returning to the prompt anyway. A second Ctrl-C gives up at once.
    public var cancelGracePeriod: Duration
    /// Whether `:watch` marks what changed since the last refresh (only ever
    /// on a terminal). Defaults to false when `TERM` is `dumb`.
    public var highlightsChanges: Bool
    /// The pager for long results and help (only ever on a terminal).
    public var pager: Pager

    /// Options from the process environment.
    public init(
        programName: String = "cq",
        historyPath: String? = HistoryLocation.defaultPath(),
        historyCapacity: Int = 1000,
        colors: Bool = REPLOptions.colorsAllowedByEnvironment(),
        progressDelay: Duration = .milliseconds(300),
        cancelGracePeriod: Duration = .seconds(3),
        highlightsChanges: Bool = HistoryLocation.processEnvironment("TERM") != "dumb",
        pager: Pager = .fromEnvironment()
    ) {
        self.programName = programName
        self.historyPath = historyPath
        self.historyCapacity = historyCapacity
        self.colors = colors
        self.progressDelay = progressDelay
        self.cancelGracePeriod = cancelGracePeriod
        self.highlightsChanges = highlightsChanges
        self.pager = pager
    }

    /// Colour on the REPL's terminal, by ``CQ/ColorPolicy``: true unless
    /// `NO_COLOR` is set to anything non-empty or `TERM` is `dumb`, and always
    /// when `FORCE_COLOR` or `CLICOLOR_FORCE` is set (not empty, not `0`).
    public static func colorsAllowedByEnvironment(
        _ environment: (String) -> String? = HistoryLocation.processEnvironment
    ) -> Bool {
        ColorPolicy.allowsColor(isTerminal: true, environment: environment)
    }
}
