import HostCommands
import HostProbe
import Testing

@Suite("Package sets and install/service commands")
struct BootstrapTests {
    func distribution(_ id: String, _ version: String?, idLike: [String] = [], manager: ServiceManager = .systemd) -> Distribution {
        Distribution(id: id, version: version, idLike: idLike, name: nil,
                     packageManager: PackageManager(distributionID: id, idLike: idLike), serviceManager: manager)
    }

    @Test("Debian 12 uses qemu-system-x86, older Debian and Ubuntu qemu-kvm")
    func debianQemuPackage() {
        #expect(KVMPackageSet.packages(for: distribution("debian", "12"))?.first == "qemu-system-x86")
        #expect(KVMPackageSet.packages(for: distribution("debian", "11"))?.first == "qemu-kvm")
        #expect(KVMPackageSet.packages(for: distribution("ubuntu", "24.04", idLike: ["debian"]))?.first == "qemu-kvm")
    }

    @Test("AlmaLinux gets the RHEL family set; unknown distributions none")
    func families() {
        #expect(KVMPackageSet.packages(for: distribution("almalinux", "9.4", idLike: ["rhel", "centos", "fedora"]))
                == ["qemu-kvm", "libvirt", "virt-install", "edk2-ovmf", "swtpm", "swtpm-tools"])
        #expect(KVMPackageSet.packages(for: distribution("arch", nil)) == nil)
        #expect(BootstrapPlan.kvm(for: distribution("arch", nil)) == nil)
    }

    @Test("install argv per package manager: `--` before the names, except for dnf 5 which rejects it")
    func installArgv() {
        let apt = InstallCommand.install(["a", "b"], with: .apt)
        #expect(apt.argv == ["apt-get", "install", "-y", "--", "a", "b"])
        #expect(apt.environment == ["DEBIAN_FRONTEND": "noninteractive"])
        #expect(InstallCommand.install(["@virtualization"], with: .dnf).argv == ["dnf", "install", "-y", "@virtualization"])
        #expect(InstallCommand.install(["p"], with: .zypper).argv == ["zypper", "--non-interactive", "install", "--", "p"])
        #expect(InstallCommand.install(["p"], with: .apk).argv == ["apk", "add", "--", "p"])
    }

    @Test("the KVM package set of every distribution passes its package manager's name check")
    func packageSetsAreValidNames() throws {
        let distributions = [distribution("debian", "12"), distribution("ubuntu", "24.04", idLike: ["debian"]),
                             distribution("fedora", "41"), distribution("rocky", "9", idLike: ["rhel"]),
                             distribution("alpine", "3.20", manager: .openrc), distribution("opensuse-leap", "15.6")]
        for distribution in distributions {
            let manager = try #require(distribution.packageManager)
            let packages = try #require(KVMPackageSet.packages(for: distribution))
            #expect(throws: Never.self) { try manager.validate(packages) }
        }
    }

    @Test("names that are options, pins, several words or shell text are refused for every package manager",
          arguments: PackageManager.allCases)
    func refusedNames(manager: PackageManager) {
        for name in ["-oAPT::Get::AllowUnauthenticated=true", "--allow-downgrades", "qemu=1:7.2", "qemu kvm", "qemu\nrm",
                     "", "qemu;reboot", "$(id)", "qemu*", "../x.deb", "\u{1B}[31mred"] {
            let error = #expect(throws: PackageNameError.self, "\(manager) accepted \(name.debugDescription)") {
                try manager.validate(["libvirt-clients", name])
            }
            #expect(error?.name == name)
        }
        #expect(throws: Never.self) { try manager.validate(["libvirt-clients", "qemu-kvm", "python3.11", "g++"]) }
    }

    @Test("each package manager's own spellings: dnf groups, zypper patterns, apt architectures, lowercase Debian names")
    func managerSpellings() {
        #expect(throws: Never.self) { try PackageManager.dnf.validate(["@virtualization", "qemu-kvm"]) }
        #expect(throws: PackageNameError.self) { try PackageManager.apt.validate(["@virtualization"]) }
        #expect(throws: PackageNameError.self) { try PackageManager.dnf.validate(["@-x"]) }
        #expect(throws: Never.self) { try PackageManager.zypper.validate(["pattern:kvm_server", "patterns-server-kvm_server"]) }
        #expect(throws: Never.self) { try PackageManager.apt.validate(["libc6:i386"]) }
        #expect(throws: PackageNameError.self) { try PackageManager.apt.validate(["Qemu"]) }
        #expect(throws: PackageNameError.self) { try PackageManager.apt.validate(["libvirt_daemon"]) }
    }

    @Test("service commands per service manager")
    func serviceCommands() {
        #expect(ServiceCommands.enable("libvirtd", with: .openrc) == [HostCommand(argv: ["rc-update", "add", "libvirtd", "default"])])
        #expect(ServiceCommands.start("libvirtd", with: .openrc) == HostCommand(argv: ["rc-service", "libvirtd", "start"]))
        #expect(ServiceCommands.enable("libvirtd", with: .none).isEmpty)
        #expect(ServiceCommands.start("libvirtd", with: .none) == HostCommand(argv: ["libvirtd", "-d"]))
        #expect(ServiceCommands.start("unknownd", with: .none) == nil)
    }

    @Test("rendered commands quote words the shell would split")
    func rendering() {
        let command = HostCommand(environment: ["A": "x y"], argv: ["echo", "it's", "plain"])
        #expect(command.rendered == "A='x y' echo 'it'\\''s' plain")
    }
}
