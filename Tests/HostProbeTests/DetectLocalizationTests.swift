import HostProbe
import Localization
import Testing

/// `reconcile detect` in every catalog language: words translated, everything a user types or the host
/// reported (names, versions, commands, paths) as it is, and the JSON report untouched.
@Suite("Detection text in every language")
struct DetectLocalizationTests {
    @Test("the card is worded in the locale; names and commands stay", arguments: CatalogLocale.allCases)
    func card(locale: CatalogLocale) async throws {
        let localizer = Localizer(locale: locale)
        let report = try await FixtureSupport.report("debian-12")
        // Through the terminal escaping the CLI applies: the blockers keep their keys on the way.
        let text = DetectionTextRenderer(style: .plain, localizer: localizer).render(try report.escapedForTerminal())
        let english = DetectionTextRenderer(style: .plain, localizer: .english).render(report)

        for line in [
            localizer.text("detect.defaultHypervisor", ["hypervisor": "kvm"]),
            localizer.text("detect.blockers"),
            localizer.text("detect.serviceNotRunning", ["service": "libvirtd"]),
            localizer.text("detect.kvm.startWithoutInit", ["service": "libvirtd", "command": "libvirtd -d"]),
            localizer.text("detect.lxd.notInstalled"),
            localizer.text("detect.virtualbox.noVtx"),
            localizer.text("detect.rung.running") + ":" + localizer.text("detect.no"),
        ] {
            #expect(text.contains(line), "\(locale): \(line)")
        }
        for identifier in ["KVM/QEMU", "LXD", "VirtualBox", "Debian GNU/Linux 12 (bookworm)", "debian 12", "apt",
                           "9.0.0-4+deb12u2", "/etc/systemd/system/multi-user.target.wants/libvirtd.service",
                           "virsh pool-define-as default dir --target /var/lib/libvirt/images", "lxd --group lxd &",
                           "lxd init --auto", "kvm_host"] {
            #expect(text.contains(identifier), "\(locale) lost \(identifier)")
        }
        #expect(text.split(separator: "\n").count == english.split(separator: "\n").count, "the same lines, reworded")
        if locale != .english {
            #expect(text != english)
            for phrase in ["Default hypervisor", "is not running", "can auto-install", "blockers:"] {
                #expect(!text.contains(phrase), "\(locale) still says \(phrase)")
            }
        }
    }

    @Test("the JSON report carries the English words whatever the renderer's language")
    func json() async throws {
        let report = try await FixtureSupport.report("debian-12")
        try FixtureSupport.expectMatchesGolden(try report.jsonText() + "\n", "detect/debian-12.json")
        try FixtureSupport.expectMatchesGolden(try report.escapedForTerminal().jsonText() + "\n", "detect/debian-12.json")
        #expect(report.hypervisors.kvm.blockers.first?.problem == "libvirtd is not running")
    }

    @Test("a command as the next step is the same in every language")
    func commands() async throws {
        let report = try await FixtureSupport.report("debian-12")
        let pool = try #require(report.hypervisors.kvm.blockers.last)
        for locale in CatalogLocale.allCases {
            #expect(Localizer(locale: locale).text(pool.nextMessage) == pool.next)
            #expect(Localizer(locale: locale).text(pool.problemMessage) != pool.problem || locale == .english)
        }
    }
}
