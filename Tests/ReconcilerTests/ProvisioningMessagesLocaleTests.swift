import Foundation
import HostCommands
import Localization
import Testing
@testable import Provisioning
@testable import ProvisioningAdapter
@testable import Reconciler
@testable import Spec

/// Failures of programs, SSH targets, guest provisioning and seed rendering in the reader's language:
/// commands, hosts, ports, paths and other programs' output appear as they are, and what JSON and
/// logs read (`ErrorText.english`, `StepFailure.english`, diagnostics' JSON) is the same English
/// whatever the locale.
@Suite("Provisioning messages in every language")
struct ProvisioningMessagesLocaleTests {
    /// Answers guest commands from a table (by a part of the command line); everything else succeeds.
    struct GuestTransport: CommandTransport {
        var answers: [(part: String, result: ProcessResult)]

        var target: String { "a test guest" }

        func run(_ argv: [String], input: String?, timeout: Duration?) async throws(ProcessError) -> ProcessResult {
            let line = argv.joined(separator: " ")
            return answers.first { line.contains($0.part) }?.result ?? ProcessResult(exitStatus: 0, standardOutput: "", standardError: "")
        }
    }

    static func request(installCommands: [String] = [], openRC: Bool = false) -> AgentInstallRequest {
        AgentInstallRequest(agent: AgentSpec(serverHost: "sysmanage.example", service: "sysmanage-agent"),
                            installCommands: installCommands, usesOpenRC: openRC, hash: "sha256:agent",
                            ownership: Ownership(name: "web-1", specHash: "h"))
    }

    /// The rendered text translates (non-English locales) and keeps `values` as they are; the English
    /// form is what JSON reports read, and equal to `english` when given.
    static func expectLocalized(_ error: any Error, _ locale: CatalogLocale, keeps values: [String], english: String? = nil,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = ErrorText.text(error, Localizer(locale: locale))
        let englishText = ErrorText.english(error)
        for value in values {
            #expect(text.contains(value), "\(locale): \(text) lacks \(value)", sourceLocation: sourceLocation)
            #expect(englishText.contains(value), "\(englishText) lacks \(value)", sourceLocation: sourceLocation)
        }
        #expect((text == englishText) == (locale == .english), "\(locale): \(text)", sourceLocation: sourceLocation)
        if let english { #expect(englishText == english, sourceLocation: sourceLocation) }
        // The test process runs in English: what a step failure shows there is the English text too.
        #expect(StepFailure(error).english == englishText, sourceLocation: sourceLocation)
    }

    // MARK: Programs that cannot run or do not finish

    @Test("a program that cannot start: the command line stays, the sentence is translated, logs read English",
          arguments: CatalogLocale.allCases)
    func cannotRun(locale: CatalogLocale) async throws {
        let program = "/nonexistent/reconcile-missing-program"
        let error = await #expect(throws: ProcessError.self) {
            try await ProcessRunner().run(program, ["--flag", "/srv/disk.qcow2"])
        }
        let failure = try #require(error)
        #expect(failure.code == .cannotRun)
        Self.expectLocalized(failure, locale, keeps: ["\(program) --flag /srv/disk.qcow2"])
        #expect(failure.message.hasPrefix("\(program) --flag /srv/disk.qcow2: cannot run: "))
        #expect(failure.message == failure.englishDescription)
        // Provisioning's own error keeps the runner's words in the reader's language, not a frozen copy.
        let provisioning = ProvisioningError(failure)
        #expect(provisioning.code == .commandFailed)
        #expect(provisioning.text.text(Localizer(locale: locale)) == failure.description(Localizer(locale: locale)))
        #expect(provisioning.message == failure.message)
        #expect(ErrorText.english(provisioning) == failure.message)
        #expect(ErrorText.text(provisioning, Localizer(locale: locale)) == failure.description(Localizer(locale: locale)))
    }

