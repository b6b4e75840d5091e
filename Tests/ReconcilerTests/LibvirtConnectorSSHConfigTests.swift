import Foundation
import Testing
@testable import LibvirtAdapter

@Suite("qemu+ssh connections and --ssh-config")
struct LibvirtConnectorSSHConfigTests {
    @Test("libvirt runs ssh for the ssh transport only", arguments: [
        ("qemu+ssh://root@10.0.0.2/system", true),
        ("QEMU+SSH://root@10.0.0.2/system", true),
        ("qemu+libssh2://root@10.0.0.2/system", false),
        ("qemu+libssh://root@10.0.0.2/system", false),
        ("qemu+tls://10.0.0.2/system", false),
        ("qemu:///system", false),
        ("test:///default", false),
    ])
    func runsSSH(uri: String, expected: Bool) {
        #expect(LibvirtConnector.runsSSH(uri) == expected)
    }

    @Test("the program is named in command=, after any parameters the URI has")
    func commandParameter() {
        #expect(LibvirtConnector.uri("qemu+ssh://root@10.250.1.2/system", sshCommand: "/state/ssh-mux/libvirt-ssh")
            == "qemu+ssh://root@10.250.1.2/system?command=/state/ssh-mux/libvirt-ssh")
        #expect(LibvirtConnector.uri("qemu+ssh://h/system?mode=direct", sshCommand: "/s/ssh-mux/libvirt-ssh")
            == "qemu+ssh://h/system?mode=direct&command=/s/ssh-mux/libvirt-ssh")
        // A character that would end the value is escaped; libvirt decodes it back.
        #expect(LibvirtConnector.uri("qemu+ssh://h/system", sshCommand: "/a&b=c/libvirt-ssh")
            == "qemu+ssh://h/system?command=/a%26b%3Dc/libvirt-ssh")
    }

    @Test("without --ssh-config, or for a URI without ssh, the URI is opened as it is")
    func untouched() async throws {
        // test:///default needs no daemon: a connector with a config still opens it unchanged.
        let connector = LibvirtConnector(sshConfig: "/nonexistent/ssh_config", stateDirectory: "/nonexistent/state")
        let hypervisor = try await connector.connect(uri: "test:///default")
        _ = try await hypervisor.observe()
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/state"))
    }
}
