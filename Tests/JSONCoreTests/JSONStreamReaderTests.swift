import JSONCore
import Testing

/// Reading a value at a time: arrays element by element, NDJSON line by line,
/// whatever the sizes of the pieces the input arrives in.
@Suite struct JSONStreamReaderTests {
    /// Bytes handed out `chunk` at a time.
    struct Chunks: JSONByteSource {
        let bytes: [UInt8]
        let chunk: Int
        var offset = 0

        init(_ text: String, chunk: Int) {
            self.bytes = Array(text.utf8)
            self.chunk = chunk
        }

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let count = min(chunk, buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            offset += count
            return count
        }
    }

    enum Outcome: Equatable {
        case single(JSON)
        case rows([JSON])
        case failure(line: Int, column: Int, message: String, rowsBefore: Int)
    }

    static func read(_ text: String, layout: JSONLayout, chunk: Int) -> Outcome {
        let reader = JSONStreamReader(source: Chunks(text, chunk: chunk), layout: layout, initialCapacity: 64)
        var builder = JSON.Builder()
        var rows: [JSON] = []
        do {
            switch try reader.start(with: &builder) {
            case .single(let value):
                return .single(value)
            case .rows(let first):
                if let first { rows.append(first) }
            }
            while let row = try reader.next(with: &builder) { rows.append(row) }
            return .rows(rows)
        } catch let error as JSONSyntaxError {
            return .failure(line: error.line, column: error.column, message: error.message, rowsBefore: rows.count)
        } catch {
            return .failure(line: 0, column: 0, message: "\(error)", rowsBefore: rows.count)
        }
    }

    static let chunkSizes = [1, 2, 3, 7, 64, 100_000]

    @Test(arguments: chunkSizes)
    func theLayoutIsFoundFromTheData(_ chunk: Int) {
        let long = String(repeating: "x", count: 300)
        let cases: [(String, Outcome)] = [
            ("", .rows([])),
            ("  \n ", .rows([])),
            ("[]", .rows([])),
            ("[1, \"two\", {\"three\": 3}]", .rows([.int(1), .string("two"), .object([("three", .int(3))])])),
            ("{\"a\": 1}\n", .single(.object([("a", .int(1))]))),
            ("{\n  \"a\": \"\(long)\"\n}\n", .single(.object([("a", .string(long))]))),
            ("42", .single(.int(42))),
            ("{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}", .rows([1, 2, 3].map { .object([("a", .int($0))]) })),
            ("[1]\n[2]\n", .failure(line: 2, column: 1, message: "unexpected text after the JSON array ('[')", rowsBefore: 1)),
            ("{\n\"a\": 1\n}\n{\n\"a\": 2\n}", .rows([1, 2].map { .object([("a", .int($0))]) })),
            ("1 2 3", .rows([.int(1), .int(2), .int(3)])),
            ("\u{FEFF}[\"\(long)\", 1.5]", .rows([.string(long), .double(1.5)])),
        ]
        for (text, expected) in cases {
            #expect(Self.read(text, layout: .automatic, chunk: chunk) == expected, "\(text.prefix(40))")
        }
    }

    @Test(arguments: chunkSizes)
    func ndjsonIsOneValuePerLine(_ chunk: Int) {
        #expect(Self.read("{\"a\": 1}\n", layout: .lines, chunk: chunk) == .rows([.object([("a", .int(1))])]))
        #expect(Self.read("[1]\r\n\n  [2]  \n", layout: .lines, chunk: chunk) == .rows([.array([.int(1)]), .array([.int(2)])]))
        #expect(
            Self.read("{\"a\": 1}\n{\"a\":\n2}\n", layout: .lines, chunk: chunk)
                == .failure(
                    line: 2, column: 6, message: "the line ends too early: expected a JSON value", rowsBefore: 1))
        #expect(
            Self.read("1\n2 3\n", layout: .lines, chunk: chunk)
                == .failure(
                    line: 2, column: 3, message: "unexpected text after the JSON value (NDJSON has one value per line)",
                    rowsBefore: 1))
    }

    @Test(arguments: chunkSizes)
    func errorsDeepInALongInputAreOnTheirRealLine(_ chunk: Int) {
        let rows = (0..<500).map { "{\"n\": \($0), \"text\": \"é—\($0)\"}" }
        var lines = rows
        lines[321] = "{\"n\": 321, \"text\": \"é—\" \"oops\"}"
        let ndjson = lines.joined(separator: "\n")
        #expect(
            Self.read(ndjson, layout: .automatic, chunk: chunk)
                == .failure(
                    line: 322, column: 25, message: "expected ',' or '}' after a member of an object, found '\"'",
                    rowsBefore: 321))
        let array = "[\n" + lines.map { "  " + $0 }.joined(separator: ",\n") + "\n]"
        #expect(
            Self.read(array, layout: .automatic, chunk: chunk)
                == .failure(
                    line: 323, column: 27, message: "expected ',' or '}' after a member of an object, found '\"'",
                    rowsBefore: 321))
        #expect(
            Self.read("[1,\n 2\n", layout: .automatic, chunk: chunk)
                == .failure(
                    line: 3, column: 1,
                    message: "unexpected end of the input: expected ',' or ']' after an element of an array", rowsBefore: 2))
    }

    @Test func theDocumentLayoutWantsOneValue() {
        #expect(Self.read("{\"a\": 1}", layout: .document, chunk: 3) == .single(.object([("a", .int(1))])))
        #expect(Self.read("[1, 2]", layout: .document, chunk: 3) == .rows([.int(1), .int(2)]))
        #expect(
            Self.read("{\"a\": 1}\n{\"a\": 2}", layout: .document, chunk: 3)
                == .failure(line: 2, column: 1, message: "unexpected text after the JSON value ('{')", rowsBefore: 0))
    }
}

extension JSONStreamReaderTests.Outcome: CustomStringConvertible {
    var description: String {
        switch self {
        case .single(let value): "single(\(String(decoding: value.serialized(), as: UTF8.self)))"
        case .rows(let rows): "rows(\(rows.map { String(decoding: $0.serialized(), as: UTF8.self) }))"
        case .failure(let line, let column, let message, let before): "failure(\(line):\(column) \(message), after \(before))"
        }
    }
}
