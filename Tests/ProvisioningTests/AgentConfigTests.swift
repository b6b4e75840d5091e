import Foundation
import HostCommands
import Testing
import Yams
@testable import Provisioning

@Suite("sysmanage-agent config and service commands")
struct AgentConfigTests {
    @Test("renders a full server.url and the legacy hostname/port/use_https, as the upstream agent reads them")
    func render() throws {
        let config = AgentConfig(serverHost: "sysmanage.example.test", port: 8443, useHTTPS: true)
        #expect(config.configPath == "/etc/sysmanage-agent.yaml")
        #expect(config.serviceName == "sysmanage-agent")
        let rendered = try config.render()
        #expect(rendered.path == "/etc/sysmanage-agent.yaml")
        #expect(!rendered.hasToken)
        let doc = try #require(try Yams.load(yaml: rendered.content) as? [String: Any])
        let server = try #require(doc["server"] as? [String: Any])
        #expect(server["url"] as? String == "https://sysmanage.example.test:8443")
        #expect(server["hostname"] as? String == "sysmanage.example.test")
        #expect(server["port"] as? Int == 8443)
        #expect(server["use_https"] as? Bool == true)
        #expect(server["verify_ssl"] as? Bool == true)
        #expect(doc["auto_approve"] == nil)
    }

    @Test("plain http, verify_ssl off and an IPv6 server render as the agent expects")
    func renderVariants() throws {
        let plain = try AgentConfig(serverHost: "10.0.0.1", port: 8000, useHTTPS: false, verifySSL: false).render()
        let server = try #require((try Yams.load(yaml: plain.content) as? [String: Any])?["server"] as? [String: Any])
        #expect(server["url"] as? String == "http://10.0.0.1:8000")
        #expect(server["use_https"] as? Bool == false)
        #expect(server["verify_ssl"] as? Bool == false)
        let six = try AgentConfig(serverHost: "fd00::1", port: 8443, useHTTPS: true).render()
        let sixServer = try #require((try Yams.load(yaml: six.content) as? [String: Any])?["server"] as? [String: Any])
        #expect(sixServer["url"] as? String == "https://[fd00::1]:8443")
        #expect(sixServer["hostname"] as? String == "fd00::1")
    }

    @Test("OpenRC guests get the path the upstream init script reads")
    func openRCPath() {
        #expect(AgentConfig.configPath(for: .openrc) == "/etc/sysmanage-agent/sysmanage-agent.yaml")
        #expect(AgentConfig.configPath(for: .systemd) == "/etc/sysmanage-agent.yaml")
    }

    @Test("the registration token is read from its file and never shown in descriptions")
    func token() throws {
        let scratch = try TemporaryDirectory("agent")
        defer { scratch.remove() }
        let tokenFile = scratch.file("token")
        try "  0b9e3c1d-SECRET-TOKEN \n".write(to: tokenFile, atomically: true, encoding: .utf8)
        let rendered = try AgentConfig(serverHost: "10.0.0.1", port: 8080, useHTTPS: false, registrationTokenFile: tokenFile).render()
        let doc = try #require(try Yams.load(yaml: rendered.content) as? [String: Any])
        #expect((doc["auto_approve"] as? [String: String])?["token"] == "0b9e3c1d-SECRET-TOKEN")
        #expect(rendered.hasToken)
        for text in [String(describing: rendered), String(reflecting: rendered), String(describing: rendered.seedFile)] {
            #expect(!text.contains("SECRET"))
        }
        #expect(rendered.seedFile.permissions == "0600")
    }

    @Test("a missing or empty token file is an error that does not echo content")
    func tokenErrors() throws {
        let scratch = try TemporaryDirectory("agent")
        defer { scratch.remove() }
        let missing = AgentConfig(serverHost: "h", port: 1, useHTTPS: false, registrationTokenFile: scratch.file("absent"))
        #expect(throws: ProvisioningError.self) { try missing.render() }
        try "\n".write(to: scratch.file("empty"), atomically: true, encoding: .utf8)
        let empty = AgentConfig(serverHost: "h", port: 1, useHTTPS: false, registrationTokenFile: scratch.file("empty"))
        #expect(throws: ProvisioningError.self) { try empty.render() }
        #expect(throws: ProvisioningError.self) { try AgentConfig(serverHost: "h", port: 70000, useHTTPS: false).render() }
    }

    @Test("a token file of several lines is refused without showing them")
    func multiLineToken() throws {
        let scratch = try TemporaryDirectory("agent")
        defer { scratch.remove() }
        try "tok-1\nroot:SECRET-LINE\n".write(to: scratch.file("token"), atomically: true, encoding: .utf8)
        let config = AgentConfig(serverHost: "h", port: 1, useHTTPS: false, registrationTokenFile: scratch.file("token"))
        do {
            _ = try config.render()
            Issue.record("a two-line token file was accepted")
        } catch {
            #expect(String(describing: error).contains("must hold one line of printable text"))
            #expect(!String(describing: error).contains("SECRET"))
        }
    }

    @Test("systemd commands enable --now and check is-active")
    func systemd() {
        let commands = AgentConfig(serverHost: "h", port: 1, useHTTPS: false).commands(for: .systemd)
        #expect(commands.enableAndStart == ["systemctl enable --now sysmanage-agent"])
        #expect(commands.checkActive == "systemctl is-active sysmanage-agent")
        #expect(commands.all.count == 3)
    }

    @Test("OpenRC commands use rc-update and rc-service")
    func openrc() {
        let commands = AgentConfig(serverHost: "h", port: 1, useHTTPS: false, serviceName: "my agent").commands(for: .openrc)
        #expect(commands.enableAndStart == ["rc-update add 'my agent' default", "rc-service 'my agent' start"])
        #expect(commands.checkActive == "rc-service 'my agent' status")
    }

    @Test("the write command installs stdin as the config file, mode 0600, under sh")
    func writeConfigRuns() async throws {
        let scratch = try TemporaryDirectory("agent")
        defer { scratch.remove() }
        let path = scratch.url.path + "/etc dir/it's/sysmanage-agent.yaml"
        let config = AgentConfig(serverHost: "h", port: 1, useHTTPS: false, configPath: path)
        let rendered = try config.render()
        let command = config.commands(for: .systemd).writeConfig
        #expect(!command.contains(rendered.content))
        let result = try await LocalTransport().run(["/bin/sh", "-c", command], input: rendered.content, timeout: nil)
        #expect(result.succeeded, "\(result.standardError)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == rendered.content)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test("service manager detection reads the probe's output")
    func detection() async throws {
        #expect(ServiceManager(detectionOutput: "systemd\n") == .systemd)
        #expect(ServiceManager(detectionOutput: "openrc") == .openrc)
        #expect(ServiceManager(detectionOutput: "") == nil)
        // `none` is a host-probe value; the guest command never prints it.
        #expect(ServiceManager(detectionOutput: "none") == nil)
        // The probe is valid POSIX sh (this machine has neither init system running).
        let probe = try await LocalTransport().run(["/bin/sh", "-n", "-c", ServiceManager.detectionCommand])
        #expect(probe.succeeded)
    }
}
