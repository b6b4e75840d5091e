import Testing
@testable import Spec

@Suite("URLs without their credentials")
struct URLRedactionTests {
    @Test("user information is replaced, everything else is kept")
    func redacts() {
        #expect(URLRedaction.redact("https://user:pass@host.example/a/b?x=1") == "https://***@host.example/a/b?x=1")
        #expect(URLRedaction.redact("https://token@host.example") == "https://***@host.example")
        #expect(URLRedaction.redact("https://host.example/path@v2/file") == "https://host.example/path@v2/file")
        #expect(URLRedaction.redact("http://a:b@127.0.0.1:8080/x@y") == "http://***@127.0.0.1:8080/x@y")
        #expect(URLRedaction.redact("https://host.example?q=a@b") == "https://host.example?q=a@b")
        #expect(URLRedaction.redact("not a url @ all") == "not a url @ all")
    }
}
