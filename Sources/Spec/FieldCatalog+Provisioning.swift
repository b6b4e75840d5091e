extension FieldCatalog {
    static let cloudInit = ObjectDescription("spec.cloudInit", [
        FieldDescription("hostname", .string, example: "web1", "The guest's host name (one label)."),
        FieldDescription("fqdn", .string, example: "web1.example.org", "The guest's fully qualified name."),
        FieldDescription("users", .list(.object(cloudInitUser)), "Users to create."),
        FieldDescription("packages", .list(.string), example: "[nginx]", "Packages to install on first boot."),
        FieldDescription("runcmd", .list(.string), example: "[\"systemctl enable --now nginx\"]",
                         "Shell commands run once on first boot; an item may span lines."),
        FieldDescription("writeFiles", .list(.object(writeFile)), "Files written on first boot."),
        FieldDescription("network", .object(seedNetwork), "A static IPv4 configuration; left out for DHCP."),
        FieldDescription("userData", .either([.string, .anyMapping]),
                         "Extra cloud-config merged into the generated one, as a mapping or a string."),
    ])

    static let cloudInitUser = ObjectDescription("spec.cloudInit.users[]", [
        FieldDescription("name", .string, required: true, example: "alice", "The user name."),
        FieldDescription("sshAuthorizedKeys", .list(.string), example: "[\"ssh-ed25519 AAAA... alice@laptop\"]",
                         "OpenSSH public keys, one line each."),
        FieldDescription("passwordHash", .string, example: "\"$6$...\"",
                         "A crypt(3) hash (`mkpasswd -m sha-512`), never a password."),
        FieldDescription("passwordHashFile", .string, example: "/etc/reconcile/alice.hash",
                         "A file holding the hash, read by apply; kept out of plans and logs."),
        FieldDescription("passwordHashEnv", .string, example: "ALICE_HASH",
                         "An environment variable holding the hash, read by apply."),
        FieldDescription("sudo", .either([.boolean, .string]), default: "false",
                         "true for passwordless sudo, or one sudoers rule."),
    ])

    static let writeFile = ObjectDescription("spec.cloudInit.writeFiles[]", [
        FieldDescription("path", .string, required: true, example: "/etc/motd", "Absolute path in the guest."),
        FieldDescription("content", .string, default: "empty", example: "hello", "The file's content; may span lines."),
        FieldDescription("permissions", .string, example: "\"0644\"", "An octal mode of four digits."),
        FieldDescription("owner", .string, example: "root:root", "user or user:group."),
    ])

    static let seedNetwork = ObjectDescription("spec.cloudInit.network", [
        FieldDescription("address", .string, example: "192.168.150.10/24", "address/prefix; needed for gateway and dns."),
        FieldDescription("gateway", .string, example: "192.168.150.1", "The IPv4 default gateway."),
        FieldDescription("dns", .list(.string), example: "[192.168.150.1]", "Name servers, IPv4 or IPv6."),
    ])

    static let agent = ObjectDescription("spec.agent", refusedKeys: [
        "registrationToken": "write the token to a file and name it with registrationTokenFile: tokens do not belong in manifests",
    ], [
        FieldDescription("server", .object(agentServer), required: true, "The sysmanage server the agent reports to."),
        FieldDescription("registrationTokenFile", .string, example: "/etc/reconcile/sysmanage.token",
                         "A one-line file holding the registration token, read by apply."),
        FieldDescription("service", .string, default: AgentSpec.defaultService, "The agent's service name."),
        FieldDescription("configPath", .string, example: "/etc/sysmanage-agent.yaml",
                         "Where the agent's configuration is written in the guest."),
    ])

    static let agentServer = ObjectDescription("spec.agent.server", [
        FieldDescription("url", .string, required: true, example: "https://sysmanage.example.com:8443",
                         "The server's URL or host name; a URL's scheme and port win over https and port."),
        FieldDescription("port", .integer, default: String(AgentSpec.defaultPort), "The server's port (1 to 65535)."),
        FieldDescription("https", .boolean, default: "true", "Use HTTPS (for a bare host name)."),
        FieldDescription("verifySSL", .boolean, default: "true", "Verify the server's certificate."),
    ])

    static let distribution = ObjectDescription("spec", [
        FieldDescription("displayName", .string, default: "metadata.name", example: "Debian 12",
                         "The name shown in plans and status."),
        FieldDescription("family", choice(DistributionSpec.Family.self), required: true,
                         "The distribution family, which decides package manager and defaults."),
        FieldDescription("cloudImage", .object(cloudImage), "The image and how to verify it; give this or installer."),
        FieldDescription("installer", .object(installer),
                         "For a distribution without a cloud image: its installer ISO and answer file; a VM's disk `from` it starts blank and is installed onto."),
        FieldDescription("agentInstall", .list(.string), example: "[\"apt-get install -y sysmanage-agent\"]",
                         "Commands run over SSH to install the agent; an item may span lines."),
        FieldDescription("defaultUser", .string, example: "debian", "The image's cloud-init user."),
        FieldDescription("installGuestAgent", .boolean, default: "true", "Install qemu-guest-agent on first boot."),
    ])

    static let cloudImage = ObjectDescription("spec.cloudImage", [
        FieldDescription("url", .string, required: true, example: "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2",
                         "Where the image is downloaded from (https)."),
        FieldDescription("checksum", .string, example: "sha256:<64 hex digits>",
                         "sha256:HEX or sha512:HEX; give this or checksumURL."),
        FieldDescription("checksumURL", .string, example: "https://cloud.debian.org/images/cloud/bookworm/latest/SHA512SUMS",
                         "A SHA256SUMS/SHA512SUMS file naming the image; give this or checksum."),
        FieldDescription("allowHTTP", .boolean, default: "false",
                         "Allow plain-http downloads verified by an inline checksum; plans say so every time."),
        FieldDescription("format", choice(DiskFormat.self), default: "qcow2", "The image's format."),
        FieldDescription("kernel", .object(bootFile("spec.cloudImage.kernel")),
                         "A kernel for images without a bootloader (direct kernel boot)."),
        FieldDescription("initrd", .object(bootFile("spec.cloudImage.initrd")), "An initrd beside the kernel."),
        FieldDescription("cmdline", .string, example: "console=ttyS0 root=/dev/vda1", "The kernel command line."),
    ])

    static let installer = ObjectDescription("spec.installer", [
        FieldDescription("iso", .object(bootFile("spec.installer.iso")), required: true,
                         "The installer ISO, attached as the VM's CD-ROM; the VM boots its disk, then the ISO while the disk is blank."),
        FieldDescription("kernel", .object(bootFile("spec.installer.kernel")),
                         "The installer's kernel, for direct kernel boot with a command line naming the answer file."),
        FieldDescription("initrd", .object(bootFile("spec.installer.initrd")), "The installer's initrd beside the kernel."),
        FieldDescription("cmdline", .string, example: "console=ttyS0",
                         "Kernel arguments after the ones reconcile adds to name the answer file (with kernel only)."),
        FieldDescription("allowHTTP", .boolean, default: "false",
                         "Allow plain-http downloads verified by inline checksums; plans say so every time."),
        FieldDescription("autoinstall", .anyMapping,
                         "Ubuntu autoinstall configuration, written as NoCloud user-data (`autoinstall:`) on a `cidata` seed; give one answer file."),
        FieldDescription("kickstart", .string,
                         "An Anaconda kickstart, written as ks.cfg on a seed labelled OEMDRV; give one answer file."),
        FieldDescription("preseed", .string,
                         "A debian-installer preseed, written as preseed.cfg on a seed labelled PRESEED; give one answer file."),
    ])

    static func bootFile(_ path: String) -> ObjectDescription {
        ObjectDescription(path, [
            FieldDescription("url", .string, required: true, "Where the file is downloaded from."),
            FieldDescription("checksum", .string, "sha256:HEX or sha512:HEX; give this or checksumURL."),
            FieldDescription("checksumURL", .string, "A checksum file naming the file; give this or checksum."),
        ])
    }
}
