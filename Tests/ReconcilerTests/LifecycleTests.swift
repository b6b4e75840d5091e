import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

@Suite("Lifecycle: graceful stops, imperative verbs, the guest-agent channel")
struct LifecycleTests {
    static func manifests(_ extra: String) -> String {
        PlannerTests.manifests.replacingOccurrences(of: "autostart: true", with: "autostart: true\n  \(extra)")
    }

    static func shutdownTimeout(_ plan: Plan, _ vm: String = "web") -> Int?? {
        for step in plan.steps {
            if case .shutdownDomain(let name, let seconds) = step.action, name == vm { return .some(seconds) }
        }
        return nil
    }

    @Test("state: stopped plans an ACPI shutdown with spec.stopTimeout, and the plan says when it may force")
    func stopTimeoutInPlan() async throws {
        let (_, fake, _) = try await PlannerTests().converged()
        fake.drift { $0.domains[0].state = .running }
        let custom = Planner().plan(manifests: try ManifestFixture(Self.manifests("state: stopped\n  stopTimeout: 30")).load(),
                                    observed: ["h": fake.current])
        #expect(Self.shutdownTimeout(custom) == .some(30))
        let notes = try #require(custom.resources.first { $0.address.name == "web" }).notes
        #expect(notes.contains { $0.english.contains("ACPI shutdown") && $0.english.contains("after 30 s") })
        #expect(PlanTextRenderer().render(custom).contains("forced off (virDomainDestroy) if the guest is still running after 30 s"))

        let defaulted = Planner().plan(manifests: try ManifestFixture(Self.manifests("state: stopped")).load(), observed: ["h": fake.current])
        #expect(Self.shutdownTimeout(defaulted) == .some(120))
    }

    @Test("state: absent stops gracefully before undefining; --prune uses apply's --shutdown-timeout")
    func absentStopsGracefully() async throws {
        let (_, fake, _) = try await PlannerTests().converged()
        fake.drift { $0.domains[0].state = .running }
        let absent = PlannerTests.manifests.replacingOccurrences(of: "autostart: true", with: "state: absent\n  stopTimeout: 7")
        let plan = Planner().plan(manifests: try ManifestFixture(absent).load(), observed: ["h": fake.current])
        #expect(Self.shutdownTimeout(plan) == .some(7))
        #expect(plan.step(id: "undefine-domain:h/domain/web")?.dependsOn == ["shutdown-domain:h/domain/web"])

        let emptied = try ManifestFixture(Manifests.join(Manifests.document("Hypervisor", "h", "uri: test:///default"))).load()
        let pruned = Planner(options: PlanOptions(prune: true)).plan(manifests: emptied, observed: ["h": fake.current])
        #expect(Self.shutdownTimeout(pruned) == .some(nil))
    }

    @Test("stopTimeout must be a positive number of seconds, named at its line")
    func stopTimeoutValidated() throws {
        let diagnostics = try ManifestFixture(Self.manifests("stopTimeout: -5")).diagnostics()
        #expect(diagnostics.contains { $0.description.contains("stopTimeout") })
    }

    @Test("the verbs refuse a guest reconcile did not create unless forced, and act on managed ones")
    func verbsRefuseUnmanaged() async throws {
        let (_, fake, _) = try await PlannerTests().converged()
        fake.drift { state in
            state.domains.append(ObservedDomain(name: "handmade", type: "kvm", vcpus: 1, memoryKiB: 1 << 20, state: .shutoff, autostart: false))
        }
        let careful = GuestControl(hypervisor: fake, force: false)
        for verb in ["start", "stop", "restart", "ip"] {
            do {
                switch verb {
                case "start": _ = try await careful.start("handmade")
                case "stop": _ = try await careful.stop("handmade", timeout: .seconds(1))
                case "restart": _ = try await careful.restart("handmade", timeout: .seconds(1))
                default: _ = try await careful.addresses("handmade")
                }
                Issue.record("\(verb) acted on an unmanaged guest")
            } catch let error as ReconcileError {
                #expect(error.code == .notManaged, "\(verb): \(error)")
                #expect(error.message.contains("--force"))
            }
        }
        #expect(fake.current.domain(named: "handmade")?.state == .shutoff)
        #expect(try await GuestControl(hypervisor: fake, force: true).start("handmade") == "started 'handmade'")
        #expect(fake.current.domain(named: "handmade")?.state == .running)

        #expect(try await careful.stop("web", timeout: .seconds(1)).hasPrefix("stopped 'web' with an ACPI shutdown"))
        #expect(fake.current.domain(named: "web")?.state == .shutoff)
        #expect(try await careful.start("web") == "started 'web'")
        #expect(try await careful.start("web") == "'web' is already running")
        await #expect(throws: ReconcileError.self) { try await careful.start("nowhere") }
    }

