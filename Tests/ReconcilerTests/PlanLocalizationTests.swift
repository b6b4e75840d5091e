import Foundation
import Localization
@testable import Reconciler
import Testing

/// The text plan speaks the reader's language; what machines and people copy from it (step kinds,
/// field paths, names, values) and the JSON plan never change with the locale.
@Suite("Plans in every language")
struct PlanLocalizationTests {
    /// Creates, a live and a next-boot update, a delete, a conflict with a hint, a notice, a blocker
    /// and an unreachable hypervisor, worded with the keys the planner uses.
    static var plan: Plan {
        let network = ResourceAddress(hypervisor: "kvm1", kind: .network, name: "lab-net")
        let web = ResourceAddress(hypervisor: "kvm1", kind: .domain, name: "web-1")
        let old = ResourceAddress(hypervisor: "kvm1", kind: .domain, name: "old-vm")
        let taken = ResourceAddress(hypervisor: "kvm1", kind: .network, name: "default")
        let start = Step(resource: network, action: .startNetwork("lab-net"),
                         reason: LocalizedMessage("plan.reason.networkShouldBeActive"))
        let autostart = Step(resource: web, action: .setDomainAutostart("web-1", true), reason: LocalizedMessage("plan.reason.autostartOn"))
        let undefine = Step(resource: old, action: .undefineDomain("old-vm"), reason: LocalizedMessage("plan.reason.pruned"))
        var plan = Plan(
            targets: [Plan.Target(name: "kvm1", uri: "qemu+ssh://root@kvm1/system"), Plan.Target(name: "kvm2", uri: "qemu+ssh://root@kvm2/system")],
            steps: [start, autostart, undefine],
            resources: [
                ResourceChange(address: network, change: .create, fields: [
                    FieldChange(field: "mode", before: nil, after: "nat"), FieldChange(field: "active", before: nil, after: true),
                ], stepIDs: [start.id]),
                ResourceChange(address: web, change: .update, fields: [
                    FieldChange(field: "memory", before: "2 GiB", after: "4 GiB").timed(.live),
                    FieldChange(field: "maxCpus", before: "2", after: "8").timed(.nextBoot),
                ], stepIDs: [autostart.id], notes: [LocalizedMessage("plan.note.restartPending.one", ["fields": "maxCpus", "name": "web-1"])]),
                ResourceChange(address: old, change: .delete, fields: [FieldChange(field: "state", before: "running", after: nil)],
                               stepIDs: [undefine.id], notes: [LocalizedMessage("plan.note.stopTimeout", ["seconds": "30"])]),
            ],
            conflicts: [Conflict(address: taken, message: LocalizedMessage("plan.network.exists", ["name": "default"]),
                                 hint: LocalizedMessage("plan.adoptHint"))],
            notices: [LocalizedMessage("plan.notice.undeclaredNetwork", ["name": "scratch", "hypervisor": "kvm1"])],
            observedFingerprint: "sha256:abc")
        plan.blockers = [PreflightBlocker(hypervisor: "kvm1", message: LocalizedMessage("plan.blocker.noSuchUser", ["user": "ops", "name": "kvm1"]),
                                          hint: LocalizedMessage("plan.blocker.noSuchUserHint", ["user": "ops"]))]
        plan.unreachable = [UnreachableHost(hypervisor: "kvm2", uri: "qemu+ssh://root@kvm2/system",
                                            reason: .verbatim("libvirt at qemu+ssh://root@kvm2/system does not answer: connection refused"))]
        return plan
    }

