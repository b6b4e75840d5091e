import CLibvirtLoader
import Foundation

/// libvirt is opened at run time (see CLibvirtLoader's loader.c); the CLI starts opening it as the
/// process starts, so that loading its 56 libraries overlaps parsing the command line and reading
/// the manifests instead of delaying the first connection.
public enum LibvirtLibrary {
    public static func loadInBackground() {
        Thread { _ = reconcile_libvirt_load() }.start()
    }
}
