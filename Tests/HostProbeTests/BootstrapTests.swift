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
                == ["qemu-kvm", "libvirt", "virt-install"])
        #expect(KVMPackageSet.packages(for: distribution("arch", nil)) == nil)
        #expect(BootstrapPlan.kvm(for: distribution("arch", nil)) == nil)
    }

    @Test("install argv per package manager")
    func installArgv() {
        let apt = InstallCommand.install(["a", "b"], with: .apt)
        #expect(apt.argv == ["apt-get", "install", "-y", "a", "b"])
        #expect(apt.environment == ["DEBIAN_FRONTEND": "noninteractive"])
        #expect(InstallCommand.install(["@virtualization"], with: .dnf).argv == ["dnf", "install", "-y", "@virtualization"])
        #expect(InstallCommand.install(["p"], with: .zypper).argv == ["zypper", "--non-interactive", "install", "p"])
        #expect(InstallCommand.install(["p"], with: .apk).argv == ["apk", "add", "p"])
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
