import Foundation
import HostCommands
import Localization
import Synchronization
import Testing
@testable import Reconciler
@testable import Spec

/// What the engine says while it works (step details, lock warnings, unreachable hosts, a missing
/// cdrom volume) in the reader's language; addresses, names and numbers as they are; the English
/// wording, which JSON reports and logs carry, the same whatever the locale.
@Suite("Engine texts in every language")
struct EngineTextLocaleTests {
    static func translated(_ text: String, _ english: String, _ locale: CatalogLocale) {
        #expect((text == english) == (locale == .english), "\(locale.rawValue): \(text)")
    }

    @Test("wait-for-ip: each address with where it was read, the source worded in the reader's language",
          arguments: CatalogLocale.allCases)
    func addresses(locale: CatalogLocale) {
        let detail = StepRunner.addressesDetail([
            GuestAddress(mac: "52:54:00:00:00:01", address: "192.168.122.10", source: .lease),
            GuestAddress(mac: "52:54:00:00:00:01", address: "fe80::1", source: .agent),
            GuestAddress(mac: "52:54:00:00:00:02", address: "10.0.0.7", source: .arp),
        ])
        let localizer = Localizer(locale: locale)
        let text = detail.text(localizer)
        #expect(detail.english == "192.168.122.10 (lease), fe80::1 (agent), 10.0.0.7 (arp)")
        for source in GuestAddress.Source.allCases {
            #expect(text.contains(localizer.text("engine.addressSource." + source.rawValue)), "\(locale.rawValue): \(text)")
        }
        for address in ["192.168.122.10", "fe80::1", "10.0.0.7"] {
            #expect(text.contains(address), "\(locale.rawValue): \(text)")
        }
        Self.translated(text, detail.english, locale)
        // The progress lines of uploads and address waits (terminal only) in the same language.
        let progress = [("engine.progress.uploaded", ["done": "12.0 MiB", "total": "512.0 MiB"]),
                        ("engine.progress.noAddressYet", ["macs": "52:54:00:00:00:02"])]
        for (key, arguments) in progress {
            let line = localizer.text(key, arguments)
            for value in arguments.values { #expect(line.contains(value), "\(locale.rawValue): \(line)") }
            Self.translated(line, Localizer.english.text(key, arguments), locale)
        }
    }

    @Test("wait-for-ssh and install-agent: the login, cloud-init's outcome and the agent's summary in one language",
          arguments: CatalogLocale.allCases)
    func guestSummaries(locale: CatalogLocale) throws {
        let localizer = Localizer(locale: locale)
        let ready = StepRunner.sshReadyDetail(login: "ubuntu@192.168.122.10", cloudInit: LocalizedMessage("engine.detail.cloudInitDone"))
        #expect(ready.english == "ubuntu@192.168.122.10, host key verified; cloud-init done")
        #expect(ready.text(localizer).contains("ubuntu@192.168.122.10"))
        #expect(ready.text(localizer).contains(localizer.text("engine.detail.cloudInitDone")), "\(locale.rawValue): \(ready.text(localizer))")
        Self.translated(ready.text(localizer), ready.english, locale)

        let agent = AgentSpec(serverHost: "mgmt.example", port: 8443, https: true)
        func request(_ commands: [String]) -> AgentInstallRequest {
            AgentInstallRequest(agent: agent, installCommands: commands, usesOpenRC: false, hash: "h",
                                ownership: Ownership(name: "web", specHash: "s"))
        }
        let expected = [
            ([String](), "\(agent.service) reconfigured and active"),
            (["apt-get install -y agent"], "\(agent.service) installed with 1 command, configured and active"),
            (["apt-get update", "apt-get install -y agent"], "\(agent.service) installed with 2 commands, configured and active"),
        ]
        for (commands, english) in expected {
            let summary = request(commands).doneSummary
            #expect(summary.english == english)
            let text = summary.text(localizer)
            #expect(text.contains(agent.service), "\(locale.rawValue): \(text)")
            if !commands.isEmpty { #expect(text.contains(String(commands.count)), "\(locale.rawValue): \(text)") }
            Self.translated(text, english, locale)
        }
    }

    @Test("a snapshot of a guest without an agent channel says so in the reader's language",
          arguments: CatalogLocale.allCases)
    func noAgentChannel(locale: CatalogLocale) {
        let detail = LocalizedText(LocalizedMessage("adapter.snapshot.noAgentChannel"))
        // The words RealLibvirtTests look for in apply's output.
        #expect(detail.english == "no guest agent channel: file systems were not frozen")
        Self.translated(detail.text(Localizer(locale: locale)), detail.english, locale)
    }

    @Test("taking over a stale lock and losing one: warnings worded for the reader, names and pids unchanged",
          arguments: CatalogLocale.allCases)
    func lockWarnings(locale: CatalogLocale) throws {
        let localizer = Localizer(locale: locale)
        let now = Date()
        let expired = HostLockRecord(owner: "bob@ctl2", machine: "ctl2", pid: 202, started: now.addingTimeInterval(-600),
                                     expires: now.addingTimeInterval(-60), token: "t1")
        let warning = try #require(expired.takeover(hypervisor: "kvm1", now: now, machine: "ctl1", isProcessAlive: { _ in true }))
        #expect(warning.english == "taking over the lock on hypervisor 'kvm1' held by bob@ctl2 (pid 202, since "
                + "\(HostLockRecord.format(expired.started))): it expired at \(HostLockRecord.format(expired.expires))")

        let dead = HostLockRecord(owner: "root@ctl1", machine: "ctl1", pid: 999_999, started: now,
                                  expires: now.addingTimeInterval(600), token: "t2")
        #expect(dead.takeover(hypervisor: "kvm1", now: now, machine: "ctl1", isProcessAlive: { _ in true }) == nil)
        let gone = try #require(dead.takeover(hypervisor: "kvm1", now: now, machine: "ctl1", isProcessAlive: { _ in false }))
        #expect(gone.english.hasSuffix("): process 999999 on ctl1 is gone"))

        let lost = LocalizedMessage("engine.lockTakenOver", ["hypervisor": "kvm1"])
        for message in [warning, gone, lost] {
            let text = message.text(localizer)
            #expect(text.contains("'kvm1'"), "\(locale.rawValue): \(text)")
            Self.translated(text, message.english, locale)
        }
        for value in ["bob@ctl2", "202", HostLockRecord.format(expired.expires)] {
            #expect(warning.text(localizer).contains(value), "\(locale.rawValue): \(warning.text(localizer))")
        }
        #expect(gone.text(localizer).contains("999999") && gone.text(localizer).contains("ctl1"))
    }

    @Test("an unreachable hypervisor: the plan words the connection error for the reader, the JSON plan keeps English",
          arguments: CatalogLocale.allCases)
    func unreachableHost(locale: CatalogLocale) async throws {
        let set = try FleetEngineTests.manifests(hosts: 1, down: ["down"])
        let engine = Engine(connector: CountingConnector(FleetEngineTests.fakes(1)))
        let connected = try await engine.connect(set)
        let reason = try #require(connected.failed["down"])
        let localizer = Localizer(locale: locale)
        let cannotConnect = localizer.text("engine.cannotConnect", ["name": "down", "uri": "test:///down"])
        #expect(reason.text(localizer) == cannotConnect + ": connection refused by test:///down")
        #expect(reason.english == "cannot connect to hypervisor 'down' at test:///down: connection refused by test:///down")
        Self.translated(reason.text(localizer), reason.english, locale)

        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        let text = PlanTextRenderer(localizer: localizer).render(plan)
        #expect(text.contains(cannotConnect), "\(locale.rawValue): \(text)")
        let json = PlanJSONRenderer().render(plan)
        #expect(json.contains("\"reason\" : \"cannot connect to hypervisor 'down' at test:\\/\\/\\/down: connection refused by test:\\/\\/\\/down\"")
                || json.contains("\"reason\" : \"cannot connect to hypervisor 'down' at test:///down: connection refused by test:///down\""), "\(json)")
        if locale != .english { #expect(!json.contains(cannotConnect)) }
    }

    @Test("a step failing with an engine error: the terminal gets the reader's language, JSON the English text")
    func stepFailure() {
        let error = ReconcileError(.connectionFailed, LocalizedMessage("engine.libvirtSilent", ["uri": "test:///h1"]),
                                   cause: ErrorWording(ReconcileError(.stepFailed, LocalizedMessage("engine.sshUnreachable", ["name": "web"]))))
        #expect(ErrorText.english(error) == "libvirt at test:///h1 does not answer: " + Localizer.english.text("engine.sshUnreachable", ["name": "web"]))
        for locale in CatalogLocale.allCases {
            let localizer = Localizer(locale: locale)
            // The cause is worded in the same language as the message around it.
            #expect(ErrorText.text(error, localizer) == localizer.text("engine.libvirtSilent", ["uri": "test:///h1"]) + ": "
                    + localizer.text("engine.sshUnreachable", ["name": "web"]))
            Self.translated(ErrorText.text(error, localizer), ErrorText.english(error), locale)
        }
        #expect(StepFailure(error).english == ErrorText.english(error))
        #expect(StepFailure(error).text == error.text(.current))
    }

