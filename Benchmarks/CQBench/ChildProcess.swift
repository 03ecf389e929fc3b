import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program as a user would, and measures it: wall time and the peak
/// resident memory of that one program.
///
/// The peak comes from `/usr/bin/time` when it is installed: a process
/// spawned straight from this one would count this process's memory too
/// (Linux records the old address space's high-water mark at `exec`), and
/// `time` is small. Without it, `wait4`'s figure is printed, an upper bound.
struct ChildProcess {
    /// `/usr/bin/time`, which reports a child's own peak memory.
    static let timeCommand = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

    /// Runs `executable` and measures its own peak memory (see the type's notes).
    static func measure(_ executable: String, _ arguments: [String]) throws -> Run {
        guard let time = timeCommand else { return try run(executable, arguments) }
        var run = try run(time, ["-f", "cq-bench-peak-kb %M", executable] + arguments)
        var lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        if let last = lines.last, last.hasPrefix("cq-bench-peak-kb "), let kilobytes = Double(last.dropFirst(17)) {
            run.peakMegabytes = kilobytes / 1024
            lines.removeLast()
            run.stderr = lines.joined(separator: "\n")
        }
        return run
    }

    struct Run {
        var seconds: Double
        /// Peak resident set size, in megabytes.
        var peakMegabytes: Double
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`; its output goes to files, read after it ends.
    static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        let directory = FileManager.default.temporaryDirectory
        let outPath = directory.appendingPathComponent("cq-bench-out-\(UUID().uuidString)").path
        let errPath = directory.appendingPathComponent("cq-bench-err-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: executable]) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(
            seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: exit,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// The first of `candidates` that is an executable file, or `name` found on `PATH`.
    static func locate(_ name: String, candidates: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let all = candidates + path.split(separator: ":").map { "\($0)/\(name)" }
        return all.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
