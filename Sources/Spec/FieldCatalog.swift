/// The one description of every manifest field. `reconcile schema` renders it as a JSON Schema and as
/// docs/manifests.md, and a test checks that the readers (`*+Reading.swift`) accept exactly these keys,
/// so docs, schema and validator cannot disagree.
public enum FieldCatalog {
    /// The top level of every document; `spec` depends on `kind`.
    public static let metadata = ObjectDescription("metadata", [
        FieldDescription("name", .string, required: true, example: "web1",
                         "The resource's name, unique per kind; the libvirt name for networks, pools and VMs."),
        FieldDescription("adopt", .boolean, default: "false",
                         "Take over a libvirt object of this name that reconcile did not create, instead of refusing to touch it."),
        FieldDescription("labels", .stringMap, example: "{team: web}",
                         "Free-form `[prefix/]name: value` pairs (at most 63 characters each); nothing reads them yet."),
    ])

    /// The `spec` mapping of each kind.
    public static func spec(of kind: ResourceKind) -> ObjectDescription {
        switch kind {
        case .hypervisor: hypervisor
        case .network: network
        case .storagePool: storagePool
        case .virtualMachine: virtualMachine
        case .distribution: distribution
        }
    }

    /// What a kind is for, for the docs.
    public static func summary(of kind: ResourceKind) -> String {
        switch kind {
        case .hypervisor: "A libvirt host, this machine or one reached over SSH. Without any, a `local` hypervisor at qemu:///system is implied."
        case .network: "A libvirt network on a hypervisor."
        case .storagePool: "A libvirt storage pool (a directory) holding VM disks."
        case .virtualMachine: "A guest (libvirt domain), its disks, NICs, first-boot configuration and snapshots."
        case .distribution: "A cloud image VMs start from, how to verify it, and how to install the agent in it."
        }
    }

    /// Every mapping a manifest may hold, outermost first, for the docs and the catalog test.
    public static func objects(of kind: ResourceKind) -> [ObjectDescription] {
        [metadata] + nested(spec(of: kind))
    }

    static func nested(_ object: ObjectDescription) -> [ObjectDescription] {
        [object] + object.fields.flatMap { objects(in: $0.type) }.flatMap(nested)
    }

    static func objects(in type: FieldType) -> [ObjectDescription] {
        switch type {
        case .object(let object): [object]
        case .list(let item): objects(in: item)
        case .either(let types): types.flatMap(objects(in:))
        default: []
        }
    }

    static func choice<Value: RawRepresentable & CaseIterable>(_: Value.Type) -> FieldType where Value.RawValue == String {
        .choice(Value.allCases.map(\.rawValue))
    }

    static let hypervisorField = FieldDescription(
        "hypervisor", .string, default: "the only Hypervisor", example: "kvm1",
        "The Hypervisor this lives on; may be left out when exactly one is declared (or none: `local`).")

    static let hypervisor = ObjectDescription("spec", [
        FieldDescription("uri", .string, default: HypervisorSpec.defaultURI, example: "qemu:///system",
                         "The libvirt connection URI on the host."),
        FieldDescription("domainType", choice(DomainType.self), default: "auto",
                         "Domain type for guests: kvm, qemu (software emulation, slow), or auto (kvm when /dev/kvm works)."),
        FieldDescription("state", choice(HypervisorSpec.DesiredState.self), default: "observed",
                         "observed: only read the host. ready: install, enable and start what libvirt needs."),
        FieldDescription("ssh", .string, example: "admin@kvm1",
                         "user@host or user@host:port to reach the host over SSH; left out for this machine."),
        FieldDescription("users", .list(.string), example: "[alice]",
                         "Users added to the libvirt and kvm groups (with state: ready) so they can manage guests."),
        FieldDescription("packages", .either([.choice(["auto"]), .list(.string)]), default: "auto",
                         "Packages to install with state: ready; auto picks them for the host's distribution."),
    ])

    static let network = ObjectDescription("spec", [
        hypervisorField,
        FieldDescription("mode", choice(NetworkMode.self), default: "nat",
                         "nat: guests reach out through the host. isolated: guests and host only. bridge: an existing host bridge. macvtap: directly on a host interface."),
        FieldDescription("bridge", .string, example: "br0",
                         "The bridge's interface name (the existing host bridge for mode: bridge)."),
        FieldDescription("interface", .string, example: "eth0",
                         "The host interface for mode: macvtap."),
        FieldDescription("ipv4", .object(ipv4), "The host's address and DHCP range for nat and isolated networks."),
        FieldDescription("autostart", .boolean, default: "true", "Start the network when libvirtd starts."),
        FieldDescription("active", .boolean, default: "true", "Keep the network running."),
    ])

    static let ipv4 = ObjectDescription("spec.ipv4", [
        FieldDescription("address", .string, required: true, example: "192.168.150.1", "The host's IPv4 address on the network."),
        FieldDescription("prefix", .integer, required: true, example: "24", "Prefix length, 8 to 30."),
        FieldDescription("dhcp", .object(ObjectDescription("spec.ipv4.dhcp", [
            FieldDescription("start", .string, required: true, example: "192.168.150.100", "First address handed out."),
            FieldDescription("end", .string, required: true, example: "192.168.150.200", "Last address handed out."),
        ])), "A DHCP range; without it guests need static addresses."),
    ])

    static let storagePool = ObjectDescription("spec", [
        hypervisorField,
        FieldDescription("type", choice(PoolType.self), default: "dir", "The pool type."),
        FieldDescription("path", .string, required: true, example: "/var/lib/libvirt/images",
                         "Absolute path of the directory holding the pool's volumes."),
        FieldDescription("autostart", .boolean, default: "true", "Start the pool when libvirtd starts."),
        FieldDescription("active", .boolean, default: "true", "Keep the pool running."),
    ])
}
