import Foundation
import Localization
import Spec

/// What `plan --out` writes: the manifests it was made from (by path and digest, never their content,
/// so no secret lands in the file), the observed fingerprint, and the steps for review.
public struct SavedPlan: Sendable, Codable {
    public static let currentFormat = 1

    public var formatVersion: Int
    public var createdAt: Date
    public var manifests: [ManifestSource]
    public var paths: [String]
    public var connect: String?
    public var prune: Bool
    public var replace: [String]
    /// The `--target`s the plan was limited to; nil (in older files too) for the whole manifests.
    public var targets: [String]?
    public var observedFingerprint: String
    public var stepIDs: [String]

    public init(plan: Plan, manifests: ManifestSet, paths: [String], connect: String?, prune: Bool, replace: [String] = [],
                targets: [String] = []) {
        self.replace = replace.sorted()
        self.targets = targets.isEmpty ? nil : targets
        self.formatVersion = Self.currentFormat
        self.createdAt = Date()
        // Absolute, so that applying from another directory reads the very files that were planned.
        self.manifests = manifests.sources.map { ManifestSource(path: Self.absolute($0.path), sha256: $0.sha256) }
        self.paths = paths.map(Self.absolute)
        self.connect = connect
        self.prune = prune
        self.observedFingerprint = plan.observedFingerprint
        self.stepIDs = plan.steps.map(\.id)
    }

    /// `path` made absolute against the current directory, with `.` and `..` resolved as text.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).absoluteURL.standardized.path
    }

    /// Why a fresh plan may not stand in for this saved one, or nil when it may.
    public func mismatch(with fresh: Plan, manifests current: ManifestSet) -> LocalizedMessage? {
        if current.sources != manifests {
            return LocalizedMessage("plan.saved.manifestsChanged")
        }
        if fresh.observedFingerprint != observedFingerprint {
            return LocalizedMessage("plan.saved.hostsChanged")
        }
        if fresh.steps.map(\.id) != stepIDs {
            return LocalizedMessage("plan.saved.stepsDiffer")
        }
        return nil
    }
}
