#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The buffer of a ``JSONStreamReader``: reading more, dropping what was
/// consumed (counting its lines, for error positions), and errors.
extension JSONStreamReader {
    /// The first byte from `start` that is not whitespace (consuming the
    /// whitespace), reading more as needed; `nil` at the end of the input.
    @usableFromInline
    func peekNonWhitespace() throws -> UInt8? {
        while true {
            while start < end {
                switch storage[start] {
                case 0x20, 0x0A, 0x0D, 0x09: start += 1
                case let byte: return byte
                }
            }
            if sourceEnded { return nil }
            try refill(wanting: 1)
        }
    }

    /// Skips a UTF-8 byte order mark at the very start of the input.
    @usableFromInline
    func skipByteOrderMark() throws {
        guard droppedBytes == 0, start == 0 else { return }
        while end < 3, !sourceEnded, end == 0 || storage[0] == 0xEF { try refill(wanting: 3) }
        if end >= 3, storage[0] == 0xEF, storage[1] == 0xBB, storage[2] == 0xBF { start = 3 }
    }

    @usableFromInline
    func findNewline(from index: Int) -> Int {
        guard index < end, let base = storage.baseAddress else { return end }
        guard let found = memchr(base + index, 0x0A, end - index) else { return end }
        return base.distance(to: found)
    }

    @usableFromInline
    func isBlank(from lower: Int, to upper: Int) -> Bool {
        var index = lower
        while index < upper {
            switch storage[index] {
            case 0x20, 0x0D, 0x09: index += 1
            default: return false
            }
        }
        return true
    }

    func containsNewline(from lower: Int, to upper: Int) -> Bool {
        guard let base = storage.baseAddress, upper > lower, lower >= 0 else { return false }
        return memchr(base + lower, 0x0A, upper - lower) != nil
    }

    /// Reads more input after the unconsumed bytes, until at least `wanting`
    /// of them are held, the source has nothing more at the moment (a short
    /// read), or it ends. Drops consumed bytes first and grows the buffer
    /// when it is full, so a large value is read in doubling steps.
    @usableFromInline
    func refill(wanting: Int) throws {
        guard !sourceEnded else { return }
        if start > 0 { drop(start) }
        repeat {
            if end == storage.count { grow() }
            let free = UnsafeMutableRawBufferPointer(rebasing: storage[end...])
            let count = try source.read(into: free)
            guard count > 0 else {
                sourceEnded = true
                return
            }
            end += count
            if count < free.count { return }
        } while end < wanting
    }

    func drop(_ count: Int) {
        let dropped = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<count])
        var lastNewline = -1
        var lines = 0
        if let base = storage.baseAddress {
            // memchr from newline to newline: fast for lines of any length.
            var next = 0
            while next < count, let found = memchr(base + next, 0x0A, count - next) {
                lastNewline = base.distance(to: found)
                lines += 1
                next = lastNewline + 1
            }
        }
        if lines > 0 {
            droppedLines += lines
            droppedColumn = TextLocation.scalarCount(dropped, from: lastNewline + 1, to: count)
        } else {
            droppedColumn += TextLocation.scalarCount(dropped, from: 0, to: count)
        }
        droppedBytes += count
        if let base = storage.baseAddress, end > count {
            base.copyMemory(from: base + count, byteCount: end - count)
        }
        end -= count
        start -= count
    }

    func grow() {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 8)
        if let target = larger.baseAddress, let source = storage.baseAddress {
            target.copyMemory(from: source, byteCount: end)
        }
        storage.deallocate()
        storage = larger
    }

    // MARK: Errors

    @usableFromInline
    func syntaxError(_ message: String, at offset: Int, atEnd: Bool = false) -> JSONSyntaxError {
        let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<end])
        let offset = min(offset, end)
        var line = droppedLines + 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        var column = TextLocation.scalarCount(bytes, from: lineStart, to: offset) + 1
        if line == droppedLines + 1 { column += droppedColumn }
        let text = atEnd ? "unexpected end of the input: " + message : message
        return JSONSyntaxError(message: text, offset: droppedBytes + offset, line: line, column: column)
    }

    @usableFromInline
    static func describe(_ byte: UInt8) -> String { JSONReader.describe(byte) }
}
