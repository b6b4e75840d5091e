import Localization

extension LocalizedMessage {
    /// Text that is the same in every language: a value from a host or a manifest, a libvirt message,
    /// or a plan element written by code that has no catalog entry yet.
    public static func verbatim(_ text: String) -> LocalizedMessage {
        LocalizedMessage("plan.verbatim", ["text": text])
    }
}
