#!/usr/bin/env bash
# Builds the small Debian 12 test guest described in shared/notes/e2e-guest.md:
# a whole-disk ext4 image (no bootloader, booted with libvirt direct kernel boot)
# plus the kernel and initrd to boot it with. No loop devices, no mounts.
#
# Usage: scripts/build-guest-image.sh OUTDIR
# Output: OUTDIR/base.qcow2, OUTDIR/vmlinuz, OUTDIR/initrd.img, OUTDIR/SHA256SUMS,
#         OUTDIR/recipe.sha256 (written last; marks a complete build).
# Env:    MIRROR overrides the Debian mirror (default: the one apt uses here).
#         DISK_SIZE overrides the filesystem size (default 2G).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
outdir=$1
script_path=$(readlink -f "${BASH_SOURCE[0]}")
disk_size=${DISK_SIZE:-2G}
suite=bookworm
include=systemd-sysv,udev,dbus,cloud-init,python3-cffi-backend,openssh-server,ifupdown,isc-dhcp-client,netbase,iproute2,linux-image-cloud-amd64,initramfs-tools,zstd,kmod,sudo,locales,procps

# The recipe is this script: any edit invalidates earlier builds.
recipe_hash=$(sha256sum "$script_path" | cut -d' ' -f1)

mkdir -p "$outdir"
outdir=$(readlink -f "$outdir")

if [[ -f $outdir/recipe.sha256 && $(cat "$outdir/recipe.sha256") == "$recipe_hash" ]] &&
    (cd "$outdir" && sha256sum --quiet --check SHA256SUMS >/dev/null 2>&1); then
    echo "guest image up to date in $outdir (recipe $recipe_hash)"
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "debootstrap needs root" >&2
    exit 1
fi
# A fresh machine (or CI) may lack the tools: install them from the Debian archive.
if ! command -v debootstrap >/dev/null 2>&1 || ! command -v mke2fs >/dev/null 2>&1 ||
    ! command -v qemu-img >/dev/null 2>&1; then
    echo "installing debootstrap qemu-utils e2fsprogs"
    apt-get install -y debootstrap qemu-utils e2fsprogs ||
        { apt-get update && apt-get install -y debootstrap qemu-utils e2fsprogs; }
fi

# Use the mirror this machine's apt already uses, so the build needs no other host.
find_mirror() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f $f ]] || continue
        # deb822 stanzas: take the URIs of the stanza whose Suites include the suite.
        awk -v suite="$suite" '
            /^[[:space:]]*$/ { if (uri != "" && hit) { print uri; exit } uri=""; hit=0; next }
            /^URIs:/ { uri=$2 }
            /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) hit=1 }
            END { if (uri != "" && hit) print uri }
        ' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f $f ]] || continue
        awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2 }' "$f"
    done
}
mirror=${MIRROR:-$(find_mirror | head -n1)}
if [[ -z $mirror ]]; then
    echo "no apt source for $suite found in /etc/apt; set MIRROR" >&2
    exit 1
fi

start=$(date +%s)
work=$outdir/.work
root=$work/root
rm -rf "$work" "$outdir/recipe.sha256"
mkdir -p "$work" "$outdir/.cache/debootstrap"
trap 'rm -rf "$work"' EXIT

echo "debootstrap $suite from $mirror"
debootstrap --variant=minbase --include="$include" \
    --cache-dir="$outdir/.cache/debootstrap" \
    "$suite" "$root" "$mirror"
t_bootstrap=$(date +%s)

# Fix-ups (each one is needed for cloud-init to finish cleanly; see e2e-guest.md).
echo '/dev/vda / ext4 defaults 0 1' >"$root/etc/fstab"
rm -f "$root/etc/hostname" "$root/etc/resolv.conf"
: >"$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id"
sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' "$root/etc/locale.gen"
grep -q '^en_US.UTF-8 UTF-8' "$root/etc/locale.gen" || echo 'en_US.UTF-8 UTF-8' >>"$root/etc/locale.gen"
chroot "$root" /usr/sbin/locale-gen
echo 'LANG=en_US.UTF-8' >"$root/etc/default/locale"
# RSA host key generation costs ~20 s under TCG; seeds may still supply their own keys.
cat >"$root/etc/cloud/cloud.cfg.d/90-reconcile-e2e.cfg" <<'CFG'
ssh_genkeytypes: [ed25519]
CFG
# Host keys made by the openssh-server postinst would be shared by every guest.
rm -f "$root"/etc/ssh/ssh_host_*
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/*.log

kernel=$(find "$root/boot" -maxdepth 1 -name 'vmlinuz-*' | sort | tail -n1)
initrd=$(find "$root/boot" -maxdepth 1 -name 'initrd.img-*' | sort | tail -n1)
if [[ -z $kernel || -z $initrd ]]; then
    echo "no kernel or initrd in $root/boot" >&2
    exit 1
fi
cp "$kernel" "$work/vmlinuz"
cp "$initrd" "$work/initrd.img"

mke2fs -q -t ext4 -L guestroot -d "$root" "$work/base.raw" "$disk_size"
qemu-img convert -f raw -O qcow2 "$work/base.raw" "$work/base.qcow2"
rm -f "$work/base.raw"

(cd "$work" && sha256sum base.qcow2 vmlinuz initrd.img >SHA256SUMS)
for f in base.qcow2 vmlinuz initrd.img SHA256SUMS; do
    mv -f "$work/$f" "$outdir/$f"
done
printf '%s' "$recipe_hash" >"$outdir/recipe.sha256"
end=$(date +%s)
echo "guest image built in $outdir: $((end - start)) s total, debootstrap $((t_bootstrap - start)) s"
