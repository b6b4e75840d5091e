/// Users and groups from /etc/passwd and /etc/group, read as files so fixtures and remote hosts
/// answer the same way as this machine.
struct GroupDatabase {
    /// user → primary group id
    var primaryGroup: [String: String] = [:]
    /// group name → (gid, members)
    var groups: [String: (gid: String, members: [String])] = [:]

    init(passwd: String, group: String) {
        for line in passwd.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 4, !line.hasPrefix("#") else { continue }
            primaryGroup[String(fields[0])] = String(fields[3])
        }
        for line in group.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 4, !line.hasPrefix("#") else { continue }
            let members = fields[3].split(separator: ",").map(String.init)
            groups[String(fields[0])] = (String(fields[2]), members)
        }
    }

    func knows(_ user: String) -> Bool { primaryGroup[user] != nil }

    /// Every group the user is in, its primary group included, sorted.
    func groups(of user: String) -> [String] {
        let primary = primaryGroup[user]
        return groups.filter { $0.value.members.contains(user) || $0.value.gid == primary }.map(\.key).sorted()
    }
}
