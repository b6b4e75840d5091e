import HostProbe
import Testing

@Suite("Parsing of os-release, package databases and CPU flags")
struct ParsingTests {
    @Test("os-release: quotes, escapes, comments and ID_LIKE")
    func osRelease() {
        let release = OSRelease(parsing: """
            # a comment
            NAME="openSUSE \\"Leap\\""
            ID='opensuse-leap'
            ID_LIKE="suse opensuse"
            VERSION_ID=15.6

            BROKEN LINE
            """)
        #expect(release.id == "opensuse-leap")
        #expect(release.idLike == ["suse", "opensuse"])
        #expect(release.versionID == "15.6")
        #expect(release.fields["NAME"] == "openSUSE \"Leap\"")
        #expect(release.fields.count == 4)
    }

    @Test("os-release without ID defaults to linux")
    func osReleaseDefault() {
        #expect(OSRelease(parsing: "NAME=Something\n").id == "linux")
    }

    @Test("package manager from ID, then ID_LIKE", arguments: [
        ("debian", [String](), PackageManager?.some(.apt)),
        ("ubuntu", [], .apt),
        ("linuxmint", ["ubuntu", "debian"], .apt),
        ("fedora", [], .dnf),
        ("almalinux", ["rhel", "centos", "fedora"], .dnf),
        ("rocky", ["rhel", "centos", "fedora"], .dnf),
        ("opensuse-tumbleweed", ["opensuse", "suse"], .zypper),
        ("alpine", [], .apk),
        ("arch", [], nil),
    ])
    func packageManager(id: String, idLike: [String], expected: PackageManager?) {
        #expect(PackageManager(distributionID: id, idLike: idLike) == expected)
    }

    @Test("dpkg status: only 'install ok installed' stanzas count")
    func dpkgStatus() {
        let status = """
            Package: libvirt-daemon
            Status: install ok installed
            Version: 9.0.0-4
            Description: daemon
             continuation line with Version: 0.0 inside

            Package: virtualbox
            Status: deinstall ok config-files
            Version: 7.0.20

            Package: half
            Status: install ok half-configured
            Version: 1.0

            Package: last-without-trailing-newline
            Version: 2.0
            Status: install ok installed
            """
        #expect(DpkgStatusParser.installedPackages(in: status) == [
            "libvirt-daemon": "9.0.0-4",
            "last-without-trailing-newline": "2.0",
        ])
    }

    @Test("apk installed database: P: and V: lines per stanza")
    func apkDatabase() {
        let database = "C:Q1x=\nP:libvirt\nV:10.3.0-r1\nA:x86_64\n\nP:qemu-system-x86_64\nV:9.0.2-r1\n"
        #expect(ApkDatabaseParser.installedPackages(in: database) == [
            "libvirt": "10.3.0-r1", "qemu-system-x86_64": "9.0.2-r1",
        ])
    }

    @Test("CPU flags: vmx/svm/hypervisor are detected as whole words")
    func cpuFlags() {
        let amd = CPUFlags(parsingCPUInfo: "processor\t: 0\nflags\t\t: fpu svm hypervisor\n")
        #expect(amd.hasSVM && !amd.hasVMX && amd.runsUnderHypervisor)
        #expect(amd.virtualizationFlags == ["svm", "hypervisor"])
        // "vmx" appearing inside another flag or field must not count.
        let none = CPUFlags(parsingCPUInfo: "model name\t: vmx svm box\nflags\t\t: fpu avx512_vmx_fake\n")
        #expect(!none.hasHardwareVirtualization)
    }

    @Test("kernel modules from /proc/modules")
    func procModules() {
        let modules = KernelModules.parseProcModules("kvm_intel 372736 0 - Live 0x0\nkvm 1142784 1 kvm_intel, Live 0x0\n")
        #expect(modules == ["kvm_intel", "kvm"])
    }

    @Test("recorded KVM device states", arguments: [
        ("api:12", KVMDeviceProbe.answered(apiVersion: 12)),
        ("api", .answered(apiVersion: nil)),
        ("denied", .permissionDenied),
        ("missing", .missing),
        ("error:No such device", .failed("No such device")),
        ("api:twelve", .failed("unreadable KVM API version \"twelve\"")),
    ])
    func recordedDeviceState(text: String, expected: KVMDeviceProbe) {
        #expect(KVMDeviceProbe(recorded: text) == expected)
    }
}
