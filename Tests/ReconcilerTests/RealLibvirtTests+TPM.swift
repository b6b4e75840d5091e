import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

extension RealLibvirtTests {
    static let tpmManifest = """
        \(RealLibvirt.hypervisor)
        ---
        apiVersion: reconcile/v1
        kind: VirtualMachine
        metadata: {name: rt-tpm}
        spec:
          memory: 128MiB
          firmware: uefi
          tpm: true
          state: running

        """

    /// The command lines of the host's processes whose executable is `name`, by pid.
    static func processes(named name: String) -> [Int: String] {
        var found: [Int: String] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int(entry),
                  let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
                  comm.trimmingCharacters(in: .whitespacesAndNewlines) == name,
                  let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            found[pid] = String(decoding: raw.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        }
        return found
    }

    @Test("tpm: true boots a UEFI guest with an emulated TPM 2.0: the emulator in the live XML, swtpm running for it, QEMU given the device")
    func realTPM() async throws {
        let cleanup = {
            try? RealLibvirt.virsh(["destroy", "rt-tpm"])
            try? RealLibvirt.virsh(["undefine", "rt-tpm", "--nvram"])
        }
        cleanup()
        defer { cleanup() }

        let fixture = try ManifestFixture(Self.tpmManifest)
        let apply = try RealLibvirt.reconcile(["apply", fixture.path])
        #expect(apply.status == 0, "apply failed (swtpm and swtpm-tools must be installed):\n\(apply.output)")
        let hypervisor = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri)
        let domain = try #require(try hypervisor.connection.domain(named: "rt-tpm"))
        #expect(try domain.isActive())
        let live = try domain.xml(inactive: false)
        #expect(live.contains("<tpm model='tpm-crb'>") && live.contains("<backend type='emulator' version='2.0'"), "\(live)")
        let uuid = try domain.uuid()
        // libvirt runs one swtpm per guest, its state in a directory named by the guest's UUID.
        let swtpm = Self.processes(named: "swtpm").filter { $0.value.contains(uuid) }
        #expect(swtpm.count == 1, "no swtpm for \(uuid): \(Self.processes(named: "swtpm"))")
        let qemu = Self.processes(named: "qemu-system-x86").filter { $0.value.contains("guest=rt-tpm") }
        #expect(qemu.count == 1 && qemu.values.allSatisfy { $0.contains("-tpmdev") && $0.contains("tpm-crb") }, "\(qemu)")
        let again = try RealLibvirt.reconcile(["plan", fixture.path, "--detailed-exitcode"])
        #expect(again.status == 0, "\(again.output)")

        // Stopping the guest stops its swtpm too.
        try domain.destroy()
        #expect(Self.processes(named: "swtpm").filter { $0.value.contains(uuid) }.isEmpty)
    }
}
