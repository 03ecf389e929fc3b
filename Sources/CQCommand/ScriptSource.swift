import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the text of a `.cq` script for `cq FILE`, `check`, `fmt` and
/// `explain`: from a file, a pipe or FIFO (`cq <(…)`), or standard input for
/// `-`, with a clear message for a directory, a missing or unreadable file,
/// or text that is not UTF-8.
enum ScriptSource {
    static func read(_ path: String) throws -> String {
        guard path != "-" else { return try decode(FileHandle.standardInput.readDataToEndOfFile(), path: "<stdin>") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(.usage, "\(path) is a directory, not a script")
        }
        // A plain open: pipes and FIFOs (`cq <(echo 1+1)`) read like files.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure(.usage, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        return try decode(handle.readDataToEndOfFile(), path: path)
    }

    /// `data` as UTF-8 text, or an error naming the line and column of the first byte that is not.
    static func decode(_ data: Data, path: String) throws -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var line = 1
        var lineStart = 0
        let bytes = Array(data)
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(bytes, at: index)
            guard length > 0 else { break }
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
        let byte = index < bytes.count ? String(format: "0x%02X", bytes[index]) : "end of file"
        throw CommandFailure(.usage, "\(path):\(line):\(column): the script is not UTF-8 text (byte \(byte))")
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is not one.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        for length in 1...4 where index + length <= bytes.count {
            if String(validating: bytes[index..<index + length], as: UTF8.self) != nil { return length }
        }
        return 0
    }
}
