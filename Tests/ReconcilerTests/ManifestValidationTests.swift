import Foundation
import Testing
@testable import Spec

@Suite("Manifest loading and validation")
struct ManifestValidationTests {
    @Test("the shipped example is valid")
    func exampleIsValid() throws {
        let set = try ManifestLoader().load(paths: [Manifests.exampleDirectory])
        #expect(set.virtualMachines.map(\.name).contains("web-1"))
        #expect(set.networks.count >= 2)
    }

    @Test("the distribution catalog: every image verified by an official checksum file, an agent install for each")
    func catalog() throws {
        let set = try ManifestLoader().load(paths: [Manifests.exampleDirectory + "/distributions.yaml"])
        #expect(set.distributions.count == 11)
        for distribution in set.distributions {
            guard case .file(let url) = distribution.cloudImage?.image.checksum else {
                Issue.record("\(distribution.name) has no checksum file")
                continue
            }
            #expect(url.hasPrefix("https://"))
        }
        #expect(set.distribution(named: "ubuntu-22.04")?.agentInstall.contains("add-apt-repository -y ppa:bceverly/sysmanage-agent") == true)
        #expect(set.distribution(named: "rocky-9")?.agentInstall.last == "dnf install -y sysmanage-agent")
        // Every catalog distribution can run the agent; the unsigned sources say so in their commands.
        for distribution in set.distributions { #expect(!distribution.agentInstall.isEmpty, "\(distribution.name)") }
        #expect(set.distribution(named: "debian-12")?.agentInstall.contains {
            $0.contains("deb [trusted=yes] https://repo.sysmanage.org/agent/deb stable main") } == true)
        #expect(set.distribution(named: "alpine-3.20")?.family == .alpine)
        #expect(set.distribution(named: "alpine-3.20")?.agentInstall.last?.contains("--allow-untrusted") == true)
        #expect(set.distribution(named: "alpine-3.20")?.agentInstall.last?.contains("-alpine320.apk") == true)
        #expect(set.distribution(named: "alpine-3.19")?.agentInstall.last?.contains("-alpine319.apk") == true)
    }

    @Test("an agent on a Distribution without agentInstall is refused")
    func agentWithoutPackage() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "p", "path: /p"),
            Manifests.document("Network", "n", "mode: isolated"),
            Manifests.document("Distribution", "d", "family: alpine\ncloudImage: {url: 'https://example.invalid/a.qcow2', checksumURL: 'https://example.invalid/a.sha512'}"),
            Manifests.document("VirtualMachine", "vm", "disks: [{name: root, from: d, size: 2G}]\nnetworks: [n]\nagent: {server: {url: sm.example.invalid}}")))
        #expect(fixture.diagnostics().contains { $0.message.contains("has no agentInstall commands") })
    }

    @Test("cloud-init and agent settings are checked; secrets stay out of manifests")
    func provisioningSpecs() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "p", "path: /p"),
            Manifests.document("Network", "n", "mode: isolated"),
            Manifests.document("Distribution", "d", "family: debian\ncloudImage: {url: 'https://example.invalid/a.qcow2', checksumURL: 'https://example.invalid/SUMS'}\nagentInstall: [true]"),
            Manifests.document("VirtualMachine", "vm", """
                disks: [{name: root, from: d, size: 2G}]
                networks: [n]
                cloudInit:
                  users: [{name: ops, passwordHash: hunter2, sshAuthorizedKeys: [not-a-key]}]
                  network: {address: 10.0.0.5, gateway: 10.0.0.1}
                  writeFiles: [{path: relative.txt, content: x, permissions: '644'}]
                agent: {server: {url: sm.example.invalid}, registrationToken: abc}
                """)))
        let messages = fixture.diagnostics().map(\.message)
        func expectMessage(_ fragment: String) {
            #expect(messages.contains { $0.contains(fragment) }, "expected \(fragment) in \(messages)")
        }
        expectMessage("must be a crypt(3) hash")
        expectMessage("is not an OpenSSH public key")
        expectMessage("is not an address/prefix")
        expectMessage("must be an absolute path")
        expectMessage("is not an octal mode")
        expectMessage("registrationTokenFile")
        #expect(!messages.contains { $0.contains("hunter2") }, "a password must never be echoed")
    }

    @Test("a hypervisor's ssh is checked as --host is")
    func sshTargets() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("Hypervisor", "ok", "ssh: ops@kvm1.example:2222"),
            Manifests.document("Hypervisor", "dash", "ssh: -oProxyCommand=x"),
            Manifests.document("Hypervisor", "space", "ssh: 'ops@two words'"),
            Manifests.document("Hypervisor", "ports", "ssh: ops@kvm1:22:22")))
        let messages = fixture.diagnostics().map(\.message)
        for bad in ["-oProxyCommand=x", "ops@two words", "ops@kvm1:22:22"] {
            #expect(messages.contains { $0.contains("'\(bad)' is not an SSH target") }, "expected \(bad) in \(messages)")
        }
        #expect(!messages.contains { $0.contains("kvm1.example") })
    }

    @Test("defaults: implicit local hypervisor, single pool, running state")
    func defaults() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "images", "path: /srv/images"),
            Manifests.document("Network", "lab", "mode: isolated"),
            Manifests.document("VirtualMachine", "vm1", "memory: 512MiB\ndisks: [{name: root, size: 1G}]\nnetworks: [lab]")))
        let set = try fixture.load()
        #expect(set.hypervisors.map(\.name) == ["local"])
        #expect(set.hypervisors[0].uri == "qemu:///system")
        let vm = try #require(set.virtualMachines.first)
        #expect(vm.hypervisor == "local")
        #expect(vm.disks[0].pool == "images")
        #expect(vm.state == .running)
        #expect(vm.memory.bytes == 512 << 20)
        #expect(set.networks[0].autostart && set.networks[0].active)
    }

    @Test("malformed YAML names file, line and column")
    func malformedYAML() throws {
        let fixture = try ManifestFixture("apiVersion: reconcile/v1\nkind: Network\nmetadata: {name: a\nspec: [\n")
        let diagnostics = fixture.diagnostics()
        #expect(diagnostics.count == 1)
        let first = try #require(diagnostics.first)
        #expect(first.location.file == fixture.file())
        #expect(first.location.line >= 3)
        #expect(first.description.contains("invalid YAML"))
    }

    @Test("every problem is reported at once, each with its position")
    func reportsEverything() throws {
        let text = """
            apiVersion: reconcile/v2
            kind: Netwrk
            metadata: {name: a}
            spec: {}
            ---
            apiVersion: reconcile/v1
            kind: VirtualMachine
            metadata:
              name: bad_name
            spec:
              cpus: two
              memroy: 2GiB
              disks:
                - {name: root, size: 2X, pool: images}
                - {name: data, size: -1G, pool: images}
                - {name: swap, size: 0, pool: images}
              networks: [nowhere]
            """
        let fixture = try ManifestFixture(text)
        let diagnostics = fixture.diagnostics()
        let messages = diagnostics.map(\.description)
        func expectMessage(line: Int, _ fragment: String) {
            #expect(diagnostics.contains { $0.location.line == line && $0.message.contains(fragment) },
                    "expected line \(line) to mention \(fragment); got \(messages)")
        }
        expectMessage(line: 1, "unknown apiVersion 'reconcile/v2'")
        expectMessage(line: 2, "did you mean 'Network'?")
        expectMessage(line: 9, "not a valid VM name")
        expectMessage(line: 11, "spec.cpus: expected a whole number, got 'two'")
        expectMessage(line: 12, "unknown field 'memroy' (did you mean 'memory'?)")
        expectMessage(line: 14, "unknown size unit 'X'")
        expectMessage(line: 15, "must be greater than zero")
        expectMessage(line: 16, "must be greater than zero")
        #expect(diagnostics.allSatisfy { $0.location.file == fixture.file() })
        #expect(diagnostics.contains { $0.message.contains("network 'nowhere'") })
        #expect(diagnostics.contains { $0.message.contains("pool 'images'") })
    }

    @Test("missing apiVersion, kind and metadata.name")
    func missingFields() throws {
        let fixture = try ManifestFixture("spec: {}\n---\napiVersion: reconcile/v1\nkind: Network\nmetadata: {}\nspec: {}\n")
        let messages = fixture.diagnostics().map(\.message)
        #expect(messages.contains { $0.hasPrefix("apiVersion: required field is missing") })
        #expect(messages.contains { $0.hasPrefix("kind: required field is missing") })
        #expect(messages.contains { $0.hasPrefix("metadata.name: required field is missing") })
    }

    @Test("duplicates, unresolved references and conflicting network settings")
    func crossChecks() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("Hypervisor", "h1", "uri: test:///default"),
            Manifests.document("Hypervisor", "h2", "uri: test:///default"),
            Manifests.document("Network", "tap", "hypervisor: h1\nmode: macvtap"),
            Manifests.document("Network", "nat1", "hypervisor: h1\nbridge: virbr9\nipv4: {address: 10.0.0.1, prefix: 24, dhcp: {start: 10.0.1.10, end: 10.0.0.50}}"),
            Manifests.document("Network", "nat2", "hypervisor: h1\nbridge: virbr9\nipv4: {address: 10.0.0.129, prefix: 25}"),
            Manifests.document("Network", "nat2", "hypervisor: h1\nmode: isolated"),
            Manifests.document("Network", "other", "mode: isolated"),
            Manifests.document("VirtualMachine", "vm", "hypervisor: h3\nmemory: 1G")))
        let messages = fixture.diagnostics().map(\.message)
        func expectMessage(_ fragment: String) {
            #expect(messages.contains { $0.contains(fragment) }, "expected \(fragment) in \(messages)")
        }
        expectMessage("macvtap mode needs spec.interface")
        expectMessage("10.0.1.10 is outside the subnet 10.0.0.0/24")
        expectMessage("both claim bridge 'virbr9'")
        expectMessage("overlaps 'nat1'")
        expectMessage("duplicate Network 'nat2'")
        expectMessage("must name its hypervisor because 2 are declared")
        expectMessage("hypervisor 'h3', which is not declared")
    }

    @Test("disk image references must name a declared Distribution")
    func distributionReference() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "p", "path: /p"),
            Manifests.document("Distribution", "debian-12", "family: debian\ncloudImage: {url: 'https://example.invalid/d.qcow2', checksum: 'sha256:\(String(repeating: "a", count: 64))'}"),
            Manifests.document("VirtualMachine", "vm", "disks: [{name: root, from: debian12}]")))
        let messages = fixture.diagnostics().map(\.message)
        #expect(messages.contains { $0.contains("Distribution 'debian12' is not declared (did you mean 'debian-12'?)") })
    }

    @Test("Distribution checksums are validated")
    func distributionChecksum() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("Distribution", "d1", "family: debian\ncloudImage: {url: 'https://example.invalid/d.qcow2', checksum: 'md5:abc'}"),
            Manifests.document("Distribution", "d2", "family: plan9\ncloudImage: {url: 'ftp://x'}")))
        let messages = fixture.diagnostics().map(\.message)
        #expect(messages.contains { $0.contains("is not a checksum") })
        #expect(messages.contains { $0.contains("'plan9' is not one of") })
        #expect(messages.contains { $0.contains("must be an https:// URL") })
        #expect(messages.contains { $0.contains("every image must be verified") })
    }

    @Test("a directory is read recursively in sorted order, several documents per file")
    func directoryLoading() throws {
        let fixture = try ManifestFixture([
            "b/vms.yml": Manifests.join(Manifests.document("VirtualMachine", "vm2", "memory: 1G"), Manifests.document("VirtualMachine", "vm3", "memory: 1G")),
            "a.yaml": Manifests.document("VirtualMachine", "vm1", "memory: 1G"),
            "notes.txt": "not yaml",
        ])
        let set = try fixture.load()
        #expect(set.virtualMachines.map(\.name) == ["vm1", "vm2", "vm3"])
        #expect(set.sources.count == 2)
    }
}
