/// The prompt: `cq> `, `cq gh/acme/api> `, or `cq(> ` while an entry continues.
public struct Prompt: Sendable, Hashable {
    /// The program name at the start, `cq`.
    public var name: String
    /// Context after the name, such as the default project; nil for none.
    public var decoration: String?
    /// While an entry is incomplete, the symbol for what is open (`(`, `"`, `|`);
    /// nil on a first line.
    public var open: String?

    /// Creates a prompt.
    public init(name: String = "cq", decoration: String? = nil, open: String? = nil) {
        self.name = name
        self.decoration = decoration
        self.open = open
    }

    /// The plain text of the prompt.
    public var text: String { rendered(colors: false) }

    /// The prompt, optionally with ANSI colours. When `escape` is given, every
    /// colour sequence is wrapped in it, which is how libedit's `EL_PROMPT_ESC`
    /// learns which characters take no space on screen. Neighbouring sequences
    /// share one wrapped segment: libedit garbles a prompt with two segments in a row.
    public func rendered(colors: Bool, escape: Character? = nil) -> String {
        var runs: [(text: String, style: String)] = [(name, ANSI.bold)]
        if let decoration, !decoration.isEmpty { runs += [(" ", ""), (decoration, ANSI.cyan)] }
        if let open { runs.append((open, ANSI.yellow)) }
        runs.append(("> ", ""))
        guard colors else { return runs.map(\.text).joined() }
        let marker = escape.map(String.init) ?? ""
        var prompt = ""
        var current = ""
        for run in runs {
            if run.style != current {
                prompt += marker + (current.isEmpty ? "" : ANSI.reset) + run.style + marker
                current = run.style
            }
            prompt += run.text
        }
        return prompt
    }
}
