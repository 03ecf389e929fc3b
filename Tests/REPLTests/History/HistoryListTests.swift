import Testing

@testable import REPL

struct HistoryListTests {
    @Test func reenteringAnEntryMovesItToTheNewestPosition() {
        var list = HistoryList(capacity: 10)
        #expect(list.add("a") == .appended)
        #expect(list.add("b") == .appended)
        #expect(list.add("a") == .moved)
        #expect(list.entries == ["b", "a"])
    }

    @Test func repeatingTheNewestEntryChangesNothing() {
        var list = HistoryList(capacity: 10, entries: ["a", "b"])
        #expect(list.add("b") == .unchanged)
        #expect(list.entries == ["a", "b"])
    }

    @Test func theOldestEntriesAreDroppedBeyondCapacity() {
        var list = HistoryList(capacity: 3, entries: ["1", "2", "3"])
        list.add("4")
        #expect(list.entries == ["2", "3", "4"])
    }

    @Test func loadingKeepsTheLatestOccurrenceOfEachEntry() {
        let list = HistoryList(capacity: 10, entries: ["a", "b", "a", "c", "b"])
        #expect(list.entries == ["a", "c", "b"])
    }

    @Test func multiLineEntriesAreOneItem() {
        var list = HistoryList(capacity: 10)
        list.add("pipelines(\n\"gh/acme/api\")")
        #expect(list.entries.count == 1)
    }
}
