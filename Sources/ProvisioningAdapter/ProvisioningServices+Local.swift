import Foundation
import Reconciler

extension ProvisioningServices {
    /// Images cached under `cacheDirectory`; keys and known_hosts under `stateDirectory`.
    public static func local(stateDirectory: URL, cacheDirectory: URL) -> ProvisioningServices {
        ProvisioningServices(images: CachedImageStore(directory: cacheDirectory),
                             seeds: CloudInitSeedFactory(stateDirectory: stateDirectory),
                             guests: SSHGuestAccess(stateDirectory: stateDirectory))
    }
}
