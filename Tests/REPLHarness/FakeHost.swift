import REPL
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A host with a handful of commands instead of the cq language:
///
/// - `echo TEXT` prints TEXT;
/// - `count` prints `count: N`, one more each time (for `:watch`);
/// - `sleep SECONDS` sleeps, cancellably, as one "request" in flight;
/// - `stubborn SECONDS` sleeps and ignores cancellation (for the second Ctrl-C);
/// - `fail MESSAGE` fails with status 65.
final class FakeHost: REPLHost {
    private struct State {
        var counter = 0
        var format = OutputFormat.table
        var project: String?
        var metrics = REPLMetrics()
    }

    private let state = Mutex(State())
    let completeness: any InputCompletenessChecking = BracketCompleteness()
    let completions: any CompletionProvider = FakeCompletions()

    func evaluate(_ entry: String) async -> EvaluationResult {
        let trimmed = entry.drop { $0 == " " }
        let command = String(trimmed.prefix { $0 != " " && $0 != "\n" })
        let argument = String(trimmed.dropFirst(command.count).drop { $0 == " " })
        switch command {
        case "echo":
            return .success(argument)
        case "count":
            let value = state.withLock { state in
                state.counter += 1
                return state.counter
            }
            return .success("count: \(value)")
        case "sleep", "stubborn":
            guard let seconds = Double(argument) else { return .failure("error: `\(command)` needs a number") }
            return await pretendRequest(seconds: seconds, cancellable: command == "sleep")
        case "fail":
            return .failure("error: \(argument)")
        default:
            return .failure("error: unknown command `\(command)`")
        }
    }

    func perform(_ command: HostCommand) async -> EvaluationResult {
        switch command {
        case .format(let format):
            let current = state.withLock { state in
                if let format { state.format = format }
                return state.format
            }
            return .success("Output format is \(current.rawValue).")
        case .schema(let expression):
            return .success("schema of \(expression): { id: string, state: string }")
        case .explain(let query):
            return .success("plan of \(query): no requests")
        case .use(let project):
            let current = state.withLock { state in
                if let project { state.project = project }
                return state.project
            }
            return .success(current.map { "Default project is \($0)." } ?? "No default project.")
        case .load(let path):
            return await load(path)
        case .open(let query):
            return .success("would open the pages of \(query ?? "the last query")")
        case .help(let topic):
            guard let topic else { return .success("Commands: echo, count, sleep, stubborn, fail") }
            return topic == "echo" ? .success("echo TEXT prints TEXT") : .failure("error: no help for `\(topic)`")
        }
    }

    func promptDecoration() async -> String? {
        state.withLock { $0.project }
    }

    func metrics() async -> REPLMetrics {
        state.withLock { $0.metrics }
    }

    private func pretendRequest(seconds: Double, cancellable: Bool) async -> EvaluationResult {
        state.withLock { $0.metrics.requestsInFlight += 1 }
        defer {
            state.withLock { state in
                state.metrics.requestsInFlight -= 1
                state.metrics.requestsCompleted += 1
            }
        }
        let duration = Duration.milliseconds(Int64(seconds * 1000))
        if cancellable {
            do { try await Task.sleep(for: duration) } catch { return .failure("sleep cancelled", exitStatus: 130) }
        } else {
            await Task.detached { try? await Task.sleep(for: duration) }.value
        }
        return .success("slept \(seconds)s")
    }

    /// Evaluates each non-empty line of a file.
    private func load(_ path: String) async -> EvaluationResult {
        guard let file = fopen(path, "r") else { return .failure("error: cannot read \(path)", exitStatus: 66) }
        defer { fclose(file) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while case let count = fread(&chunk, 1, chunk.count, file), count > 0 {
            contents.append(contentsOf: chunk[..<count])
        }
        var combined = EvaluationResult()
        for line in String(decoding: contents, as: UTF8.self).split(separator: "\n") {
            let result = await evaluate(String(line))
            combined.output += result.output.isEmpty ? "" : result.output + "\n"
            combined.errorOutput += result.errorOutput.isEmpty ? "" : result.errorOutput + "\n"
            combined.exitStatus = max(combined.exitStatus, result.exitStatus)
        }
        return combined
    }
}