    @Test("a program that does not finish in time: command and timeout stay, the sentence is translated",
          arguments: CatalogLocale.allCases)
    func timeout(locale: CatalogLocale) async throws {
        let error = await #expect(throws: ProcessError.self) {
            try await ProcessRunner().run("sleep", ["30"], timeout: .milliseconds(50))
        }
        let failure = try #require(error)
        #expect(failure.code == .timeout)
        Self.expectLocalized(failure, locale, keeps: ["sleep 30", "0.05"],
                             english: "sleep 30: no exit within 0.05 s")
        #expect(ProvisioningError(failure).code == .timeout)
    }

    // MARK: SSH targets

    static let badTargets: [(text: String, reason: String, english: String)] = [
        ("@kvm1", "provisioning.sshTargetEmptyUser", "empty user before '@'"),
        ("root@[::1", "provisioning.sshTargetMissingBracket", "missing ']' after IPv6 address"),
        ("root@[::1]x", "provisioning.sshTargetTextAfterBracket", "unexpected text after ']'"),
        ("root@", "provisioning.sshTargetMissingHost", "missing host name"),
        ("-oProxyCommand=x", "provisioning.sshTargetLeadingDash", "user and host must not start with '-'"),
        ("ops@kvm 1", "provisioning.sshTargetHostCharacters", "host must not contain spaces or '/'"),
        ("ops@kvm1:99999", "provisioning.sshTargetPort", "port must be a number from 1 to 65535"),
    ]

    @Test("each reason a target is refused is translated; the target is quoted as typed", arguments: CatalogLocale.allCases)
    func sshTargetReasons(locale: CatalogLocale) throws {
        let localizer = Localizer(locale: locale)
        for bad in Self.badTargets {
            let error = #expect(throws: SSHTargetError.self) { try SSHTarget(parsing: bad.text) }
            let failure = try #require(error)
            #expect(failure == .invalid(bad.text, LocalizedMessage(bad.reason)), "\(bad.text)")
            let reason = localizer.text(bad.reason)
            #expect(failure.description(localizer).contains(reason), "\(locale): \(failure.description(localizer))")
            #expect((reason == bad.english) == (locale == .english), "\(locale): \(reason)")
            Self.expectLocalized(failure, locale, keeps: ["\"\(bad.text)\"", "user@host[:port]"],
                                 english: "invalid SSH target \"\(bad.text)\": \(bad.english) (expected user@host[:port])")
        }
    }

    @Test("a manifest's bad spec.ssh: position, field and value stay, the reason is translated, JSON is English",
          arguments: CatalogLocale.allCases)
    func manifestSSHTarget(locale: CatalogLocale) throws {
        let fixture = try ManifestFixture(Manifests.document("Hypervisor", "kvm1", "ssh: ops@kvm1:99999"))
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let diagnostic = try #require(fixture.diagnostics().first { $0.field == "spec.ssh" })
        let localizer = Localizer(locale: locale)
        let line = diagnostic.line(localizer)
        #expect(line.hasPrefix("\(diagnostic.location): error: "), "\(line)")
        #expect(line.contains("ops@kvm1:99999") && line.contains(localizer.text("provisioning.sshTargetPort")), "\(locale): \(line)")
        #expect((line == diagnostic.line(.english)) == (locale == .english), "\(locale): \(line)")
        // validate --output json encodes the English message, which no locale changes.
        let json = String(decoding: try JSONEncoder().encode(diagnostic), as: UTF8.self)
        #expect(json.contains("port must be a number from 1 to 65535"), "\(json)")
        #expect(diagnostic.message.contains("ops@kvm1:99999"))
    }

    @Test("command line: a bad --host and a bad spec.ssh read German and Japanese on a terminal; validate's JSON equals LANG=C")
    func sshTargetOnTheCommandLine() throws {
        let fixture = try ManifestFixture(Manifests.document("Hypervisor", "kvm1", "ssh: 'ops@[::1'"))
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        func run(_ lang: String, _ arguments: [String]) throws -> CLI.Run {
            try CLI.reconcile(arguments, lang: lang)
        }
        let expected = [
            "C": ("port must be a number from 1 to 65535", "missing ']' after IPv6 address"),
            "de_DE.UTF-8": ("der Port muss eine Zahl von 1 bis 65535 sein", "']' fehlt nach der IPv6-Adresse"),
            "ja_JP.UTF-8": ("ポートは 1 から 65535 までの数値でなければなりません", "IPv6 アドレスの後に ']' がありません"),
        ]
        var reports: [String] = []
        for (lang, (port, bracket)) in expected {
            let detect = try run(lang, ["detect", "--host", "ops@kvm1:99999"])
            #expect(detect.status != 0 && detect.output.contains("\"ops@kvm1:99999\"") && detect.output.contains(port), "\(lang): \(detect.output)")
            let validate = try run(lang, ["validate", fixture.path])
            #expect(validate.output.contains(fixture.file() + ":")
                    && validate.output.contains(": error: spec.ssh: 'ops@[::1'") && validate.output.contains(bracket),
                    "\(lang): \(validate.output)")
            let json = try run(lang, ["validate", "--output", "json", fixture.path])
            #expect(json.stdout.contains("missing ']' after IPv6 address"), "\(lang): \(json.stdout)")
            reports.append(json.stdout)
        }
        #expect(Set(reports).count == 1, "\(reports)")
    }

    // MARK: Guests: cloud-init and the agent

    @Test("cloud-init that ends in error: guest, status, cloud-init's own report and the log path stay",
          arguments: CatalogLocale.allCases)
    func cloudInitFailed(locale: CatalogLocale) async throws {
        let guest = GuestTransport(answers: [("cloud-init status", ProcessResult(
            exitStatus: 1, standardOutput: "status: error\nerrors:\n  - ('scripts_user', RuntimeError('module failed'))\n", standardError: ""))])
        let access = SSHGuestAccess(stateDirectory: FileManager.default.temporaryDirectory)
        let error = await #expect(throws: ReconcileError.self) {
            try await access.waitForCloudInit(guest: "web-1", over: guest, timeout: .seconds(5))
        }
        let failure = try #require(error)
        let text = failure.text(Localizer(locale: locale))
        for value in ["'web-1'", "'error'", "RuntimeError('module failed')", "/var/log/cloud-init.log"] {
            #expect(text.contains(value), "\(locale): \(text)")
        }
        #expect((text == failure.description) == (locale == .english), "\(locale): \(text)")
        #expect(failure.description.hasPrefix("cloud-init in 'web-1' ended with status 'error': status: error"))
        #expect(failure.description.hasSuffix("; see /var/log/cloud-init.log in the guest"))
        #expect(StepFailure(failure).english == failure.description)

        let done = GuestTransport(answers: [("cloud-init status", ProcessResult(exitStatus: 0, standardOutput: "status: done\n", standardError: ""))])
        let summary = try await access.waitForCloudInit(guest: "web-1", over: done, timeout: .seconds(5))
        #expect(summary.english == "cloud-init done")
        #expect((summary.text(Localizer(locale: locale)) == summary.english) == (locale == .english))
    }

    @Test("agent install failures name the command, guest, status and output; the hint fits the init system",
          arguments: CatalogLocale.allCases)
    func agentFailures(locale: CatalogLocale) async throws {
        let access = SSHGuestAccess(stateDirectory: FileManager.default.temporaryDirectory)
        let localizer = Localizer(locale: locale)
        let missing = ProcessResult(exitStatus: 100, standardOutput: "", standardError: "E: Unable to locate package sysmanage-agent")
        let install = await #expect(throws: ReconcileError.self) {
            try await access.installAgent(Self.request(installCommands: ["apt-get install -y sysmanage-agent"]), guest: "web-1",
                                          over: GuestTransport(answers: [("apt-get install", missing)]))
        }
        let installFailure = try #require(install)
        #expect(installFailure.description == "agent install command `apt-get install -y sysmanage-agent` on 'web-1' exited 100: "
            + "E: Unable to locate package sysmanage-agent; check the Distribution's agentInstall commands and that the package repository exists for this release")

        let inactive = ProcessResult(exitStatus: 3, standardOutput: "inactive", standardError: "")
        let systemd = await #expect(throws: ReconcileError.self) {
            try await access.installAgent(Self.request(), guest: "web-1", over: GuestTransport(answers: [("is-active", inactive)]))
        }
        let openRC = await #expect(throws: ReconcileError.self) {
            try await access.installAgent(Self.request(openRC: true), guest: "web-1",
                                          over: GuestTransport(answers: [("rc-service sysmanage-agent status", inactive)]))
        }
        let systemdFailure = try #require(systemd)
        let openRCFailure = try #require(openRC)
        #expect(systemdFailure.description == "service sysmanage-agent is not active on 'web-1' (exit status 3): inactive; "
            + "run `journalctl -u sysmanage-agent` in the guest")
        #expect(openRCFailure.description.hasSuffix("; see /var/log/messages in the guest"))

        let failures: [(ReconcileError, [String])] = [
            (installFailure, ["`apt-get install -y sysmanage-agent`", "'web-1'", "100", "E: Unable to locate package sysmanage-agent", "agentInstall"]),
            (systemdFailure, ["sysmanage-agent", "'web-1'", "3", "inactive", "`journalctl -u sysmanage-agent`"]),
            (openRCFailure, ["sysmanage-agent", "'web-1'", "3", "inactive", "/var/log/messages"]),
        ]
        for (failure, values) in failures {
            let text = failure.text(localizer)
            for value in values { #expect(text.contains(value), "\(locale): \(text) lacks \(value)") }
            #expect((text == failure.description) == (locale == .english), "\(locale): \(text)")
        }

        let installed = try await access.installAgent(Self.request(installCommands: ["apt-get install -y sysmanage-agent", "true"]),
                                                      guest: "web-1", over: GuestTransport(answers: []))
        #expect(installed.english == "sysmanage-agent installed with 2 commands, configured and active")
        let summary = installed.text(localizer)
        #expect(summary.contains("sysmanage-agent") && summary.contains("2"), "\(locale): \(summary)")
        #expect((summary == installed.english) == (locale == .english), "\(locale): \(summary)")
    }

    // MARK: Seeds

    @Test("a seed that cannot be rendered: a static address without a network, a password hash that is not set",
          arguments: CatalogLocale.allCases)
    func seedFailures(locale: CatalogLocale) async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-seed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let factory = CloudInitSeedFactory(stateDirectory: state)

        let staticAddress = SeedRequest(guest: "web-1", hostname: "web-1",
                                        cloudInit: CloudInitSpec(network: .init(address: "192.0.2.10/24")), loginUser: "reconcile", primaryMAC: nil)
        let addressError = await #expect(throws: ReconcileError.self) { try await factory.digest(of: staticAddress) }
        let addressFailure = try #require(addressError)
        #expect(addressFailure.description == "a static address for 'web-1' needs address/prefix and a network")
        let addressText = addressFailure.text(Localizer(locale: locale))
        #expect(addressText.contains("'web-1'"), "\(locale): \(addressText)")
        #expect((addressText == addressFailure.description) == (locale == .english), "\(locale): \(addressText)")

        // The hash's own error travels on as it is: translated for the terminal, English for reports.
        let variable = "RECONCILE_TEST_UNSET_HASH_\(UUID().uuidString.prefix(8))"
        let hashRequest = SeedRequest(guest: "web-1", hostname: "web-1",
                                      cloudInit: CloudInitSpec(users: [.init(name: "ops", passwordHash: .environment(variable))]),
                                      loginUser: "reconcile", primaryMAC: nil)
        let hashError = await #expect(throws: SecretReadError.self) { try await factory.digest(of: hashRequest) }
        Self.expectLocalized(try #require(hashError), locale, keeps: [variable])
    }
}
