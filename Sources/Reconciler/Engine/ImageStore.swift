import Foundation
import Spec

/// The local cache of cloud images, content-addressed by digest. Images are fetched on the machine
/// running reconcile and uploaded to hosts through libvirt, so remote hosts need no internet access.
public protocol ImageStore: Sendable {
    /// The digest (`sha256:HEX`) the source currently has; a checksum file is read anew each time,
    /// because "latest" URLs change content under the same name.
    func resolveDigest(_ source: ImageSource) async throws -> String
    /// The cached file for a digest, if it is complete and verified.
    func cachedFile(digest: String) -> URL?
    /// Downloads (resuming a partial file), verifies and caches the image; a mismatch deletes it and throws.
    func fetch(_ source: ImageSource, digest: String, progress: @escaping @Sendable (String) -> Void) async throws -> URL
    /// Deletes partial downloads no process is working on; returns their file names.
    func discardAbandonedDownloads() throws -> [String]
}

extension ImageStore {
    /// Stores that never keep partial files have nothing to discard.
    public func discardAbandonedDownloads() throws -> [String] { [] }
}
