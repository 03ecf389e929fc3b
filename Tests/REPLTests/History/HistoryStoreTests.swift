import Foundation
import Testing

@testable import REPL

struct HistoryStoreTests {
    private func store(at path: String?, capacity: Int = 100) throws -> HistoryStore {
        try #require(HistoryStore(path: path, capacity: capacity))
    }

    @Test func entriesRoundTripThroughTheFile() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/nested/dir/history"
        let first = try store(at: path)
        try first.load()
        let entries = ["echo one", "pipelines(\n  \"gh/acme/api\")", "echo café \\ back\tslash"]
        for entry in entries { #expect(try first.record(entry)) }

        let second = try store(at: path)
        try second.load()
        #expect(second.list.entries == entries)
        #expect(scratch.permissions(of: path) == 0o600)
        #expect(scratch.permissions(of: scratch.path + "/nested/dir") == 0o700)
        #expect(scratch.contents(of: path)?.hasPrefix("_HiStOrY_V2_\n") == true)
    }

    @Test func loadingNarrowsWidePermissions() throws {
        let scratch = try Scratch()
        let path = scratch.historyFile
        let first = try store(at: path)
        try first.record("echo one")
        #expect(chmod(path, 0o666) == 0)
        try store(at: path).load()
        #expect(scratch.permissions(of: path) == 0o600)
    }

    @Test func duplicatesAndSecretsInAnExistingFileAreDroppedOnLoad() throws {
        let scratch = try Scratch()
        let path = try scratch.write(
            "_HiStOrY_V2_\necho\\040a\necho\\040CCIPAT_abcdefgh12345678\necho\\040b\necho\\040a\n", to: "history")
        let history = try store(at: path)
        try history.load()
        #expect(history.list.entries == ["echo b", "echo a"])
    }

    @Test func entriesHoldingARegisteredSecretAreNeitherRecordedNorLoaded() throws {
        let secret = "store-\(UInt64.random(in: 1...UInt64.max))"
        let scratch = try Scratch()
        let path = try scratch.write("_HiStOrY_V2_\necho\\040\(secret)\necho\\040b\n", to: "history")
        HistorySecrets.add(secret)
        let history = try store(at: path)
        try history.load()
        #expect(history.list.entries == ["echo b"])
        #expect(try !history.record("let t = \"\(secret)\""))
        #expect(try history.record("echo c"))
        #expect(scratch.contents(of: path)?.contains(secret) == false)
    }

    @Test func aFileThatIsNotAHistoryFileIsLeftAlone() throws {
        let scratch = try Scratch()
        let path = try scratch.write("precious notes\n", to: "notes")
        let history = try store(at: path)
        #expect(throws: HistoryFileError.self) { try history.load() }
        try history.record("echo one")
        #expect(scratch.contents(of: path) == "precious notes\n")
    }

    @Test func capacityBoundsTheFile() throws {
        let scratch = try Scratch()
        let history = try store(at: scratch.historyFile, capacity: 3)
        for number in 1...5 { try history.record("echo \(number)") }
        let reloaded = try store(at: scratch.historyFile, capacity: 3)
        try reloaded.load()
        #expect(reloaded.list.entries == ["echo 3", "echo 4", "echo 5"])
    }

    @Test func aFullHistoryLoadsQuickly() throws {
        let scratch = try Scratch()
        let path = try scratch.writeHistoryFile(entries: 1000)
        let history = try store(at: path, capacity: 1000)
        let start = ContinuousClock.now
        try history.load()
        // Loading runs before the first prompt (budget 150 ms); ~20 ms in a debug build.
        // The bound only catches gross regressions, with room for a loaded machine.
        #expect(start.duration(to: .now) < .seconds(5))
        #expect(history.list.entries.count == 1000)
    }

    @Test func withoutAPathHistoryStaysInMemory() throws {
        let history = try store(at: nil)
        try history.load()
        #expect(try history.record("echo one"))
        #expect(history.list.entries == ["echo one"])
        #expect(!history.needsSaving)
    }

    @Test func locationFollowsTheEnvironment() {
        func path(_ variables: [String: String]) -> String? {
            HistoryLocation.defaultPath { variables[$0] }
        }
        #expect(path(["CQ_HISTORY_FILE": "/x/h", "XDG_STATE_HOME": "/s", "HOME": "/home/u"]) == "/x/h")
        #expect(path(["XDG_STATE_HOME": "/s", "HOME": "/home/u"]) == "/s/cq/history")
        #expect(path(["XDG_STATE_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.local/state/cq/history")
        #expect(path([:]) == nil)
    }
}
