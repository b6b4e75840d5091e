/// What provisioning guests needs beyond libvirt: images, seeds and SSH, all on this machine.
public struct ProvisioningServices: Sendable {
    public var images: any ImageStore
    public var seeds: any SeedFactory
    public var guests: any GuestAccess
    /// Remembers, for this run, the addresses each guest was found at.
    public let addresses: GuestAddressBook

    public init(images: any ImageStore, seeds: any SeedFactory, guests: any GuestAccess) {
        self.images = images
        self.seeds = seeds
        self.guests = guests
        self.addresses = GuestAddressBook()
    }
}
