import CQ
import Testing

/// no-color.org, force-color.org and CLICOLOR_FORCE, in that order of precedence.
struct ColorPolicyTests {
    @Test(arguments: [
        ([String: String](), true, true),
        ([:], false, false),
        (["NO_COLOR": "1"], true, false),
        (["NO_COLOR": "0"], true, false),  // any non-empty value disables colour
        (["NO_COLOR": ""], true, true),  // an empty NO_COLOR does not
        (["TERM": "dumb"], true, false),
        (["TERM": "xterm-256color"], true, true),
        (["FORCE_COLOR": "1"], false, true),  // into a pipe
        (["FORCE_COLOR": "true"], false, true),
        (["FORCE_COLOR": "3"], false, true),
        (["FORCE_COLOR": ""], false, false),
        (["FORCE_COLOR": "0"], false, false),
        (["FORCE_COLOR": "0"], true, true),  // "0" does not force, nor forbid
        (["CLICOLOR_FORCE": "1"], false, true),
        (["CLICOLOR_FORCE": "0"], false, false),
        (["FORCE_COLOR": "1", "NO_COLOR": "1"], false, true),  // forcing wins
        (["CLICOLOR_FORCE": "1", "TERM": "dumb"], false, true),
        (["FORCE_COLOR": "0", "NO_COLOR": "1"], true, false),
    ])
    func colour(_ environment: [String: String], isTerminal: Bool, expected: Bool) {
        #expect(ColorPolicy.allowsColor(isTerminal: isTerminal) { environment[$0] } == expected)
    }
}
