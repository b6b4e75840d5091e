import HostCommands

extension Distribution {
    /// Reads /etc/os-release (falling back to /usr/lib/os-release, as os-release(5) says).
    public static func detect(files: any HostFileSource) async -> Distribution {
        var text = await files.readFile("/etc/os-release")
        if text == nil { text = await files.readFile("/usr/lib/os-release") }
        let release = OSRelease(parsing: text ?? "")
        return Distribution(
            id: release.id,
            version: release.versionID,
            idLike: release.idLike,
            name: release.prettyName,
            packageManager: PackageManager(distributionID: release.id, idLike: release.idLike),
            serviceManager: await ServiceManager.detect(files: files)
        )
    }
}
