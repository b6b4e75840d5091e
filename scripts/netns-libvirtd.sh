#!/usr/bin/env bash
# Runs virtlogd + libvirtd inside a private network namespace so that libvirt's
# bridges, dnsmasq and firewall rules exist only there (no route out).
# These machines have no systemd, and only one libvirtd can own
# /run/libvirt/libvirt-sock at a time.
#
# Usage: scripts/netns-libvirtd.sh start NAME STATEDIR
#        scripts/netns-libvirtd.sh stop  NAME STATEDIR
# STATEDIR holds virtlogd.pid and libvirtd.pid (the daemons write no trailing newline).
#
# By default libvirtd also gets its own mount namespace in which /dev/kvm is a null device only
# root may open. On these machines QEMU's capability probe finds KVM enabled, while libvirt's
# own check finds /dev/kvm unusable for the QEMU user (libvirt-qemu); as the two disagree,
# libvirtd throws its cached capabilities away and probes QEMU afresh (~30 s) on every domain
# define ("KVM was enabled when probing ..., but it is not available now" in its debug log).
# Masked, the probe finds no KVM and the check agrees: the cache stays valid and a define takes
# milliseconds. (/dev/null itself would not do: anyone may open it, so libvirt counts KVM as
# usable while the probe finds none, and probes again. A regular file would not do either:
# libvirt copies /dev/kvm into each guest's /dev and cannot move a file mount onto the device
# node it makes there, so guests would not start.) Tests use domain type 'qemu' (TCG), which
# needs no /dev/kvm. RECONCILE_TEST_UNMASKED_KVM=1 starts libvirtd with the real /dev/kvm
# instead (scripts/test.sh does so once, to keep that slow path covered).
set -euo pipefail

usage() {
    echo "usage: $0 start|stop NAME STATEDIR" >&2
    exit 2
}
[[ $# -eq 3 ]] || usage
action=$1
ns=$2
statedir=$3
uri=qemu:///system

libvirt_answers() {
    virsh -c "$uri" version >/dev/null 2>&1
}

pid_alive() {
    [[ -n $1 ]] && kill -0 "$1" 2>/dev/null
}

read_pid() {
    # Pid files have no trailing newline, so `read` would report EOF: use cat.
    if [[ -f $1 ]]; then cat "$1"; fi
}

stop_pid() {
    local pid=$1 name=$2 i
    pid_alive "$pid" || return 0
    kill -TERM "$pid"
    for ((i = 0; i < 50; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.2
    done
    echo "$name ($pid) ignored SIGTERM for 10 s; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

start() {
    mkdir -p "$statedir"
    statedir=$(readlink -f "$statedir")
    if libvirt_answers; then
        echo "a libvirtd already answers on $uri; only one can run at a time" >&2
        exit 1
    fi
    if ! ip netns list | awk '{print $1}' | grep -qx "$ns"; then
        ip netns add "$ns"
    fi
    ip netns exec "$ns" ip link set lo up
    rm -f "$statedir/virtlogd.pid" "$statedir/libvirtd.pid"
    ip netns exec "$ns" virtlogd -d -p "$statedir/virtlogd.pid"
    local kvm="real /dev/kvm"
    if [[ ${RECONCILE_TEST_UNMASKED_KVM:-} == 1 ]]; then
        ip netns exec "$ns" libvirtd -d -p "$statedir/libvirtd.pid"
    else
        kvm="/dev/kvm masked"
        local mask="$statedir/kvm-mask"
        rm -f "$mask"
        mknod -m 000 "$mask" c 1 3
        # unshare -m makes the bind mount private to this daemon (and the QEMUs it starts);
        # exec keeps the pid tracking exact: libvirtd -d writes its own daemon's pid to the file.
        ip netns exec "$ns" unshare -m sh -c \
            'if [ -e /dev/kvm ]; then mount --bind "$2" /dev/kvm || exit 1; fi; exec libvirtd -d -p "$1"' \
            sh "$statedir/libvirtd.pid" "$mask"
    fi
    local i
    for ((i = 0; i < 150; i++)); do
        if libvirt_answers; then
            echo "libvirtd $(read_pid "$statedir/libvirtd.pid") answers on $uri (namespace $ns, $kvm)"
            return 0
        fi
        sleep 0.2
    done
    echo "libvirtd did not answer on $uri within 30 s; stopping it" >&2
    stop
    exit 1
}

stop() {
    local libvirtd_pid virtlogd_pid pid
    libvirtd_pid=$(read_pid "$statedir/libvirtd.pid")
    virtlogd_pid=$(read_pid "$statedir/virtlogd.pid")
    stop_pid "$libvirtd_pid" libvirtd
    stop_pid "$virtlogd_pid" virtlogd
    rm -f "$statedir/libvirtd.pid" "$statedir/virtlogd.pid" "$statedir/kvm-mask"
    if ip netns list | awk '{print $1}' | grep -qx "$ns"; then
        # Whatever is still inside the namespace (dnsmasq, qemu) was started by
        # the daemons above; report and stop it by pid before removing the namespace.
        for pid in $(ip netns pids "$ns"); do
            echo "stopping leftover pid $pid ($(cat "/proc/$pid/comm" 2>/dev/null || echo '?')) in $ns" >&2
            stop_pid "$pid" leftover
        done
        ip netns del "$ns"
    fi
    echo "stopped libvirtd in namespace $ns"
}

case $action in
start) start ;;
stop) stop ;;
*) usage ;;
esac
