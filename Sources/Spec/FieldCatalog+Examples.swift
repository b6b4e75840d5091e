extension FieldCatalog {
    /// One example document per kind for docs/manifests.md; together they form one valid manifest set,
    /// which the docs test validates with the loader and the JSON Schema.
    public static func example(of kind: ResourceKind) -> String {
        switch kind {
        case .hypervisor: """
            apiVersion: reconcile/v1
            kind: Hypervisor
            metadata:
              name: kvm1
            spec:
              ssh: admin@kvm1.example.org
              state: ready
              domainType: auto
              users: [alice]
            """
        case .network: """
            apiVersion: reconcile/v1
            kind: Network
            metadata:
              name: lab
            spec:
              mode: nat
              ipv4:
                address: 192.168.150.1
                prefix: 24
                dhcp: {start: 192.168.150.100, end: 192.168.150.199}
            """
        case .storagePool: """
            apiVersion: reconcile/v1
            kind: StoragePool
            metadata:
              name: images
            spec:
              path: /var/lib/libvirt/images
            """
        case .virtualMachine: """
            apiVersion: reconcile/v1
            kind: VirtualMachine
            metadata:
              name: web1
              labels: {team: web}
            spec:
              cpus: 2
              memory: 2GiB
              disks:
                - {name: root, from: debian-12, size: 20GiB, deleteWithVM: true}
                - {name: data, size: 50GiB}
              networks:
                - lab
              firmware: uefi
              cloudInit:
                hostname: web1
                users:
                  - name: alice
                    sshAuthorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGV4YW1wbGVrZXlleGFtcGxla2V5ZXhhbXBsZWtleTE alice@laptop"]
                    sudo: true
                packages: [nginx]
                runcmd: ["systemctl enable --now nginx"]
              snapshots:
                - {name: installed, description: right after the first boot}
            """
        case .distribution: """
            apiVersion: reconcile/v1
            kind: Distribution
            metadata:
              name: debian-12
            spec:
              displayName: Debian 12 (bookworm)
              family: debian
              defaultUser: debian
              cloudImage:
                url: https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2
                checksumURL: https://cloud.debian.org/images/cloud/bookworm/latest/SHA512SUMS
            """
        }
    }
}
