/// Recognises the volumes `upload-image` creates, which are named by their image's digest.
public enum ImageVolumeNaming {
    public static func isUploadedImage(_ volume: String) -> Bool {
        ["base-", "kernel-", "initrd-", "iso-"].contains { volume.hasPrefix($0) } && volume.contains("-sha")
    }
}
