import Testing
@testable import Provisioning

@Suite("Checksum files")
struct ChecksumFileTests {
    static let h1 = "5d3c5a4f0e7d8f2b0a3c9e6f1b2d4c8a7e9f0a1b2c3d4e5f60718293a4b5c6d7"
    static let h2 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    static let s1 = String(repeating: "8e2f1a4b", count: 16)
    static let s2 = String(repeating: "1c7d9e3f", count: 16)

    @Test("Ubuntu SHA256SUMS (binary-mode asterisks)")
    func ubuntu() throws {
        let text = """
        \(Self.h2) *noble-server-cloudimg-amd64-azure.vhd.tar.gz
        \(Self.h1) *noble-server-cloudimg-amd64.img
        \(Self.h2) *noble-server-cloudimg-arm64.img

        """
        let file = ChecksumFile(parsing: text)
        #expect(file.entries.count == 3)
        #expect(try file.digest(for: "noble-server-cloudimg-amd64.img") == Digest(algorithm: .sha256, hex: Self.h1))
    }

    @Test("Debian SHA512SUMS (two spaces)")
    func debian() throws {
        let text = """
        \(Self.s2)  debian-12-generic-amd64.json
        \(Self.s1)  debian-12-generic-amd64.qcow2
        \(Self.s2)  debian-12-generic-amd64.raw
        """
        let digest = try ChecksumFile(parsing: text).digest(for: "debian-12-generic-amd64.qcow2")
        #expect(digest.algorithm == .sha512)
        #expect(digest.hex == Self.s1)
    }

    @Test("Fedora CHECKSUM: PGP clear-signed, comments, BSD lines")
    func fedora() throws {
        let text = """
        -----BEGIN PGP SIGNED MESSAGE-----
        Hash: SHA256

        # Fedora-Cloud-Base-AmazonEC2-41-1.4.x86_64.raw.xz: 402233076 bytes
        SHA256 (Fedora-Cloud-Base-AmazonEC2-41-1.4.x86_64.raw.xz) = \(Self.h2)
        # Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2: 468713472 bytes
        SHA256 (Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2) = \(Self.h1)
        -----BEGIN PGP SIGNATURE-----

        iQIzBAEBCAAdFiEEhtNTgbPoWOcsxGTYfFd5cHaQgcEFAmcvAbcACgkQfFd5cHaQ
        0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        =AbCd
        -----END PGP SIGNATURE-----
        """
        let file = ChecksumFile(parsing: text)
        #expect(file.entries.count == 2)
        #expect(file.loneDigest == nil, "hex-looking lines inside the signature block must be ignored")
        #expect(try file.digest(for: "Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2").hex == Self.h1)
    }

    @Test("Rocky/Alma CHECKSUM with SHA256 and SHA512 BSD lines prefers the stronger")
    func rocky() throws {
        let text = """
        # Rocky-9-GenericCloud-Base.latest.x86_64.qcow2: 609812480 bytes
        SHA256 (Rocky-9-GenericCloud-Base.latest.x86_64.qcow2) = \(Self.h1)
        SHA512 (Rocky-9-GenericCloud-Base.latest.x86_64.qcow2) = \(Self.s1)
        SHA256 (Rocky-9-GenericCloud-LVM.latest.x86_64.qcow2) = \(Self.h2)
        """
        let digest = try ChecksumFile(parsing: text).digest(for: "Rocky-9-GenericCloud-Base.latest.x86_64.qcow2")
        #expect(digest == (try Digest(algorithm: .sha512, hex: Self.s1)))
        #expect(try ChecksumFile(parsing: text).digest(for: "Rocky-9-GenericCloud-LVM.latest.x86_64.qcow2").hex == Self.h2)
    }

    @Test("a lone hash applies to any name; hash+name lines look up by name")
    func lone() throws {
        let alpine = ChecksumFile(parsing: Self.s1 + "\n")
        #expect(try alpine.digest(for: "nocloud_alpine-3.20.3-x86_64-bios-cloudinit-r0.qcow2").hex == Self.s1)
        let suse = ChecksumFile(parsing: "\(Self.h1)  openSUSE-Leap-15.6-Minimal-VM.x86_64-Cloud.qcow2\n")
        #expect(try suse.digest(for: "openSUSE-Leap-15.6-Minimal-VM.x86_64-Cloud.qcow2").hex == Self.h1)
        #expect(throws: ProvisioningError.self) { try suse.digest(for: "other.qcow2") }
    }

    @Test("entries with directories match by base name; exact names win")
    func paths() throws {
        let text = """
        \(Self.h2)  ./other/disk.qcow2
        \(Self.h1)  disk.qcow2
        """
        #expect(try ChecksumFile(parsing: text).digest(for: "disk.qcow2").hex == Self.h1)
        let nested = ChecksumFile(parsing: "\(Self.h2)  ./images/disk.qcow2\n")
        #expect(try nested.digest(for: "disk.qcow2").hex == Self.h2)
    }

    @Test("a missing entry names the file; conflicting entries are an error")
    func errors() {
        let file = ChecksumFile(parsing: "\(Self.h1)  a.img\n")
        do {
            _ = try file.digest(for: "b.img")
            Issue.record("expected notFound")
        } catch let error as ProvisioningError {
            #expect(error.code == .notFound)
            #expect(error.message.contains("b.img"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        let conflicting = ChecksumFile(parsing: "\(Self.h1)  a.img\n\(Self.h2)  a.img\n")
        #expect(throws: ProvisioningError.self) { try conflicting.digest(for: "a.img") }
    }
}
