import Foundation
import HostCommands
import Localization
import Synchronization
import Testing
import HostProbe
@testable import Provisioning
import HostProbe
@testable import ProvisioningAdapter
@testable import Reconciler
@testable import Spec

/// Texts with another text inside (why a seed cannot be built, why libvirt or the lock's host did not
/// answer, what each address answered over SSH): the inner words in the same language as the outer
/// ones on a terminal, the whole in English in JSON and reports whatever the locale; paths, modes,
/// addresses, flags and identifiers as they are.
@Suite("Nested texts in every language")
struct NestedTextLocaleTests {
    static func translated(_ text: String, _ english: String, _ locale: CatalogLocale) {
        #expect((text == english) == (locale == .english), "\(locale.rawValue): \(text)")
    }

    /// A connection error of the engine's own, so that its words have a translation.
    static let libvirtSilent = ReconcileError(.connectionFailed, LocalizedMessage("engine.libvirtSilent", ["uri": "test:///h"]))

    @Test("a message with worded arguments reads back the same, and one saved before them still reads")
    func wordedArgumentsRoundTrip() throws {
        let message = LocalizedMessage("engine.lockNotRenewed", ["hypervisor": "kvm1"], worded: ["detail": ErrorWording(Self.libvirtSilent).texts])
        let back = try JSONDecoder().decode(LocalizedMessage.self, from: try JSONEncoder().encode(message))
        #expect(back == message)
        for locale in CatalogLocale.allCases { #expect(back.text(Localizer(locale: locale)) == message.text(Localizer(locale: locale))) }
        let old = try JSONDecoder().decode(LocalizedMessage.self, from: Data(#"{"key":"engine.lockTakenOver","arguments":{"hypervisor":"kvm1"}}"#.utf8))
        #expect(old == LocalizedMessage("engine.lockTakenOver", ["hypervisor": "kvm1"]))
        // Escaping and redaction reach the worded words too.
        #expect(message.mappingValues { $0.uppercased() }.english == "cannot renew the lock on hypervisor 'KVM1': LIBVIRT AT TEST:///H DOES NOT ANSWER")
    }

    @Test("no ISO builder: the plan's blocker gives the reason in the reader's language, JSON in English",
          arguments: CatalogLocale.allCases)
    func noISOBuilder(locale: CatalogLocale) throws {
        let factory = CloudInitSeedFactory(stateDirectory: FileManager.default.temporaryDirectory)
        let reason = LocalizedMessage("provisioning.noISOBuilder")
        // This machine may or may not have an ISO builder; when it has none, this is what it says.
        #expect(factory.unavailableReason == nil || factory.unavailableReason == reason)
        var facts = ProvisioningPlannerTests.facts()
        facts.seedBuilderProblem = reason
        let plan = Planner().plan(manifests: try ManifestFixture(ProvisioningPlannerTests.manifests()).load(),
                                  observed: ["h": FakeHypervisor().current], facts: facts)
        let blocker = try #require(plan.blockers.first { $0.message.key == "plan.seed.cannotBuild" })
        let english = "cannot build the cloud-init seed of 'web': neither xorriso nor genisoimage is installed on this machine"
        #expect(blocker.message.english == english)

        let localizer = Localizer(locale: locale)
        let message = blocker.message.text(localizer)
        #expect(message == localizer.text("plan.seed.cannotBuild", ["name": "web", "detail": reason.text(localizer)]))
        #expect(message.contains("'web'") && message.contains("xorriso") && message.contains("genisoimage"), "\(locale.rawValue): \(message)")
        Self.translated(message, english, locale)
        Self.translated(reason.text(localizer), reason.english, locale)
        #expect(PlanTextRenderer(localizer: localizer).render(plan).contains(message))

        let json = PlanJSONRenderer().render(plan)
        #expect(json.contains(english), "\(json)")
        if locale != .english { #expect(!json.contains(reason.text(localizer))) }
    }

    static func refusal(_ body: () throws -> Any?) throws -> SSHControlDirectoryError {
        let error = #expect(throws: SSHControlDirectoryError.self) { _ = try body() }
        return try #require(error)
    }

    @Test("a socket directory that cannot be trusted: the reason in the reader's language, the path and mode as they are",
          arguments: CatalogLocale.allCases)
    func sshControlDirectory(locale: CatalogLocale) throws {
        let scratch = "/tmp/rc-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/ssh-mux", withIntermediateDirectories: true)
        #expect(chmod(scratch, 0o700) == 0 && chmod(scratch + "/ssh-mux", 0o777) == 0)
        let open = try Self.refusal { try SSHControlDirectory.prepare(stateDirectory: scratch) }
        #expect(open.englishDescription == "cannot use \(scratch)/ssh-mux for shared SSH connections: its mode 0777 lets other users in; "
                + "it must be 0700 (remove it: sockets others could have placed there are not trusted)")

        #expect(chmod(scratch + "/ssh-mux", 0o700) == 0 && chmod(scratch, 0o777) == 0)
        let writable = try Self.refusal { try SSHControlDirectory.prepare(stateDirectory: scratch) }
        #expect(writable.reason.english == "\(scratch) is writable by other users (mode 0777); use chmod 700 on it, or another --state-dir")

        let unusable = try Self.refusal { try LibvirtSSHWrapper.install(configFile: "ssh_config", stateDirectory: "/tmp/has blank") }
        #expect(unusable.englishDescription.hasSuffix("(use --state-dir)"))

        let localizer = Localizer(locale: locale)
        for (error, kept) in [(open, ["\(scratch)/ssh-mux", "0777", "0700"]), (writable, [scratch, "0777", "chmod 700", "--state-dir"]),
                              (unusable, ["/tmp/has blank", "--ssh-config", "qemu+ssh", "'%'", "--state-dir"])] {
            let text = error.description(localizer)
            for value in kept { #expect(text.contains(value), "\(locale.rawValue): \(text)") }
            #expect(text.contains(error.reason.text(localizer)))
            Self.translated(text, error.englishDescription, locale)
            Self.translated(error.reason.text(localizer), error.reason.english, locale)
            #expect(ErrorText.english(error) == error.englishDescription)
        }
    }

    @Test("reconcile plan with a socket directory others may enter: the refusal in the user's language, the JSON plan unchanged")
    func sshControlDirectoryOnTheCommandLine() throws {
        let scratch = "/tmp/rc-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/state/ssh-mux", withIntermediateDirectories: true)
        #expect(chmod(scratch + "/state", 0o700) == 0 && chmod(scratch + "/state/ssh-mux", 0o777) == 0)
        // Port 1 on loopback: ssh never runs, the directory is refused first.
        try Manifests.document("Hypervisor", "remote", "uri: test:///default\nstate: ready\nssh: root@127.0.0.1:1")
            .write(toFile: scratch + "/hosts.yaml", atomically: true, encoding: .utf8)
        func plan(_ lang: String, _ output: String) throws -> CLI.Run {
            try CLI.reconcile(["plan", scratch + "/hosts.yaml", "--state-dir", scratch + "/state", "--output", output],
                              environment: ["LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""])
        }
        let english = try plan("C", "text")
        #expect(english.stdout.contains("cannot use \(scratch)/state/ssh-mux for shared SSH connections: its mode 0777 lets other users in"),
                "\(english.output)")
        let json = try plan("C", "json")
        #expect(json.stdout.contains("its mode 0777 lets other users in"), "\(json.output)")
        for lang in ["de_DE.UTF-8", "ja_JP.UTF-8"] {
            let locale = CatalogLocale.resolve(environment: ["LANG": lang])
            let expected = SSHControlDirectoryError(path: scratch + "/state/ssh-mux", reason: LocalizedMessage("adapter.sshMux.mode", ["mode": "0777"]))
            let translated = try plan(lang, "text")
            #expect(translated.stdout.contains(expected.description(Localizer(locale: locale))), "\(lang): \(translated.output)")
            #expect(!translated.stdout.contains("lets other users in"))
            #expect(try plan(lang, "json").stdout == json.stdout, "\(lang): the JSON plan changed with the locale")
        }
    }

    @Test("a planned image URL that is not one: the error in the reader's language, the URL as it is, without credentials",
          arguments: CatalogLocale.allCases)
    func imageURLNotAURL(locale: CatalogLocale) throws {
        let url = "http://user:secret@[oops/x.img"
        #expect(URL(string: url) == nil)
        let source = Spec.ImageSource(url: url, checksum: .inline(algorithm: "sha256", hex: String(repeating: "a", count: 64)))
        let thrown = #expect(throws: ReconcileError.self) { try CachedImageStore.convert(source) }
        let error = try #require(thrown)
        #expect(error.code == .invalidPlanFile)
        #expect(error.message == "'\(url.redactingURLCredentials)' is not a URL")
        let text = error.text(Localizer(locale: locale))
        #expect(text.contains(url.redactingURLCredentials) && !text.contains("secret"), "\(locale.rawValue): \(text)")
        Self.translated(text, error.message, locale)
    }

    @Test("a refused package name: why, in the reader's language; the name, the manager and the allowed characters as they are",
          arguments: CatalogLocale.allCases)
    func refusedPackageName(locale: CatalogLocale) throws {
        let option = try Self.refusedPackage(.apt, "-oDebug::pkgProblemResolver=1")
        #expect(option.englishDescription == "package name \"-oDebug::pkgProblemResolver=1\" is refused for apt: it starts with '-' and would be read as an option")
        let upper = try Self.refusedPackage(.apt, "Qemu")
        #expect(upper.englishDescription == "package name \"Qemu\" is refused for apt: apt names are lowercase letters, digits and '+', '-', '.' "
                + "(':ARCH' at the end), starting with a letter or digit")
        let group = try Self.refusedPackage(.dnf, "@-x")
        let localizer = Localizer(locale: locale)
        for (error, kept) in [(option, ["\"-oDebug::pkgProblemResolver=1\"", "apt", "'-'"]), (upper, ["\"Qemu\"", "apt", "':ARCH'", "'+'"]),
                              (group, ["\"@-x\"", "dnf", "'@'", "'_'"])] {
            let text = error.description(localizer)
            for value in kept { #expect(text.contains(value), "\(locale.rawValue): \(text)") }
            #expect(text.contains(error.reason.text(localizer)))
            Self.translated(error.reason.text(localizer), error.reason.english, locale)
            Self.translated(text, error.englishDescription, locale)
        }
    }

    static func refusedPackage(_ manager: PackageManager, _ name: String) throws -> PackageNameError {
        let error = #expect(throws: PackageNameError.self) { try manager.validate(["qemu-kvm", name]) }
        return try #require(error)
    }

    @Test("an SSH attempt that got no answer says so in the reader's language; the outcome stays an identifier",
          arguments: CatalogLocale.allCases)
    func sshAttemptWithoutAnswer(locale: CatalogLocale) {
        let silent = SSHAttempt(number: 2, elapsed: .milliseconds(4100), outcome: .timedOut,
                                detail: LocalizedMessage("provisioning.sshNoAnswerWithin", ["seconds": Duration.seconds(7).secondsText]))
        let refused = SSHAttempt(number: 3, elapsed: .seconds(6), outcome: .connectionRefused,
                                 detail: .verbatim("ssh: connect to host 192.0.2.7 port 22: Connection refused"))
        #expect(silent.text.english == "attempt 2 at 4.1s: timedOut: no answer within 7 s")
        #expect(refused.text.english == "attempt 3 at 6.0s: connectionRefused: ssh: connect to host 192.0.2.7 port 22: Connection refused")
        #expect(SSHAttempt(number: 1, elapsed: .seconds(1), outcome: .connected, detail: nil).text.english == "attempt 1 at 1.0s: connected")
        let localizer = Localizer(locale: locale)
        let text = silent.text.text(localizer)
        #expect(text.contains("timedOut") && text.contains("7") && !text.contains("seconds") && text.contains("4.1"), "\(locale.rawValue): \(text)")
        #expect(text.contains(localizer.text("provisioning.sshNoAnswerWithin", ["seconds": "7"])))
        Self.translated(text, silent.text.english, locale)
        // ssh's own words stay ssh's.
        #expect(refused.text.text(localizer).hasSuffix(": ssh: connect to host 192.0.2.7 port 22: Connection refused"))
    }

    @Test("libvirt not answering yet: the notice words libvirt's error for the reader, the JSON plan keeps English",
          arguments: CatalogLocale.allCases)
    func libvirtNotYet(locale: CatalogLocale) throws {
        let set = try HostBootstrapPlannerTests.manifests()
        let error = ErrorWording(Self.libvirtSilent)
        let waiting = Planner().plan(manifests: set, observed: [:], hosts: ["h": HostObservation(facts: FakeHostSystem.bare(), libvirtError: error)])
        let notice = try #require(waiting.notices.first { $0.key == "plan.notice.libvirtNotYet" })
        #expect(notice.english == "libvirt at test:///default does not answer yet (libvirt at test:///h does not answer); networks, pools "
                + "and virtual machines on 'h' will be planned once the daemon answers, which apply does right after the host steps")
        let silent = Planner().plan(manifests: set, observed: [:], hosts: ["h": HostObservation(facts: FakeHostSystem.ready(), libvirtError: error)])
        let blocker = try #require(silent.blockers.first { $0.message.key == "plan.blocker.libvirtSilent" })
        #expect(blocker.message.english == "libvirtd runs on 'h' but libvirt at test:///default does not answer: libvirt at test:///h does not answer")

        let localizer = Localizer(locale: locale)
        let reason = error.text(localizer)
        #expect(reason == localizer.text("engine.libvirtSilent", ["uri": "test:///h"]))
        for (message, plan) in [(notice, waiting), (blocker.message, silent)] {
            let text = message.text(localizer)
            #expect(text.contains(reason) && text.contains("test:///default") && text.contains("'h'"), "\(locale.rawValue): \(text)")
            Self.translated(text, message.english, locale)
            #expect(PlanTextRenderer(localizer: localizer).render(plan).contains(text))
            let json = PlanJSONRenderer().render(plan)
            #expect(json.contains(message.english.replacingOccurrences(of: "/", with: "\\/")) || json.contains(message.english), "\(json)")
            if locale != .english { #expect(!json.contains(reason)) }
        }
        // Only whether libvirt answered counts for the fingerprint, not the words of its error.
        let other = HostObservation(facts: FakeHostSystem.bare(), libvirtError: "refused")
        #expect(ObservedFingerprint.of([:], hosts: ["h": other])
                == ObservedFingerprint.of([:], hosts: ["h": HostObservation(facts: FakeHostSystem.bare(), libvirtError: error)]))
    }

    /// A lock store on a host that stops answering once the lock is taken.
    struct SilentAfterCreate: HostLockStore {
        func createLock(_ record: HostLockRecord) async throws -> Bool { true }
        func readLock() async throws -> HostLockRecord? { nil }
        func renewLock(_ record: HostLockRecord) async throws -> Bool { throw NestedTextLocaleTests.libvirtSilent }
        func removeLock(token: String) async throws -> Bool { true }
    }

    @Test("a lock that cannot be renewed: the host's error in the reader's language inside the warning",
          arguments: CatalogLocale.allCases)
    func lockNotRenewed(locale: CatalogLocale) async throws {
        let warnings = Mutex<[LocalizedMessage]>([])
        let lock = try await HostLock.acquire(on: SilentAfterCreate(), hypervisor: "kvm1", identity: HostLockTests.alice, timeout: .zero,
                                              lifetime: .milliseconds(300)) { warning in warnings.withLock { $0.append(warning) } }
        let clock = ContinuousClock()
        // Generous: in a full parallel run, tests that wait for child processes can hold Swift's few
        // cooperative threads for seconds, and the renewal task runs on them.
        let deadline = clock.now + .seconds(60)
        while warnings.withLock({ $0.isEmpty }) && clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        await lock.release()
        let warning = try #require(warnings.withLock { $0.first })
        #expect(warning.english == "cannot renew the lock on hypervisor 'kvm1': libvirt at test:///h does not answer")
        let localizer = Localizer(locale: locale)
        let text = warning.text(localizer)
        #expect(text.contains("'kvm1'") && text.contains(localizer.text("engine.libvirtSilent", ["uri": "test:///h"])), "\(locale.rawValue): \(text)")
        Self.translated(text, warning.english, locale)
    }

    @Test("SSH probes of a guest's addresses: outcomes worded for the reader, addresses and ssh's words as they are",
          arguments: CatalogLocale.allCases)
    func sshProbes(locale: CatalogLocale) {
        let seen = ["192.0.2.8": SSHProbe(.unreachable, "connectionRefused: ssh: connect to host 192.0.2.8 port 22: Connection refused"),
                    "192.0.2.7": SSHProbe(.wrongHostKey, "Host key verification failed.")]
        let localizer = Localizer(locale: locale)
        let wrongKey = localizer.text("engine.sshProbe.wrongHostKey")
        let unreachable = localizer.text("engine.sshProbe.unreachable")
        #expect(StepRunner.probesText(seen, .english, details: false) == "192.0.2.7: wrong host key, 192.0.2.8: unreachable")
        let progress = StepRunner.probesText(seen, localizer, details: false)
        #expect(progress == "192.0.2.7: \(wrongKey), 192.0.2.8: \(unreachable)")
        Self.translated(progress, StepRunner.probesText(seen, .english, details: false), locale)

        let wait = GuestWait(guest: "web", macs: [], loginUser: "reconcile", timeoutSeconds: 600)
        let timeout = StepRunner.noSSHLogin(wait, seen: seen)
        #expect(timeout.message == "no SSH login to 'web' as reconcile with its pinned host key within 600 s; "
                + "192.0.2.7: wrong host key (Host key verification failed.); "
                + "192.0.2.8: unreachable (connectionRefused: ssh: connect to host 192.0.2.8 port 22: Connection refused)")
        let text = timeout.text(localizer)
        for value in ["'web'", "reconcile", "600", "192.0.2.7: \(wrongKey) (Host key verification failed.)", "Connection refused"] {
            #expect(text.contains(value), "\(locale.rawValue): \(text)")
        }
        Self.translated(text, timeout.message, locale)
        #expect(ErrorText.english(timeout) == timeout.message)

        let nothing = StepRunner.noSSHLogin(wait, seen: [:])
        #expect(nothing.message.hasSuffix("; libvirt reported no address at all"))
        #expect(nothing.text(localizer).contains(localizer.text("engine.noAddressReported")))
        Self.translated(nothing.text(localizer), nothing.message, locale)
    }
}