    @Test("steps of a blocked hypervisor are reported as blocked, with the English reason the reports had before")
    func blockedSteps() async {
        let plan = PlanLocalizationTests.plan
        let seen = Mutex<[String]>([])
        let engine = Engine(connector: CountingConnector([:]))
        let report = await engine.runUnblocked(plan, on: Engine.Connected(hosts: [:]), executor: Executor(parallelism: 1)) { event in
            if case .blocked(let step, let hypervisor) = event { seen.withLock { $0.append("\(step.id)@\(hypervisor)") } }
        }
        let blocked = plan.steps.filter { $0.resource.hypervisor == "kvm1" }
        #expect(!blocked.isEmpty)
        #expect(seen.withLock { $0 } == blocked.map { "\($0.id)@kvm1" })
        for step in blocked {
            #expect(report.outcome(of: step.id) == .skipped("a preflight blocker on hypervisor 'kvm1'"))
        }
        for locale in CatalogLocale.allCases {
            let text = Localizer(locale: locale).text("apply.blockedSkip", ["hypervisor": "kvm1"])
            #expect(text.contains("'kvm1'"))
            Self.translated(text, Localizer.english.text("apply.blockedSkip", ["hypervisor": "kvm1"]), locale)
        }
    }

    @Test("a cdrom naming a missing volume: a conflict in the reader's language naming the volume and the pool",
          arguments: CatalogLocale.allCases)
    func missingCDROMVolume(locale: CatalogLocale) throws {
        let plan = Planner().plan(manifests: try ManifestFixture(CDROMTests.manifests(cdrom: "{volume: nope.iso}")).load(),
                                  observed: ["h": CDROMTests.host().current])
        let conflict = try #require(plan.conflicts.first { $0.message.key == "plan.cdrom.missingVolume" })
        #expect(conflict.message.english == "the cdrom of 'web' is volume isos/nope.iso, which does not exist")
        #expect(conflict.hint.english == "upload the ISO into pool 'isos' (virsh vol-upload) or name an existing volume")
        let localizer = Localizer(locale: locale)
        let text = PlanTextRenderer(localizer: localizer).render(plan)
        #expect(text.contains(conflict.message.text(localizer)) && text.contains(conflict.hint.text(localizer)), "\(locale.rawValue): \(text)")
        for value in ["'web'", "isos/nope.iso"] { #expect(conflict.message.text(localizer).contains(value)) }
        #expect(conflict.hint.text(localizer).contains("'isos'") && conflict.hint.text(localizer).contains("virsh vol-upload"))
        Self.translated(conflict.message.text(localizer), conflict.message.english, locale)
        Self.translated(conflict.hint.text(localizer), conflict.hint.english, locale)
    }
}
