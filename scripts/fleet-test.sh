#!/usr/bin/env bash
# The fleet test: three libvirtd hosts, each in its own network and mount namespace with its own
# sshd, reached as qemu+ssh://root@10.250.N.2/system over veth links from a controller namespace
# that runs reconcile. One manifest set declares a network, a dir pool and a stopped VM on each.
#   1. apply: all three converge, exit 0.
#   2. host2's libvirtd stopped (by pid), every VM's memory changed, apply: host1 and host3
#      converge, the closing table lists host2 as unreachable, exit 1.
#   3. host2's libvirtd started again, apply: all three converge, exit 0.
#   4. host3's veth link down (ssh itself fails), memory changed again: exit 1, host3 named,
#      the other two converge; link up, apply: all three converge. Then a plan has no changes.
#
# Usage: scripts/fleet-test.sh RECONCILE_BINARY
# Needs root. No other libvirtd may run meanwhile: hold /tmp/reconcile-libvirtd.lock around it
# (scripts/test.sh runs it after stopping its shared daemon). Each host's /run/libvirt,
# /var/lib/libvirt, /etc/libvirt/{qemu,storage,secrets} are temp dirs bound over the real ones
# in that host's mount namespace, so the daemons share no socket, state or definitions. All
# traffic stays on the veth links between the namespaces; every daemon is stopped by pid on exit.
#
# reconcile reaches the hosts with `--ssh-config FILE`: the test key, the three host keys pinned in
# a known_hosts file of the test's, StrictHostKeyChecking yes. HOME is a temp dir, and virsh (used
# to check what landed on the hosts) runs ssh through a two-line program that passes -F FILE too.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -eq 1 ]] || { echo "usage: $0 RECONCILE_BINARY" >&2; exit 2; }
bin=$(readlink -f "$1")
work=$(mktemp -d /tmp/reconcile-fleet.XXXXXX)
prefix=rcfleet$$
ctl=$prefix-ctl
hosts=(1 2 3)
passed=0
failed=0

# shellcheck source=lib/netns-hosts.sh
source scripts/lib/netns-hosts.sh

cleanup() {
    stop_hosts
    if [[ $failed -eq 0 ]]; then rm -rf "$work"; else echo "logs kept in $work"; fi
}
trap cleanup EXIT

check() {
    local description=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok: $description"
    else
        echo "FAIL: $description"
        failed=$((failed + 1))
    fi
}

