import Foundation

extension CircleCIClient {
    /// The steps of a job, from API v1.1 (`GET /api/v1.1/project/{vcs}/{org}/{repo}/{build_num}`).
    ///
    /// v1.1 spells the VCS in full, so `gh/acme/api` becomes `github/acme/api`.
    public func jobSteps(project: ProjectSlug, jobNumber: Int) async throws -> [JobStep] {
        let number = try Identifier.number(jobNumber, name: "job number", operationID: "getJobV1")
        let build = try await fetch(
            V1Build.self,
            APIRequest(
                operationID: "getJobV1", root: .v1, path: "/project/\(project.v1PathComponent)/\(number)",
                subject: "job \(number) of \(project)"))
        return build.steps ?? []
    }

    /// The log of one step action, read from its presigned ``StepAction/outputURL``.
    ///
    /// The URL points at another host and already carries its signature, so it
    /// is fetched without the CircleCI token. An action without output yields `[]`.
    ///
    /// - Throws: ``CircleCIError``; ``CircleCIError/Kind/invalidArgument`` for a
    ///   URL that is not `https` (plain `http` only to loopback).
    public func stepOutput(_ action: StepAction) async throws -> [StepOutput] {
        guard let text = action.outputURL, !text.isEmpty else { return [] }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host,
            scheme == "https" || scheme == "http", CircleCIConfiguration.isSecure(scheme: scheme, host: host)
        else {
            throw CircleCIError.invalidArgument(
                "step output URL of `\(action.name)` must be https:// (plain http only to loopback)",
                operationID: "getStepOutput")
        }
        return try await fetch(
            [StepOutput].self,
            APIRequest(operationID: "getStepOutput", root: .absolute(url), path: url.path, subject: "output of step `\(action.name)`"))
    }
}
