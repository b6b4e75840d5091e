import Testing
import HostCommands

@Suite("URLs without their credentials")
struct URLCredentialRedactionTests {
    @Test("user information is replaced, everything else is kept")
    func redacts() {
        #expect("https://user:pass@host.example/a/b?x=1".redactingURLCredentials == "https://***@host.example/a/b?x=1")
        #expect("https://token@host.example".redactingURLCredentials == "https://***@host.example")
        #expect("https://host.example/path@v2/file".redactingURLCredentials == "https://host.example/path@v2/file")
        #expect("http://a:b@127.0.0.1:8080/x@y".redactingURLCredentials == "http://***@127.0.0.1:8080/x@y")
        #expect("https://host.example?q=a@b".redactingURLCredentials == "https://host.example?q=a@b")
        #expect("not a url @ all".redactingURLCredentials == "not a url @ all")
    }
}