not() { ! "$@" >/dev/null 2>&1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# reconcile and virsh in the controller namespace, with the test's ssh_config and a temp HOME.
in_ctl() { ip netns exec "$ctl" env HOME="$work/home" "$@"; }
reconcile_() { in_ctl "$bin" "$@" --ssh-config "$work/ssh_config" --state-dir "$work/state" --cache-dir "$work/cache"; }
virsh_() { # HOST ARGS...: virsh on host N over qemu+ssh, with the test's ssh_config
    local n=$1
    shift
    in_ctl virsh -c "qemu+ssh://root@10.250.$n.2/system?command=$work/ssh-with-config" "$@"
}

# The row of the closing table for HOST has STATUS.
row_says() {
    local log=$1 host=$2 status=$3
    grep -Eq "^  $host +qemu\+ssh://[^ ]+ +$status " "$log"
}

write_manifests() {
    local memory=$1 n
    rm -rf "$work/manifests"
    mkdir -p "$work/manifests"
    for n in "${hosts[@]}"; do
        cat > "$work/manifests/host$n.yaml" <<YAML
apiVersion: reconcile/v1
kind: Hypervisor
metadata: {name: host$n}
spec: {uri: "qemu+ssh://root@10.250.$n.2/system", domainType: qemu}
---
apiVersion: reconcile/v1
kind: Network
metadata: {name: fleet-net-$n}
spec: {hypervisor: host$n, mode: isolated, bridge: fleetbr0, ipv4: {address: 192.168.224.1, prefix: 24}}
---
apiVersion: reconcile/v1
kind: StoragePool
metadata: {name: fleet-pool-$n}
spec: {hypervisor: host$n, type: dir, path: $(host_dir "$n")/pool}
---
apiVersion: reconcile/v1
kind: VirtualMachine
metadata: {name: fleet-vm-$n}
spec:
  hypervisor: host$n
  cpus: 1
  memory: $memory
  state: stopped
  disks: [{name: root, size: 64MiB, pool: fleet-pool-$n, deleteWithVM: true}]
  networks: [fleet-net-$n]
YAML
    done
}

setup_controller

begin=$(now)
for n in "${hosts[@]}"; do start_host "$n"; done
echo "three hosts up in $(since "$begin") s"

answers() { virsh_ "$1" version >/dev/null; }
# Every host answers over qemu+ssh from the controller, its host key checked against the pin.
for n in "${hosts[@]}"; do
    check "host$n answers on qemu+ssh://root@10.250.$n.2/system" answers "$n"
done
write_manifests 128MiB
# reconcile's connections read --ssh-config: without host3's pin, host3 is refused.
cp "$work/known_hosts" "$work/known_hosts.all"
grep -v '^10\.250\.3\.2 ' "$work/known_hosts.all" > "$work/known_hosts"
reconcile_ plan "$work/manifests" > "$work/unpinned.log" 2>&1 || true
check "host3 is unreachable while its host key is not pinned" row_says "$work/unpinned.log" host3 unreachable
check "host1 is reached with the same config" not row_says "$work/unpinned.log" host1 unreachable
cp "$work/known_hosts.all" "$work/known_hosts"

apply() { # LOG: apply the manifests, print the time and exit status, return the status
    local log=$1 start status
    start=$(now)
    set +e
    reconcile_ apply "$work/manifests" > "$log" 2>&1
    status=$?
    set -e
    echo "apply ($(basename "$log" .log)): exit $status in $(since "$start") s"
    sed -n '/^Hosts:/,$p' "$log"
    return "$status"
}
all_converged() { local n; for n in "${hosts[@]}"; do row_says "$1" "host$n" converged || return 1; done; }
exit_is() { [[ $1 -eq $2 ]]; }
memory_of() { # HOST VM: the domain's maximum memory in KiB, read over qemu+ssh
    virsh_ "$1" dominfo "$2" | awk '/^Max memory:/ {print $3}'
}

# 1. From nothing: all three converge.
status=0; apply "$work/first.log" || status=$?
check "first apply exits 0" exit_is "$status" 0
check "first apply: all three hosts converged" all_converged "$work/first.log"
for n in "${hosts[@]}"; do
    check "host$n has fleet-vm-$n with 128 MiB" exit_is "$(memory_of "$n" "fleet-vm-$n")" 131072
done

# snapshot list connects on its own, through the same --ssh-config.
lists_snapshots() { in_ctl "$bin" snapshot list "$1" -f "$work/manifests" --ssh-config "$work/ssh_config" >/dev/null; }
check "snapshot list reaches fleet-vm-3 on host3" lists_snapshots fleet-vm-3

# 2. host2's libvirtd stops; every VM's memory changes. The other two converge, host2 is named.
stop_pid "$(read_pid "$(host_dir 2)/libvirtd.pid")" "host2 libvirtd"
write_manifests 192MiB
status=0; apply "$work/host2-down.log" || status=$?
check "apply with host2 down exits 1" exit_is "$status" 1
check "host1 converged while host2 is down" row_says "$work/host2-down.log" host1 converged
check "host3 converged while host2 is down" row_says "$work/host2-down.log" host3 converged
check "host2 listed unreachable" row_says "$work/host2-down.log" host2 unreachable
echo "what the run said about host2:"
grep -v '^  host2 ' "$work/host2-down.log" | grep -i 'host2' | sed 's/^/    /' || true
for n in 1 3; do
    check "host$n's fleet-vm-$n now has 192 MiB" exit_is "$(memory_of "$n" "fleet-vm-$n")" 196608
done

# 3. host2's libvirtd is back (same mount namespace, same definitions): all three converge.
start_daemons 2
check "host2 still has the 128 MiB it had before" exit_is "$(memory_of 2 fleet-vm-2)" 131072
status=0; apply "$work/host2-back.log" || status=$?
check "apply with host2 back exits 0" exit_is "$status" 0
check "apply with host2 back: all three hosts converged" all_converged "$work/host2-back.log"
check "host2's fleet-vm-2 now has 192 MiB" exit_is "$(memory_of 2 fleet-vm-2)" 196608

# 4. host3 cut off at the network (its link down: ssh itself fails, not libvirtd); memory changes
#    again. host1 and host2 converge, host3 is named; with the link back, all three converge.
ip -n "$ctl" link set veth3 down
write_manifests 256MiB
status=0; apply "$work/host3-cut.log" || status=$?
check "apply with host3's link down exits 1" exit_is "$status" 1
check "host1 converged while host3 is cut off" row_says "$work/host3-cut.log" host1 converged
check "host2 converged while host3 is cut off" row_says "$work/host3-cut.log" host2 converged
check "host3 listed unreachable" row_says "$work/host3-cut.log" host3 unreachable
ip -n "$ctl" link set veth3 up
status=0; apply "$work/host3-back.log" || status=$?
check "apply with host3's link back exits 0" exit_is "$status" 0
check "apply with host3's link back: all three hosts converged" all_converged "$work/host3-back.log"
for n in "${hosts[@]}"; do
    check "host$n's fleet-vm-$n now has 256 MiB" exit_is "$(memory_of "$n" "fleet-vm-$n")" 262144
done

status=0; reconcile_ plan "$work/manifests" --detailed-exitcode > "$work/final-plan.log" 2>&1 || status=$?
check "a plan afterwards exits 0 and changes nothing" exit_is "$status" 0
check "that plan converges on all three" all_converged "$work/final-plan.log"

echo "fleet test: $passed passed, $failed failed, $(since "$begin") s in all"
[[ $failed -eq 0 ]]
