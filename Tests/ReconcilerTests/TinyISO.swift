import Foundation

/// A real ISO 9660 image of a few KiB, built with xorriso (or genisoimage), standing in for an
/// installer ISO: nothing boots from it, but QEMU and libvirt see a genuine CD-ROM medium.
enum TinyISO {
    static func build(label: String, in directory: URL) throws -> Data {
        let content = directory.appendingPathComponent("iso-content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "reconcile test medium \(label)\n".write(to: content.appendingPathComponent("README.TXT"), atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("\(label)-\(UUID().uuidString).iso")
        let tools = [("/usr/bin/xorriso", ["-as", "mkisofs"]), ("/usr/bin/genisoimage", [])]
        guard let (tool, prefix) = tools.first(where: { FileManager.default.isExecutableFile(atPath: $0.0) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "neither xorriso nor genisoimage is installed"])
        }
        let run = try CLI.run(tool, prefix + ["-quiet", "-o", output.path, "-V", label, content.path])
        guard run.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(tool) failed: \(run.output)"])
        }
        return try Data(contentsOf: output)
    }
}
