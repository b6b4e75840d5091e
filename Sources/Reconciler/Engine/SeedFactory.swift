import Foundation
import Localization

/// Renders and builds cloud-init NoCloud seeds. The digest is of the rendered content, so an
/// unchanged manifest never makes a new seed.
public protocol SeedFactory: Sendable {
    /// Why no seed can be built here (no ISO builder), or nil; the plan words it in the reader's language.
    var unavailableReason: LocalizedMessage? { get }
    func digest(of request: SeedRequest) async throws -> String
    /// Builds the ISO (volume label `cidata`) into a local file readable only by its owner.
    func build(_ request: SeedRequest) async throws -> URL
}
