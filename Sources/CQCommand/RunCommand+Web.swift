import CQ
import Foundation

extension RunCommand {
    /// `--web`: runs the query or script and opens its rows' pages instead of printing them.
    func openPages(_ runner: QueryRunner, _ environment: Environment, _ bindings: Checker.Bindings) async throws -> ExitStatus {
        let source: SourceFile
        if let query {
            source = SourceFile(name: "<command line>", text: query)
        } else if let file, file != "-" {
            source = SourceFile(name: file, text: try readSource(file))
        } else {
            throw CommandFailure(.usage, "--web opens the pages of a query's rows: give it -e QUERY or a script")
        }
        let (value, status) = await Interruption.cancellingOnInterrupt {
            var environment = environment
            var bindings = bindings
            return await runner.value(of: source, environment: &environment, bindings: &bindings)
        }
        if status == .interrupted { Terminal.printError("Cancelled.\n") }
        guard status == .success else { return status }
        do {
            try WebPages.open(value ?? .null, environment: ProcessInfo.processInfo.environment) { Terminal.printError($0) }
        } catch {
            throw CommandFailure(error.status, error.message)
        }
        return .success
    }
}