    @Test("new domains get the guest-agent channel; an existing one without it gets it by patch, for its next boot")
    func guestAgentChannel() async throws {
        let harness = try await TestDriverTests.Harness()
        let text = TestDriverTests.manifests(extraVM: false)
        #expect(try await harness.apply(text).converged)
        let domain = try #require(try harness.hypervisor.connection.domain(named: "web"))
        let xml = try domain.xml(inactive: true)
        #expect(xml.contains("org.qemu.guest_agent.0"))
        #expect(try await harness.hypervisor.observe().domain(named: "web")?.guestAgentChannel == true)
        #expect(try await harness.plan(text).steps.isEmpty)

        // A guest made before the channel existed: removed behind reconcile's back.
        try harness.editDomain("web") { xml in
            xml.replacingOccurrences(of: #"<channel type=['"]unix['"]>[\s\S]*?</channel>"#, with: "", options: .regularExpression)
        }
        #expect(try await harness.hypervisor.observe().domain(named: "web")?.guestAgentChannel == false)
        let plan = try await harness.plan(text)
        let patch = try #require(plan.steps.compactMap { step -> DomainPatch? in
            if case .updateDomain(let patch) = step.action { return patch }
            return nil
        }.first)
        #expect(patch.addGuestAgentChannel)
        let change = try #require(plan.resources.first { $0.address.name == "web" })
        #expect(change.fields.contains { $0.field == "guestAgent" && $0.after == "virtio channel org.qemu.guest_agent.0" })
        #expect(change.notes.contains { $0.english.contains("next boot") })
        #expect(try await harness.apply(text).converged)
        #expect(try await harness.hypervisor.observe().domain(named: "web")?.guestAgentChannel == true)
        #expect(try await harness.plan(text).steps.isEmpty)
    }

    @Test("the patch adds the channel once and keeps everything else")
    func channelPatchIsIdempotent() throws {
        let original = "<domain type='qemu'><name>g</name><devices><serial type='pty'/></devices></domain>"
        var patch = DomainPatch(name: "g", uuid: nil)
        patch.addGuestAgentChannel = true
        let once = try DomainXML.apply(patch, to: original)
        let twice = try DomainXML.apply(patch, to: once)
        #expect(once.components(separatedBy: "org.qemu.guest_agent.0").count == 2)
        #expect(twice.components(separatedBy: "org.qemu.guest_agent.0").count == 2)
        #expect(once.contains("<serial type=\"pty\"") || once.contains("<serial type='pty'"))
    }

    @Test("seeds install qemu-guest-agent unless the Distribution opts out, without listing it twice")
    func seedPackages() throws {
        let vm = VirtualMachineSpec(metadata: ResourceMetadata(name: "g", location: SourceLocation(file: "m", line: 1, column: 1)),
                                    hypervisor: "h", cloudInit: CloudInitSpec(packages: ["htop"]))
        #expect(SeedRequest(for: vm, distribution: nil).packages == ["htop", "qemu-guest-agent"])
        var listed = vm
        listed.cloudInit?.packages = ["qemu-guest-agent", "htop"]
        #expect(SeedRequest(for: listed, distribution: nil).packages == ["qemu-guest-agent", "htop"])
        let set = try ManifestFixture(Manifests.join(
            Manifests.document("Distribution", "d", "family: debian\ninstallGuestAgent: false\ncloudImage: {url: 'https://example.invalid/a.qcow2', checksumURL: 'https://example.invalid/SUMS'}"))).load()
        let offline = try #require(set.distribution(named: "d"))
        #expect(!offline.installGuestAgent)
        #expect(SeedRequest(for: vm, distribution: offline).packages == ["htop"])
    }

    @Test("agent server.url: a full URL sets host, port and scheme; a bare host uses port and https; conflicts are errors")
    func agentServerURL() throws {
        func agent(_ server: String) throws -> (AgentSpec?, [String]) {
            let fixture = try ManifestFixture(Manifests.join(
                Manifests.document("StoragePool", "p", "path: /p"),
                Manifests.document("Network", "n", "mode: isolated"),
                Manifests.document("Distribution", "d", "family: debian\ncloudImage: {url: 'https://example.invalid/a.qcow2', checksumURL: 'https://example.invalid/SUMS'}\nagentInstall: [install-it]"),
                Manifests.document("VirtualMachine", "vm", "disks: [{name: root, from: d, size: 2G}]\nnetworks: [n]\nagent: {server: \(server)}")))
            let messages = fixture.diagnostics().map(\.message)
            return (messages.isEmpty ? try fixture.load().virtualMachines.first?.agent : nil, messages)
        }
        let full = try #require(try agent("{url: 'https://sm.example.com:9443'}").0)
        #expect(full.serverHost == "sm.example.com" && full.port == 9443 && full.https && full.verifySSL)
        let plain = try #require(try agent("{url: 'http://10.0.0.5', verifySSL: false}").0)
        #expect(plain.serverHost == "10.0.0.5" && plain.port == 8443 && !plain.https && !plain.verifySSL)
        let bare = try #require(try agent("{url: sm.example.com, port: 8000, https: false}").0)
        #expect(bare.serverHost == "sm.example.com" && bare.port == 8000 && !bare.https)
        #expect(try agent("{url: 'https://sm.example.com:9443', port: 8443}").1.contains { $0.contains("already names port 9443") })
        #expect(try agent("{url: 'https://sm.example.com/api'}").1.contains { $0.contains("only scheme, host and port") })
        #expect(try agent("{url: 'ftp://sm.example.com'}").1.contains { $0.contains("not an http:// or https:// URL") })
    }
}
