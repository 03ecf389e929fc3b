// Runs the REPL over a scripted fake host, so the pseudo-terminal tests exercise
// real libedit without the language or the network. The history file comes from
// the environment like cq's (`CQ_HISTORY_FILE`, `XDG_STATE_HOME`, `HOME`).
import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let status = await REPLSession(host: FakeHost()).run()
exit(status)
