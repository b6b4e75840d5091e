#!/usr/bin/env bash
# Installs what reconcile needs on Debian 12 (as root), builds it, and shows the main job on libvirt's
# built-in test driver, which needs no daemon: a plan, an apply, and a second plan with no changes.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libvirt-dev libxml2-dev pkg-config libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils
          dnsmasq-base iptables genisoimage xorriso openssh-client openssh-server iproute2 debootstrap
          e2fsprogs python3 time chromium ovmf swtpm swtpm-tools)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! command -v swift >/dev/null; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

swift build
bin="$(swift build --show-bin-path)/reconcile"
echo
echo "== reconcile plan examples/ --connect test:///default"
"$bin" plan examples/ --connect test:///default
echo
echo "== reconcile apply examples/ --connect test:///default"
"$bin" apply examples/ --connect test:///default
