import Foundation
import Testing
@testable import Provisioning

@Suite("Image URLs in logs and fetch errors")
struct URLRedactionTests {
    @Test("credentials are cut from URLs before they are logged")
    func redacted() throws {
        let secret = try #require(URL(string: "https://mirror:s3cret@mirror.example/images/d.qcow2?v=1"))
        #expect(FetchFailureText.display(secret) == "https://***@mirror.example/images/d.qcow2?v=1")
        let plain = try #require(URL(string: "https://mirror.example/d.qcow2"))
        #expect(FetchFailureText.display(plain) == "https://mirror.example/d.qcow2")
    }
}
