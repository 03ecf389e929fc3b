#if FUZZING
import CQFuzzing
import Foundation

/// libFuzzer's entry points (from `-sanitize=fuzzer`): cq's own `main` runs
/// its driver, which calls ``testOneInput`` for every input it makes and
/// stops at the first crash or violation.
enum LibFuzzer {
    static func run() -> Int32 {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// One harness for the whole run: generating the simulated organisation is slow.
nonisolated(unsafe) private var harness: FuzzHarness?

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
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
#endif
