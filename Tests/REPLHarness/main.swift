// Runs the REPL over a scripted fake host, so the pseudo-terminal tests exercise
// real libedit without the language or the network. The history file comes from
// the environment like cq's (`CQ_HISTORY_FILE`, `XDG_STATE_HOME`, `HOME`);
// `REPLHARNESS_CANCEL_GRACE` sets the seconds to wait for a cancelled query.
import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

var options = REPLOptions()
if let grace = HistoryLocation.processEnvironment("REPLHARNESS_CANCEL_GRACE").flatMap(Int64.init) {
    options.cancelGracePeriod = .seconds(grace)
}
let status = await REPLSession(host: FakeHost(), options: options).run()
exit(status)
