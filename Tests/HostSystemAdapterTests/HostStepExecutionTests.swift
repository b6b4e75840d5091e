import Foundation
import HostCommands
import HostProbe
import HostSystemAdapter
import Reconciler
import Testing

@Suite("Host steps run their commands and explain failures")
struct HostStepExecutionTests {
    @Test("install-packages on Debian refreshes the lists, then installs non-interactively")
    func installOnDebian() async throws {
        let transport = RecordingTransport()
        let (system, root) = try AdapterFixtures.system("debian-12", transport: transport)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await system.installPackages(["virtinst"])
        #expect(transport.executed == ["apt-get update", "env DEBIAN_FRONTEND=noninteractive apt-get install -y -- virtinst"])
    }

    @Test("a package the repositories lack: stderr and the repository to enable reach the user")
    func packageNotFound() async throws {
        let transport = RecordingTransport(answers: [
            "env DEBIAN_FRONTEND=noninteractive apt-get install": ProcessResult(exitStatus: 100, standardOutput: "", standardError: "E: Unable to locate package virtinst\n"),
        ])
        let (system, root) = try AdapterFixtures.system("debian-12", transport: transport)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = await #expect(throws: HostCommandError.self) { try await system.installPackages(["virtinst"]) }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("E: Unable to locate package virtinst"))
        #expect(text.contains("exited with status 100"))
        #expect(text.contains("hint: virtinst come from Debian's main repository"))
    }

    @Test("a service that fails to start points at the journal under systemd")
    func serviceFailureUnderSystemd() async throws {
        let transport = RecordingTransport(answers: [
            "systemctl start": ProcessResult(exitStatus: 1, standardOutput: "", standardError: "Job for libvirtd.service failed because the control process exited with error code.\n"),
        ])
        let (system, root) = try AdapterFixtures.system("ubuntu-24.04", transport: transport)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = await #expect(throws: HostCommandError.self) { try await system.startService("libvirtd") }
        #expect(error?.stderr.contains("Job for libvirtd.service failed") == true)
        #expect(error?.hint.contains("journalctl -u libvirtd -n 50 --no-pager") == true)
    }

    @Test("without an init system virtlogd and the daemon are started directly, logging to a file the hint names")
    func noInitSystem() async throws {
        let transport = RecordingTransport(answers: ["env LIBVIRT_LOG_OUTPUTS": ProcessResult(exitStatus: 1, standardOutput: "", standardError: "error: cannot bind\n")])
        let (system, root) = try AdapterFixtures.system("debian-12", transport: transport)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = await #expect(throws: HostCommandError.self) { try await system.startService("libvirtd") }
        #expect(transport.executed == ["sh -c '[ -S /run/libvirt/virtlogd-sock ] || virtlogd -d'",
                                      "env LIBVIRT_LOG_OUTPUTS=3:file:/var/log/libvirt/libvirtd.log libvirtd -d"])
        #expect(error?.hint.contains("/var/log/libvirt/libvirtd.log") == true)
    }

    @Test("permission denied on /dev/kvm: join the kvm group and log in again")
    func kvmPermission() async throws {
        let transport = RecordingTransport(answers: [
            "systemctl start": ProcessResult(exitStatus: 1, standardOutput: "", standardError: "Could not access KVM kernel module: Permission denied\nfailed to initialize kvm: /dev/kvm: Permission denied\n"),
        ])
        let (system, root) = try AdapterFixtures.system("ubuntu-24.04", transport: transport)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = await #expect(throws: HostCommandError.self) { try await system.startService("libvirtd") }
        #expect(error?.hint.contains("add the user to the kvm group") == true)
        #expect(error?.hint.contains("log in again") == true)
    }

    @Test("every fixture's install command ends its options before the package names", arguments: AdapterFixtures.names)
    func installEndsOptions(name: String) async throws {
        let transport = RecordingTransport()
        let (system, root) = try AdapterFixtures.system(name, transport: transport)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await system.installPackages(["libvirt-clients"])
        let install = try #require(transport.executed.last)
        if install.contains("dnf install") {
            // dnf 5 rejects `--`; the name check before it is what keeps options out.
            #expect(install.hasSuffix("dnf install -y libvirt-clients"))
        } else {
            #expect(install.hasSuffix(" -- libvirt-clients"), "\(name): \(install)")
        }
    }

    @Test("a package name that would be read as an option is refused before anything runs", arguments: AdapterFixtures.names)
    func optionAsPackage(name: String) async throws {
        let transport = RecordingTransport()
        let (system, root) = try AdapterFixtures.system(name, transport: transport)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = await #expect(throws: PackageNameError.self) { try await system.installPackages(["virtinst", "-oDebug::pkgProblemResolver=1"]) }
        #expect(error?.description.contains("starts with '-'") == true)
        #expect(transport.executed.isEmpty)
        // The plan refuses it too: facts for a manifest's package list check every name.
        await #expect(throws: PackageNameError.self) {
            _ = try await system.facts(HostFactsRequest(packages: ["qemu kvm"], users: [], poolPaths: []))
        }
    }

    @Test("a user who is not root runs every command through sudo -n, environment included")
    func escalation() {
        let builder = HostCommandBuilder(distribution: Distribution(id: "debian", version: "12", idLike: [], name: nil,
                                                                    packageManager: .apt, serviceManager: .none),
                                         escalate: true)
        #expect(builder.commands(for: .installPackages(["a"])).map(\.rendered)
                == ["sudo -n apt-get update", "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -- a"])
        #expect(builder.commands(for: .addUserToGroup(user: "bob", group: "kvm")).map(\.rendered) == ["sudo -n usermod -aG kvm -- bob"])
    }
}
