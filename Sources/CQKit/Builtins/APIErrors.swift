import CQ
import CircleCI

/// Turns client errors into builtin errors with the right exit category.
enum APIErrors {
    static func map(_ error: any Error) -> any Error {
        guard let error = error as? CircleCIError else { return error }
        if let budget = error.underlyingError as? RequestBudgetExceeded {
            return BuiltinError(
                budget.description, kind: .limit, notes: ["narrow the query (`take`, `branch:`, a date), or raise the limit"])
        }
        let kind: FailureKind
        var notes: [String] = []
        switch error.kind {
        case .unauthorized, .forbidden:
            kind = .authentication
            notes.append("check CIRCLECI_TOKEN: it must be a personal API token (project tokens are refused by API v2)")
        case .notFound:
            kind = .notFound
        case .rateLimited, .serverError, .transport, .timeout:
            kind = .unavailable
            if let wait = error.retryAfter, error.detail != nil, wait > .zero {
                notes.append("cq waits at most --max-wait SECONDS (60 by default) when CircleCI asks to come back later")
            }
        case .redirectRefused:
            kind = .unavailable
            notes.append("the token is never sent to another host; check the CircleCI host cq is configured with")
        case .cancelled:
            return CancellationError()
        case .invalidResponse:
            kind = .runtime
        default:
            kind = .query
        }
        return BuiltinError(error.description, kind: kind, notes: notes)
    }

    /// Runs `body`, mapping client errors.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw map(error)
        }
    }

    /// A lazy stream over a paginated list, mapping each element and each error.
    ///
    /// - Parameter hint: what response caches are told about the pages' entity
    ///   (``CacheHint/settled`` for the tests of a finished job).
    static func stream<Element: Sendable>(
        _ list: Paginated<Element>, hint: CacheHint = .unknown, _ transform: @escaping @Sendable (Element) throws -> Value
    ) -> ValueStream {
        ValueStream {
            var iterator = list.makeAsyncIterator()
            return {
                do {
                    let next = try await CacheHint.$current.withValue(hint) { try await iterator.next() }
                    guard let element = next else { return nil }
                    return try transform(element)
                } catch {
                    throw map(error)
                }
            }
        }
    }
}

extension Invocation {
    /// The project slug argument `name`, or the session's default project.
    func project(_ name: String = "project", session: APISession) throws -> ProjectSlug {
        guard let text = try string(name) else {
            if let project = session.defaultProject { return project }
            throw BuiltinError(
                "\(self.name) needs a project slug such as \"gh/acme/api\"",
                notes: ["or set a default with `:use gh/acme/api` in the REPL"])
        }
        do {
            return try ProjectSlug(text)
        } catch {
            throw BuiltinError("\(error)")
        }
    }

    /// The Insights branch scope: `branch:` if given (it narrows
    /// `all_branches: true`), all branches when asked, otherwise the
    /// project's default branch, as the API and the Insights dashboard do.
    func branchScope() throws -> BranchScope {
        if let branch = try string("branch") { return .branch(branch) }
        if try bool("all_branches") == true { return .allBranches }
        return .defaultBranch
    }

    /// The `window:` argument as a reporting window.
    func reportingWindow() throws -> ReportingWindow? {
        guard let text = try string("window") else { return nil }
        guard let window = ReportingWindow(rawValue: text) else {
            throw BuiltinError(
                "unknown reporting window \"\(text)\"",
                notes: ["use one of: " + ReportingWindow.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        return window
    }
}
