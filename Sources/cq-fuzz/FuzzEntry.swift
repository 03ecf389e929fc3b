import CQFuzzing
import Foundation

/// `cq-fuzz FILE…` replays inputs (crashers, corpus files) through the fuzz
/// harness and exits 1 if any breaks an invariant. Built with
/// `-sanitize=fuzzer -DFUZZING` (Scripts/fuzz.sh) it is libFuzzer's driver
/// instead, and its arguments are libFuzzer's.
@main
struct FuzzEntry {
    static func main() async {
        #if FUZZING
        exit(LibFuzzer.run())
        #else
        let harness = FuzzHarness()
        var failed = false
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                failed = true
                continue
            }
            let violations = await harness.violations(of: Array(data))
            print(violations.isEmpty ? "\(path): ok" : violations.map { "\(path): \($0)" }.joined(separator: "\n"))
            failed = failed || !violations.isEmpty
        }
        exit(failed ? 1 : 0)
        #endif
    }
}
