import Testing

@testable import REPL

struct HistoryPolicyTests {
    @Test(arguments: [
        "echo 0123456789abcdef0123456789abcdef01234567",
        "auth(\"0123456789ABCDEF0123456789ABCDEF01234567\")",
        "echo CCIPAT_AbCdEf1234567890_0123456789",
        "echo CCIPRJ_abcdefgh12345678",
        "echo ghp_abcdefghijklmnop1234",
        "request(headers: {\"Circle-Token\": \"x\"})",
        "circle-token abc",
        "token = abcdef123",
        "set api_key: \"s3cr3tvalue\"",
        "login(password == 'hunter2hunter2')",
        "CIRCLE_TOKEN=abcdefgh",
        "\"secret\": \"abcdefgh\"",
        "use token \"abcdefghij\"",
        "Authorization: Bearer abcdefghij",
    ])
    func secretsAreNotRecorded(entry: String) {
        #expect(SecretDetector.containsSecret(entry))
        #expect(!HistoryPolicy.shouldRecord(entry))
    }

    @Test(arguments: [
        "pipelines(\"gh/acme/api\") | where state == \"failed\" | jobs",
        "where name == \"token-rotation\"",
        "where message contains \"password reset\"",
        "select token, name",
        "where name == \"secret\"",
        "where id == \"0123456789abcdef\"",
        "where tokens > 3",
        "echo café",
    ])
    func ordinaryQueriesAreRecorded(entry: String) {
        #expect(!SecretDetector.containsSecret(entry))
        #expect(HistoryPolicy.shouldRecord(entry))
    }

    @Test(arguments: ["", "   ", "\n", " echo hidden"])
    func blankAndSpacePrefixedEntriesAreNotRecorded(entry: String) {
        #expect(!HistoryPolicy.shouldRecord(entry))
    }

    /// Issue 10: the configured token typed as a literal (`let t = "…"`) was
    /// saved, since the filter never compared entries with it, and a token of
    /// no known shape escapes every heuristic.
    @Test(arguments: [
        #"let t = "srv-7Hq2ZpLw9XrT""#,
        #"pipelines("gh/acme/api") | where x == "srv-7Hq2ZpLw9XrT""#,
        "srv-7Hq2ZpLw9XrT",
    ])
    func entriesHoldingTheConfiguredTokenAreNotRecorded(entry: String) {
        #expect(!SecretDetector.containsSecret(entry), "a token no heuristic recognises")
        #expect(!HistoryPolicy.shouldRecord(entry, secrets: ["srv-7Hq2ZpLw9XrT"]))
        #expect(HistoryPolicy.shouldRecord(entry, secrets: []))
    }

    @Test(arguments: [
        #"let t = "CCIPAT_Hist000000000000000_0123456789abcdef0123456789abcdef01234567""#,
        #"let t = "0123456789abcdef0123456789abcdef01234567""#,
    ])
    func entriesLookingLikeACircleCITokenAreNotRecorded(entry: String) {
        #expect(!HistoryPolicy.shouldRecord(entry, secrets: []))
    }

    @Test func aRegisteredSecretKeepsEntriesOutAndShortOnesAreIgnored() {
        let secret = "reg-\(UInt64.random(in: 1...UInt64.max))"
        #expect(HistoryPolicy.shouldRecord("echo \(secret)"))
        HistorySecrets.add(secret)
        HistorySecrets.add("abc")
        #expect(!HistoryPolicy.shouldRecord("echo \(secret)"))
        #expect(HistoryPolicy.shouldRecord("echo abc"))
    }
}
