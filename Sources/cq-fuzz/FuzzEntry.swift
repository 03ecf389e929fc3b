import CQFuzzing
import Foundation

#if FUZZING
// Built with `-sanitize=fuzzer -DFUZZING` (Scripts/fuzz.sh): libFuzzer calls
// this for every input it makes and stops at the first crash or violation.

/// One harness for the whole run: generating the simulated organisation is slow.
nonisolated(unsafe) private var harness: FuzzHarness?

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let current = harness ?? FuzzHarness()
    harness = current
    let violations = Blocking.run { await current.violations(of: bytes) }
    if !violations.isEmpty {
        FileHandle.standardError.write(Data(("cq-fuzz: " + violations.joined(separator: "\ncq-fuzz: ") + "\n").utf8))
        abort()
    }
    return 0
}
#else
/// Replays inputs (crashers, corpus files) through the fuzz harness without
/// libFuzzer: `cq-fuzz FILE…` prints each violation and exits 1 if any.
@main
struct Replay {
    static func main() async {
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
    }
}
#endif
