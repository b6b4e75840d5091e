import Yams

extension CloudInitSeed {
    /// Renders meta-data, user-data and network-config. The same input always
    /// yields the same bytes, including the instance-id.
    public func render() throws -> RenderedSeed {
        let userData = "#cloud-config\n" + (try YAMLBuilder.emit(try userDataNode()))
        let networkConfig = try networkConfigNode().map(YAMLBuilder.emit)
        // Derived from the content, so an unchanged seed keeps its instance-id and a
        // changed one gets a new id (which makes cloud-init run again on next boot).
        let material = RenderedSeed.framed(
            [("hostname", hostname), ("user-data", userData), ("network-config", networkConfig ?? "")]
        )
        let instanceID = "iid-" + Digest.of(material, algorithm: .sha256).hex.prefix(20)
        let metaData = try YAMLBuilder.emit(
            YAMLBuilder.mapping([
                ("instance-id", YAMLBuilder.string(instanceID)),
                ("local-hostname", YAMLBuilder.string(hostname)),
            ])
        )
        return RenderedSeed(
            instanceID: instanceID,
            metaData: metaData,
            userData: userData,
            networkConfig: networkConfig,
            redactedSummary: redactedSummary(instanceID: instanceID)
        )
    }

    func userDataNode() throws -> Node {
        let y = YAMLBuilder.self
        var pairs: [(String, Node?)] = [
            ("hostname", y.string(hostname)),
            ("fqdn", fqdn.map(y.string)),
        ]
        if let fqdn, !fqdn.isEmpty {
            // The hostname stays the short name on every distribution; the fqdn goes to /etc/hosts.
            pairs.append(("prefer_fqdn_over_hostname", y.bool(false)))
        }
        if !users.isEmpty {
            pairs.append(("users", y.sequence(users.map(userNode))))
        }
        if let hostKey {
            pairs += [
                ("ssh_deletekeys", y.bool(true)),
                ("ssh_genkeytypes", y.sequence([])),
                ("ssh_keys", y.mapping([
                    ("ed25519_private", y.string(hostKey.privateKey.hasSuffix("\n") ? hostKey.privateKey : hostKey.privateKey + "\n")),
                    ("ed25519_public", y.string(hostKey.publicKey.trimmed(of: " \n"))),
                ])),
            ]
        }
        if !packages.isEmpty {
            pairs.append(("packages", y.strings(packages)))
        }
        if !writeFiles.isEmpty {
            pairs.append(("write_files", y.sequence(writeFiles.map(fileNode))))
        }
        if !runcmd.isEmpty {
            pairs.append(("runcmd", y.strings(runcmd)))
        }
        let generated = y.mapping(pairs)
        guard let extraUserData, !extraUserData.trimmed(of: " \n\t").isEmpty else { return generated }
        return try UserDataMerge.merge(generated, extra: extraUserData)
    }

    private func userNode(_ user: SeedUser) -> Node {
        let y = YAMLBuilder.self
        return y.mapping([
            ("name", y.string(user.name)),
            ("sudo", user.sudo.map(y.string)),
            ("shell", user.shell.map(y.string)),
            ("lock_passwd", y.bool(user.passwordHash == nil)),
            ("passwd", user.passwordHash.map(y.string)),
            ("ssh_authorized_keys", user.sshAuthorizedKeys.isEmpty ? nil : y.strings(user.sshAuthorizedKeys)),
        ])
    }

    private func fileNode(_ file: SeedFile) -> Node {
        let y = YAMLBuilder.self
        return y.mapping([
            ("path", y.string(file.path)),
            ("content", y.string(file.content)),
            ("permissions", file.permissions.map(y.string)),
            ("owner", file.owner.map(y.string)),
        ])
    }
}
