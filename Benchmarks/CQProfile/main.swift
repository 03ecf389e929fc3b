import CQ
import CQKit
import Foundation
import Synchronization

// `CQProfile QUERY`: evaluates one query in-process with the CLI's limits
// (files allowed, no row or step cap) and prints its value — a workload for
// `valgrind --tool=callgrind`, which counts instructions repeatably:
//
//     valgrind --tool=callgrind .build/release/CQProfile 'open("jobs.ndjson") | count'
//
// Its main is synchronous: valgrind 3.19 crashes on a process whose main
// thread parks in `dispatch_main` (as an async main's does) once more
// worker threads start, so it cannot run `cq` itself.

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: CQProfile QUERY\n".utf8))
    exit(64)
}
let query = CommandLine.arguments[1]
let output = Mutex("")
let done = DispatchSemaphore(value: 0)
Task.detached {
    let options = EvaluationOptions(allowFiles: true, maxSteps: .max, maxRowsPerStage: .max)
    let engine = CQEngine(session: nil, options: EngineOptions(evaluation: options))
    let text: String
    do {
        text = try await engine.evaluate(query).jsonText()
    } catch {
        text = "error: \(error)"
    }
    output.withLock { $0 = text }
    done.signal()
}
done.wait()
print(output.withLock { $0 })
