import Foundation
import CircleCI
import Testing

@Suite("Project and organization slugs")
struct SlugTests {
    @Test(arguments: [
        ("gh/acme/api", "gh", "acme", "api"),
        ("github/acme/api", "github", "acme", "api"),
        ("bb/acme/api", "bb", "acme", "api"),
        ("bitbucket/acme/api", "bitbucket", "acme", "api"),
        ("GH/Acme/API", "gh", "Acme", "API"),
        ("  gh/acme/api\n", "gh", "acme", "api"),
        ("circleci/CDdrPhWsW7Pa5PNcj4Y7en/NywbLpDu1Eb1Pobxj3Nphu", "circleci", "CDdrPhWsW7Pa5PNcj4Y7en", "NywbLpDu1Eb1Pobxj3Nphu"),
        (
            "circleci/ec6887ec-7d44-4b31-b468-7e552408ee32/39723015-b399-4601-9ff6-bd1bfbed8fa8", "circleci",
            "ec6887ec-7d44-4b31-b468-7e552408ee32", "39723015-b399-4601-9ff6-bd1bfbed8fa8"
        ),
    ])
    func validSlugs(text: String, vcs: String, organization: String, repository: String) throws {
        let slug = try ProjectSlug(text)
        #expect(slug.vcs == vcs)
        #expect(slug.organization == organization)
        #expect(slug.repository == repository)
        #expect(slug.description == "\(vcs)/\(organization)/\(repository)")
    }

    @Test(arguments: [
        ("gh/onlyorg", "project slug `gh/onlyorg` needs three parts: vcs/org/repo, e.g. gh/acme/api"),
        ("gh/acme/api/extra", "needs three parts"),
        ("gh//api", "needs three parts"),
        ("", "needs three parts"),
        ("gl/acme/api", "GitLab projects use circleci/<org-id>/<project-id>"),
        ("gitlab/acme", "GitLab projects use circleci/<org-id>/<project-id>"),
        ("svn/acme/api", "unknown VCS `svn`; use gh, github, bb, bitbucket or circleci"),
    ])
    func invalidSlugsSayWhatIsWrong(text: String, message: String) {
        #expect {
            try ProjectSlug(text)
        } throws: { error in
            guard let error = error as? CircleCIError else { return false }
            return error.kind == .invalidArgument && error.description.contains(message)
        }
    }

    @Test func orgSlugs() throws {
        #expect(try OrgSlug("gh/acme").description == "gh/acme")
        #expect(try OrgSlug("circleci/AbC123").organization == "AbC123")
        #expect(try ProjectSlug("bb/acme/api").orgSlug.description == "bb/acme")
        #expect(throws: CircleCIError.self) { try OrgSlug("gh/acme/api") }
        #expect(throws: CircleCIError.self) { try OrgSlug("gl/acme") }
    }

    @Test func slugsAreCodableAsText() throws {
        let slug = try ProjectSlug("gh/acme/api")
        let data = try CircleCIJSON.makeEncoder().encode([slug])
        #expect(String(decoding: data, as: UTF8.self) == #"["gh/acme/api"]"#)
        #expect(try CircleCIJSON.makeDecoder().decode([ProjectSlug].self, from: data) == [slug])
        #expect(throws: DecodingError.self) {
            try CircleCIJSON.makeDecoder().decode([ProjectSlug].self, from: Data(#"["gh/x"]"#.utf8))
        }
    }
}
