import ArgumentParser

@main
struct CQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cq", abstract: "Ask questions of CircleCI.")
    func run() async throws {}
}
