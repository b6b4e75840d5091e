import Foundation
import HostCommands
import Localization

/// Writes a NoCloud `cidata` ISO from a rendered seed.
///
/// With xorriso the ISO is byte-for-byte reproducible (fixed file times plus
/// SOURCE_DATE_EPOCH); genisoimage always stamps the current time, so its ISOs
/// differ between builds even when the seed does not. Compare `RenderedSeed.digest`,
/// never ISO bytes.
public struct SeedISOBuilder: Sendable {
    public enum Tool: Sendable, Hashable {
        case xorriso(path: String)
        case genisoimage(path: String)
    }

    public let tool: Tool
    /// 2000-01-01T00:00:00Z: any fixed time works; this one is obviously synthetic.
    static let fixedEpoch = 946_684_800

    public init(tool: Tool) {
        self.tool = tool
    }

    /// Uses xorriso when installed (EL9 ships no genisoimage), else genisoimage.
    public init() throws {
        if let path = ProcessRunner.findExecutable(["xorriso"]) {
            tool = .xorriso(path: path)
        } else if let path = ProcessRunner.findExecutable(["genisoimage"]) {
            tool = .genisoimage(path: path)
        } else {
            throw ProvisioningError(.toolMissing, LocalizedMessage("provisioning.seedToolMissing"))
        }
    }

    /// Builds the ISO at `output` (mode 0600: it contains the guest's private host key),
    /// replacing any file there only once the new one is complete.
    public func build(_ seed: RenderedSeed, at output: URL) async throws {
        try await build(files: seed.files, label: "cidata", at: output)
    }

    /// Builds an ISO labelled `label` (reconcile's own constants: `cidata`, `OEMDRV`, `PRESEED`)
    /// holding `files`, whose names are reconcile's too; only their content comes from a manifest.
    public func build(files: [(name: String, content: String)], label: String, at output: URL) async throws {
        let fileManager = FileManager.default
        let staging = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).staging-\(UUID().uuidString.prefix(8))")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? fileManager.removeItem(at: staging) }

        var paths: [String] = []
        let fixedDate = Date(timeIntervalSince1970: TimeInterval(Self.fixedEpoch))
        for file in files {
            let url = staging.appendingPathComponent(file.name)
            guard fileManager.createFile(atPath: url.path, contents: Data(file.content.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ProvisioningError(.commandFailed, LocalizedMessage("provisioning.cannotWriteSeedFile", ["path": url.path]))
            }
            try fileManager.setAttributes([.modificationDate: fixedDate], ofItemAtPath: url.path)
            paths.append(url.path)
        }

        let partial = staging.appendingPathComponent("seed.iso")
        let common = ["-output", partial.path, "-volid", label, "-joliet", "-rock"]
        let environment = "SOURCE_DATE_EPOCH=\(Self.fixedEpoch)"
        switch tool {
        case .xorriso(let path):
            try await LocalTransport().check(["/usr/bin/env", environment, path, "-as", "mkisofs", "-quiet"] + common + paths, timeout: .seconds(120))
        case .genisoimage(let path):
            try await LocalTransport().check(["/usr/bin/env", environment, path, "-quiet"] + common + paths, timeout: .seconds(120))
        }
        try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial.path)
        if rename(partial.path, output.path) != 0 {
            throw ProvisioningError(.commandFailed, LocalizedMessage("provisioning.cannotMoveSeedISO", [
                "path": output.path, "reason": String(cString: strerror(errno)),
            ]))
        }
    }
}
