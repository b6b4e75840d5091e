extension Action {
    /// The volume this action creates, for the journal: a run killed during or after it may have
    /// left the volume behind with nothing yet using it.
    public var createdVolume: (pool: String, name: String)? {
        switch self {
        case .createVolume(let definition): (definition.pool, definition.name)
        case .uploadImage(let transfer): (transfer.volume.pool, transfer.volume.name)
        case .createSeed(let seed): (seed.pool, seed.volume)
        default: nil
        }
    }
}
