import Localization
import Spec

extension HostPlanner {
    /// Firmware, Secure Boot and the TPM are chosen when a domain is defined. Changing them on an
    /// existing domain means a new loader, NVRAM and machine setup that the patch model cannot write
    /// safely, so the plan says what differs and that `--replace` rebuilds the VM with it.
    mutating func noticeFirmwareChange(_ spec: VirtualMachineSpec, desired: DomainDefinition, observed: ObservedDomain) {
        var differences: [String] = []
        let wantUEFI = desired.firmware == .uefi
        if wantUEFI != observed.bootsUEFI {
            differences.append("firmware \(observed.bootsUEFI ? "uefi" : "bios") → \(wantUEFI ? "uefi" : "bios")")
        }
        let wantSecureBoot = desired.secureBoot == true
        if wantUEFI, observed.bootsUEFI, wantSecureBoot != observed.secureBoot {
            differences.append("secureBoot \(observed.secureBoot) → \(wantSecureBoot)")
        }
        let wantTPM = desired.tpm == true
        // A TPM added by hand is kept: only one the manifest asks for and the domain lacks is reported.
        if wantTPM && !observed.tpm { differences.append("tpm false → true") }
        guard !differences.isEmpty else { return }
        notice(LocalizedMessage("plan.notice.firmwareChange", ["name": spec.name, "changes": differences.joined(separator: ", ")]))
    }
}
