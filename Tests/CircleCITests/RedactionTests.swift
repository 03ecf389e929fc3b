import CircleCI
import Foundation
import HTTPTypes
import Testing

/// The token never reaches an error's text, whatever the text came from.
@Suite("Token redaction")
struct RedactionTests {
    static let token = "CCIPAT_Redaction0000000000_0123456789abcdef0123456789abcdef01234567"

    static var encodings: [String] {
        [
            token, token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token,
            Data((token + ":").utf8).base64EncodedString(), Data(token.utf8).base64EncodedString(),
        ]
    }

    @Test func theRedactorReplacesTheTokenAndItsEncodings() {
        let redactor = TokenRedactor(token: Self.token)
        for form in Self.encodings {
            #expect(redactor.redact("before \(form) after") == "before <redacted> after")
            #expect(redactor.appears(in: "x\(form)y"))
        }
        let basic = "Basic " + Data((Self.token + ":").utf8).base64EncodedString()
        #expect(redactor.redact(basic) == "Basic <redacted>")
        #expect(redactor.redact("nothing secret") == "nothing secret")
        #expect(!String(describing: redactor).contains(Self.token))
        #expect(!String(reflecting: redactor).contains(Self.token))
    }

    @Test func aShortOrMissingTokenRedactsNothing() {
        #expect(TokenRedactor(token: nil).isEmpty)
        #expect(TokenRedactor(token: "abc").redact("abc abc") == "abc abc")
        #expect(TokenRedactor.none.redact("anything") == "anything")
    }

    /// Issue 10: a server message echoing the token was printed verbatim.
    @Test(arguments: [400, 401, 403, 404, 409, 429, 500, 502, 503])
    func anErrorBodyEchoingTheTokenIsRedacted(_ status: Int) async throws {
        for form in Self.encodings {
            let transport = ScriptedTransport(status: status, body: #"{"message": "token \#(form) is not valid"}"#)
            let client = try makeClient(transport, token: Self.token, retry: .none)
            let error = try await #require(throws: CircleCIError.self) { try await client.me() }
            #expect(error.serverMessage == "token <redacted> is not valid", "HTTP \(status)")
            Self.expectNoToken(in: error)
        }
    }

    @Test func aPlainTextOrHTMLBodyEchoingTheTokenIsRedacted() async throws {
        for body in ["bad token \(Self.token)", "<html><head><title>Denied \(Self.token)</title></head></html>"] {
            let client = try makeClient(ScriptedTransport(status: 401, body: body), token: Self.token)
            let error = try await #require(throws: CircleCIError.self) { try await client.me() }
            #expect(error.serverMessage?.contains("<redacted>") == true)
            Self.expectNoToken(in: error)
        }
    }

    @Test func anUnderlyingErrorNamingTheTokenIsReplaced() async throws {
        struct Leaky: Error, CustomStringConvertible {
            var description: String { "proxy refused \(RedactionTests.token)" }
        }
        let transport = ScriptedTransport { _, _ in throw Leaky() }
        let client = try makeClient(transport, token: Self.token)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.underlyingError is RedactedError)
        Self.expectNoToken(in: error)
    }

    @Test func aBodyThatFailsToDecodeIsRedactedToo() async throws {
        let client = try makeClient(ScriptedTransport(body: #"{"login": 1, "id": "\#(Self.token)"}"#), token: Self.token)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.kind == .invalidResponse)
        Self.expectNoToken(in: error)
    }

    @Test func aRawPathHoldingTheTokenIsRedacted() async throws {
        let client = try makeClient(ScriptedTransport(status: 404, body: "{}"), token: Self.token)
        let error = try await #require(throws: CircleCIError.self) { try await client.get("/project/\(Self.token)") }
        #expect(error.path == "/project/<redacted>")
        Self.expectNoToken(in: error)
    }

    static func expectNoToken(in error: CircleCIError, sourceLocation: SourceLocation = #_sourceLocation) {
        let texts = [
            error.description, error.summary, String(reflecting: error), error.serverMessage ?? "", error.detail ?? "",
            error.path ?? "", error.subject ?? "", error.underlyingError.map { String(describing: $0) } ?? "",
        ]
        for text in texts {
            for form in encodings {
                #expect(!text.contains(form), "the token leaked: \(text)", sourceLocation: sourceLocation)
            }
        }
    }
}
