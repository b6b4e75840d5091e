import HostCommands
import HostProbe
import Testing

@Suite("Readiness ladder and blockers on fixture hosts")
struct LadderTests {
    @Test("a working /dev/kvm without vmx/svm is available but not cpuSupported")
    func kvmWithoutCPUFlags() async throws {
        let report = try await FixtureSupport.report("debian-12")
        let kvm = report.hypervisors.kvm
        #expect(kvm.available)
        #expect(kvm.deviceAccessible)
        #expect(kvm.apiVersion == 12)
        #expect(!kvm.cpuSupported)
        #expect(kvm.cpuFlags == ["hypervisor"])
        #expect(kvm.modules == ["kvm", "kvm_pvm"])
        #expect(kvm.isGuest)
        #expect(report.roles.contains(.kvmHost))
        #expect(report.defaultHypervisor == .kvm)
    }

    @Test("installed and enabled libvirt without an init system is not running, and management falls back to qemu")
    func libvirtNotRunning() async throws {
        let report = try await FixtureSupport.report("debian-12")
        let kvm = report.hypervisors.kvm
        #expect(report.distribution.serviceManager == .none)
        #expect(kvm.installed && kvm.enabled)
        #expect(!kvm.running && !kvm.initialized)
        #expect(kvm.management == .qemu)
        let running = try #require(kvm.blockers.first { $0.rung == .running })
        #expect(running.next.contains("libvirtd -d"))
        #expect(!report.roles.contains(.libvirtHost))
    }

    @Test("a package removed with config files left behind is not installed")
    func deinstalledPackageIgnored() async throws {
        let report = try await FixtureSupport.report("debian-12")
        #expect(!report.hypervisors.virtualbox.installed)
    }

    @Test("a fully set up host has every rung and no blockers")
    func readyHost() async throws {
        let report = try await FixtureSupport.report("ubuntu-24.04")
        let kvm = report.hypervisors.kvm
        #expect(kvm.available && kvm.installed && kvm.enabled && kvm.running && kvm.initialized)
        #expect(kvm.blockers.isEmpty)
        #expect(kvm.management == .libvirt)
        #expect(kvm.nested == true)
        #expect(!kvm.isGuest)
        let lxd = report.hypervisors.lxd
        #expect(lxd.initialized && lxd.installMethod == "snap" && lxd.version == "5.21.2-2f4ba6b")
        #expect(report.roles == [.kvmHost, .libvirtHost, .lxdHost])
    }

    @Test("permission denied on /dev/kvm keeps KVM available but withholds the kvm_host role")
    func deviceDenied() async throws {
        let report = try await FixtureSupport.report("opensuse-leap-15.6")
        let kvm = report.hypervisors.kvm
        #expect(kvm.available)
        #expect(!kvm.deviceAccessible)
        #expect(kvm.blockers.first?.rung == .deviceAccess)
        #expect(kvm.blockers.first?.next.contains("kvm group") == true)
        #expect(!report.roles.contains(.kvmHost))
        #expect(report.roles.contains(.virtualboxHost))
        // A non-root user without sudo cannot install anything.
        #expect(!kvm.canAutoInstall)
        #expect(kvm.nested == false)
    }

    @Test("vmx without loaded modules points at modprobe kvm_intel")
    func missingModule() async throws {
        let kvm = try await FixtureSupport.report("rocky-9").hypervisors.kvm
        #expect(!kvm.available && kvm.cpuSupported && !kvm.kernelSupported)
        let blocker = try #require(kvm.blockers.first)
        #expect(blocker.rung == .available)
        #expect(blocker.next == "load the KVM module: modprobe kvm_intel")
        let install = try #require(kvm.blockers.first { $0.rung == .installed })
        #expect(install.next == "dnf install -y qemu-kvm libvirt virt-install edk2-ovmf swtpm swtpm-tools")
    }

    @Test("rpm-based versions come from rpm -q through the command runner")
    func rpmVersions() async throws {
        let report = try await FixtureSupport.report("fedora-41")
        #expect(report.hypervisors.kvm.versions == KVMVersions(libvirt: "10.6.0-5.fc41", qemu: "9.1.1-1.fc41"))
        #expect(report.hypervisors.kvm.services.first { $0.name == "virtqemud" }?.running == true)
        // uid 1000 with passwordless sudo may install.
        #expect(report.hypervisors.kvm.canAutoInstall)
    }

    @Test("OpenRC runlevel link enables and a live pid file shows libvirtd running")
    func openrcAndPidFile() async throws {
        let report = try await FixtureSupport.report("alpine-3.20")
        let libvirtd = try #require(report.hypervisors.kvm.services.first { $0.name == "libvirtd" })
        #expect(libvirtd.enabledBy == ["/etc/runlevels/default/libvirtd"])
        #expect(libvirtd.runningEvidence == "pid 2345 from /run/libvirtd.pid is alive")
        #expect(report.hypervisors.kvm.guestPlatform == "QEMU")
        #expect(report.hypervisors.kvm.initialized == false)
        #expect(report.hypervisors.kvm.blockers.map(\.problem) == ["no libvirt storage pool is defined"])
    }

    @Test("a guest without KVM defaults to LXD; a host without either has no default")
    func defaultHypervisor() async throws {
        let lxdOnly = try await FixtureSupport.report("ubuntu-24.04-lxd")
        #expect(lxdOnly.defaultHypervisor == .lxd)
        #expect(lxdOnly.hypervisors.lxd.running && !lxdOnly.hypervisors.lxd.initialized)
        #expect(lxdOnly.hypervisors.lxd.blockers.map(\.problem) == ["LXD has no storage pool"])
        let minimal = try await FixtureSupport.report("debian-12-minimal")
        #expect(minimal.defaultHypervisor == nil)
        #expect(minimal.roles.isEmpty)
    }

    @Test("blockers follow the ladder order")
    func blockerOrder() async throws {
        let order = LadderRung.allCases
        for fixture in FixtureSupport.fixtureNames {
            let kvm = try await FixtureSupport.report(fixture).hypervisors.kvm
            let positions = kvm.blockers.compactMap { order.firstIndex(of: $0.rung) }
            #expect(positions == positions.sorted(), "blockers out of order in \(fixture)")
        }
    }

    @Test("without a package database, versions come from the binaries' --version output")
    func versionsFromBinaries() async throws {
        let system = try FixtureSupport.makeTree(
            files: ["/etc/os-release": "ID=gentoo\n", "/usr/bin/qemu-system-x86_64": "", "/usr/sbin/libvirtd": ""],
            state: FixtureState(commands: [
                "qemu-system-x86_64 --version": ProcessResult(exitStatus: 0, standardOutput: "QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7)\nCopyright (c) 2003-2022\n", standardError: ""),
                "libvirtd --version": ProcessResult(exitStatus: 0, standardOutput: "libvirtd (libvirt) 9.0.0\n", standardError: ""),
            ])
        )
        let report = await HostDetector(system: system).detect()
        #expect(report.distribution.packageManager == nil)
        #expect(report.hypervisors.kvm.versions == KVMVersions(libvirt: "9.0.0", qemu: "7.2.22"))
        #expect(report.hypervisors.kvm.installed)
        // Unknown package manager: nothing can be installed automatically.
        #expect(!report.hypervisors.kvm.canAutoInstall)
    }
}