    @Test("the text plan is translated; step kinds, field paths, names and values are not", arguments: CatalogLocale.allCases)
    func translated(_ locale: CatalogLocale) throws {
        let localizer = Localizer(locale: locale)
        let plan = Self.plan
        let text = PlanTextRenderer(localizer: localizer).render(plan)
        let summary = localizer.text("plan.summary", ["create": "1", "update": "1", "delete": "1"])
        for expected in [
            localizer.text("plan.hypervisorHeader", ["name": "kvm1", "uri": "qemu+ssh://root@kvm1/system"]),
            localizer.text("plan.conflictsHeader"), localizer.text("plan.noticesHeader"), localizer.text("plan.unreachableHeader"),
            localizer.text("plan.blockersHeader"), summary, localizer.text("plan.timing.live"), localizer.text("plan.timing.nextBoot"),
            localizer.text("plan.stepsLabel"), localizer.text("plan.adoptHint"),
            try #require(plan.leftAloneSummary(localizer)),
        ] {
            #expect(text.contains(expected), "\(locale.rawValue): \(expected) missing from\n\(text)")
        }
        for identifier in ["start-network", "set-domain-autostart", "undefine-domain", "memory:", "maxCpus:", "2 GiB → 4 GiB", "2 → 8",
                           "lab-net", "web-1", "old-vm", "\"default\"", "kvm2", "connection refused", "hint: ", "  + network", "  ~ virtual machine"] {
            #expect(text.contains(identifier), "\(locale.rawValue): \(identifier) missing")
        }
        #expect(!text.unicodeScalars.contains { (0x200E...0x200F).contains($0.value) || (0x202A...0x202E).contains($0.value)
            || (0x2066...0x2069).contains($0.value) || $0.value == 0x061C }, "\(locale.rawValue): bidi control characters")
        if locale != .english {
            #expect(!text.contains("Plan: 1 to create"), "\(locale.rawValue) still says the English summary")
            #expect(!text.contains("Conflicts (left alone):"), "\(locale.rawValue) still says the English header")
        }
    }

    @Test("the JSON plan is English whatever the locale: no translated word reaches it")
    func jsonUnchanged() {
        let json = PlanJSONRenderer().render(Self.plan)
        #expect(json.contains("\"reason\" : \"network should be active\""))
        #expect(json.contains("\"message\" : \"network 'default' already exists and was not created by reconcile\""))
        #expect(json.contains("\"hint\" : \"create the account first (useradd ops), or remove it from spec.users\""))
        #expect(json.contains("restart pending: maxCpus takes effect at the guest's next boot"))
        #expect(json.contains("network 'scratch' on kvm1 is managed by reconcile but declared in no manifest; `--prune` would delete it"))
        let worded = [LocalizedMessage("plan.reason.networkShouldBeActive"), LocalizedMessage("plan.adoptHint"),
                      LocalizedMessage("plan.network.exists", ["name": "default"]),
                      LocalizedMessage("plan.note.stopTimeout", ["seconds": "30"])]
        for locale in CatalogLocale.allCases where locale != .english {
            for message in worded where message.text(Localizer(locale: locale)) != message.english {
                #expect(!json.contains(message.text(Localizer(locale: locale))), "\(locale.rawValue): \(message.key) translated in JSON")
            }
        }
    }

    @Test("the English text plan reads as before")
    func englishUnchanged() {
        let text = PlanTextRenderer(localizer: .english).render(Self.plan)
        #expect(text.contains("Hypervisor kvm1 (qemu+ssh://root@kvm1/system)"))
        #expect(text.contains("      steps: start-network (network should be active)"))
        #expect(text.contains("memory:   2 GiB → 4 GiB (live)"))
        #expect(text.contains("maxCpus:  2 → 8 (next boot)"))
        #expect(text.contains("  ! network \"default\" on kvm1: network 'default' already exists and was not created by reconcile"))
        #expect(text.contains("Plan: 1 to create, 1 to update, 1 to delete.\n"
                              + "Apply cannot converge: 1 resource left alone (1 conflict); 1 preflight blocker; 1 hypervisor unreachable, listed above."))
    }

    @Test("the steps label may be longer, shorter or wider than English: later steps line up under the first")
    func stepsAlign() {
        var plan = Self.plan
        let network = plan.resources[0].address
        let second = Step(resource: network, action: .setNetworkAutostart("lab-net", true), reason: LocalizedMessage("plan.reason.networkAutostart"))
        plan.steps.append(second)
        plan.resources[0].stepIDs.append(second.id)
        for locale in CatalogLocale.allCases {
            let lines = PlanTextRenderer(localizer: Localizer(locale: locale)).render(plan).split(separator: "\n").map(String.init)
            let first = lines.first { $0.contains("start-network") }
            let next = lines.first { $0.contains("set-network-autostart") }
            let column = { (line: String?, text: String) -> Int? in
                guard let line, let range = line.range(of: text) else { return nil }
                return String(line[..<range.lowerBound]).terminalColumns
            }
            #expect(column(first, "start-network") != nil)
            #expect(column(first, "start-network") == column(next, "set-network-autostart"), "\(locale.rawValue)")
        }
    }

    @Test("an engine error is worded in the reader's language on a terminal and stays English in reports", arguments: CatalogLocale.allCases)
    func errors(_ locale: CatalogLocale) {
        let error = ReconcileError(.locked, LocalizedMessage("engine.lockedByAnother", ["hypervisor": "kvm1"]),
                                   hints: [LocalizedMessage("engine.hint.setReady", ["name": "kvm1"])])
        let localizer = Localizer(locale: locale)
        #expect(error.description == "hypervisor 'kvm1' is locked by another apply; nothing was changed. "
                + "Wait for that apply, or pass --lock-timeout SECONDS to wait for it")
        #expect(error.text(localizer) == localizer.text("engine.lockedByAnother", ["hypervisor": "kvm1"]))
        #expect(error.text(localizer).contains("'kvm1'") && error.text(localizer).contains("--lock-timeout SECONDS"))
        #expect(error.hints(localizer).first?.contains("`state: ready`") == true)
        if locale != .english { #expect(error.text(localizer) != error.description, "\(locale.rawValue) is not translated") }
    }
}
