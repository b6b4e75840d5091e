import Testing
@testable import Provisioning

@Suite("String trimming")
struct TrimmingTests {
    @Test("CRLF line ends are trimmed like LF (ssh prints CRLF on stderr)")
    func crlf() {
        #expect("ssh: Connection refused\r\n".trimmed(of: " \n\r") == "ssh: Connection refused")
        #expect("  a b \n".trimmed(of: " \n") == "a b")
        #expect(" \r\n ".trimmed(of: " \r\n") == "")
    }
}
