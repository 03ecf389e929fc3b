/// Runs a ``RegexProgram`` over a text by simulating every possible path at
/// once (Thompson's construction, Pike's captures): time linear in the text
/// times the program, never exponential, whatever the pattern.
///
/// Leftmost-first, like Perl: among matches starting at the leftmost
/// position, the one the pattern prefers (greedy or lazy, earlier
/// alternatives first) wins.
struct PikeVM {
    let program: RegexProgram
    /// The most thread steps one search may take before it gives up.
    let budget: Int

    private struct Thread {
        var pc: Int
        var slots: [Int]
    }

    /// The capture slots of the first match at or after `start`, or `nil`.
    func firstMatch(in text: [Unicode.Scalar], from start: Int) throws(RegexLimitError) -> [Int]? {
        let instructions = program.instructions
        var current: [Thread] = []
        var next: [Thread] = []
        var marks = [Int](repeating: -1, count: instructions.count)
        var generation = 0
        var steps = 0
        var matched: [Int]?
        let empty = [Int](repeating: -1, count: program.slotCount)

        func add(_ thread: Thread, at position: Int, to list: inout [Thread]) throws(RegexLimitError) {
            var stack = [thread]
            while var thread = stack.popLast() {
                steps += 1
                if steps > budget { throw RegexLimitError() }
                guard marks[thread.pc] != generation else { continue }
                marks[thread.pc] = generation
                switch instructions[thread.pc] {
                case .jump(let target):
                    thread.pc = target
                    stack.append(thread)
                case .split(let first, let second):
                    // Push the second first, so the first is followed first (it has priority).
                    stack.append(Thread(pc: second, slots: thread.slots))
                    thread.pc = first
                    stack.append(thread)
                case .save(let slot):
                    thread.slots[slot] = position
                    thread.pc += 1
                    stack.append(thread)
                case .assertStart:
                    guard position == 0 else { continue }
                    thread.pc += 1
                    stack.append(thread)
                case .assertEnd:
                    guard position == text.count else { continue }
                    thread.pc += 1
                    stack.append(thread)
                case .wordBoundary(let negated):
                    let before = position > 0 && ScalarSet.word.contains(text[position - 1])
                    let after = position < text.count && ScalarSet.word.contains(text[position])
                    guard (before != after) != negated else { continue }
                    thread.pc += 1
                    stack.append(thread)
                case .scalar, .set, .any, .match:
                    list.append(thread)
                }
            }
        }

        var position = start
        while true {
            generation += 1
            // A new attempt starting here, behind every earlier (leftmost) one.
            if matched == nil {
                for thread in current { marks[thread.pc] = generation }
                try add(Thread(pc: 0, slots: empty), at: position, to: &current)
            }
            // Nothing left to follow: done once a match is known; otherwise
            // the next position gets its own attempt.
            if current.isEmpty, matched != nil { break }
            generation += 1
            next.removeAll(keepingCapacity: true)
            for thread in current {
                let instruction = instructions[thread.pc]
                if case .match = instruction {
                    // Every thread after this one has a lower priority.
                    matched = thread.slots
                    break
                }
                guard position < text.count else { continue }
                let scalar = text[position]
                let consumes: Bool
                switch instruction {
                case .scalar(let expected): consumes = scalar == expected
                case .set(let set): consumes = set.contains(scalar)
                case .any: consumes = scalar != "\n"
                default: consumes = false
                }
                if consumes { try add(Thread(pc: thread.pc + 1, slots: thread.slots), at: position + 1, to: &next) }
            }
            swap(&current, &next)
            if position >= text.count { break }
            position += 1
        }
        return matched
    }
}

/// A regular expression took more steps than its budget on one text.
public struct RegexLimitError: Error, Sendable, Equatable {}
