/// Whether output may be coloured, by the conventions of no-color.org,
/// force-color.org and bixense.com/clicolors, in this order:
///
/// 1. `FORCE_COLOR` or `CLICOLOR_FORCE` set to anything but empty or `0`:
///    colour, even into a pipe or a file, whatever `NO_COLOR` and `TERM` say
///    (forcing is asked for one command; `NO_COLOR` is usually set once, in a
///    profile);
/// 2. `NO_COLOR` set to anything but empty: no colour (an empty `NO_COLOR=`
///    does not disable it);
/// 3. `TERM=dumb`: no colour;
/// 4. otherwise colour exactly when the output is a terminal.
public enum ColorPolicy {
    /// Whether to colour output to a stream that is (`isTerminal`) or is not
    /// a terminal, given the environment variable lookup `environment`.
    public static func allowsColor(isTerminal: Bool, environment: (String) -> String?) -> Bool {
        if isForced(environment) { return true }
        if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
        if environment("TERM") == "dumb" { return false }
        return isTerminal
    }

    /// Whether `FORCE_COLOR` or `CLICOLOR_FORCE` asks for colour.
    public static func isForced(_ environment: (String) -> String?) -> Bool {
        ["FORCE_COLOR", "CLICOLOR_FORCE"].contains { name in
            guard let value = environment(name) else { return false }
            return !value.isEmpty && value != "0"
        }
    }
}
