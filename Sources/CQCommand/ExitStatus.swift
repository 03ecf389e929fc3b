import ArgumentParser
import CQ

/// The exit statuses of `cq`, following sysexits(3).
enum ExitStatus: Int32 {
    case success = 0
    /// A command-line usage error.
    case usage = 64
    /// The query has a syntax or check error, or asked for something impossible.
    case queryError = 65
    /// CircleCI could not be reached or kept failing.
    case unavailable = 69
    /// Something failed while running.
    case software = 70
    /// The token is missing or was refused.
    case authentication = 77
    /// Interrupted by Ctrl-C.
    case interrupted = 130

    var exitCode: ExitCode { ExitCode(rawValue) }
}

extension FailureKind {
    /// The exit status a failure of this kind ends `cq` with.
    var exitStatus: ExitStatus {
        switch self {
        case .query, .permission: .queryError
        case .authentication: .authentication
        case .unavailable: .unavailable
        case .runtime, .notFound, .limit: .software
        }
    }
}
