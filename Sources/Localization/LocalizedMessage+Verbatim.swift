extension LocalizedMessage {
    /// Text that is the same in every language: a value from a host or a manifest, another program's
    /// words (libvirt, Foundation, a shell command), a message read back from JSON, or text written by
    /// code that has no catalog entry yet. One key serves every part of the program.
    public static func verbatim(_ text: String) -> LocalizedMessage {
        LocalizedMessage("common.verbatim", ["text": text])
    }
}
