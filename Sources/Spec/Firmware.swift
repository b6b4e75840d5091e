/// How a new guest boots: SeaBIOS, or UEFI (OVMF) chosen by libvirt's firmware auto-selection.
public enum Firmware: String, Sendable, Codable, CaseIterable {
    case bios
    case uefi
}
