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

host_ns() { echo "$prefix-h$1"; }
host_dir() { echo "$work/h$1"; }
read_pid() { if [[ -f $1 ]]; then cat "$1"; fi; }
pid_alive() { [[ -n $1 ]] && kill -0 "$1" 2>/dev/null; }

stop_pid() {
    local pid=$1 name=$2 i
    pid_alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 50; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.2
    done
    echo "$name ($pid) ignored SIGTERM for 10 s; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

ns_exists() { ip netns list | awk '{print $1}' | grep -qx "$1"; }

cleanup() {
    local n ns dir pid
    for n in "${hosts[@]}"; do
        dir=$(host_dir "$n")
        ns=$(host_ns "$n")
        stop_pid "$(read_pid "$dir/libvirtd.pid")" "host$n libvirtd"
        stop_pid "$(read_pid "$dir/virtlogd.pid")" "host$n virtlogd"
        stop_pid "$(read_pid "$dir/sshd.pid")" "host$n sshd"
        if ns_exists "$ns"; then
            for pid in $(ip netns pids "$ns"); do
                echo "stopping leftover pid $pid ($(cat "/proc/$pid/comm" 2>/dev/null || echo '?')) in $ns" >&2
                stop_pid "$pid" leftover
            done
            ip netns del "$ns"
        fi
    done
    if ns_exists "$ctl"; then
        for pid in $(ip netns pids "$ctl"); do stop_pid "$pid" leftover; done
        ip netns del "$ctl"
    fi
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

# libvirtd and virtlogd of host N, started inside the mount namespace its sshd holds.
start_daemons() {
    local n=$1 dir sshd_pid i
    dir=$(host_dir "$n")
    sshd_pid=$(read_pid "$dir/sshd.pid")
    rm -f "$dir/libvirtd.pid"
    # Only libvirtd is stopped mid-test; its virtlogd keeps running.
    if ! pid_alive "$(read_pid "$dir/virtlogd.pid")"; then
        nsenter -t "$sshd_pid" -m -n virtlogd -d -p "$dir/virtlogd.pid"
    fi
    nsenter -t "$sshd_pid" -m -n libvirtd -d -p "$dir/libvirtd.pid"
    for ((i = 0; i < 150; i++)); do
        if nsenter -t "$sshd_pid" -m -n virsh -c qemu:///system version >/dev/null 2>&1; then return 0; fi
        sleep 0.2
    done
    echo "host$n's libvirtd did not answer within 30 s" >&2
    return 1
}

# Host N: namespace, veth link to the controller, private libvirt directories, sshd, daemons.
start_host() {
    local n=$1 ns dir sshd_pid i
    ns=$(host_ns "$n")
    dir=$(host_dir "$n")
    mkdir -p "$dir"/{run-libvirt,lib-libvirt,etc-qemu/networks/autostart,etc-qemu/autostart,etc-storage/autostart,etc-secrets,pool,ssh}
    chmod 700 "$dir/etc-secrets"
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip -n "$ctl" link add "veth$n" type veth peer name uplink netns "$ns"
    ip -n "$ctl" addr add "10.250.$n.1/30" dev "veth$n"
    ip -n "$ns" addr add "10.250.$n.2/30" dev uplink
    ip -n "$ctl" link set "veth$n" up
    ip -n "$ns" link set uplink up

    ssh-keygen -q -t ed25519 -N '' -C "fleet-host$n" -f "$dir/ssh/host_key"
    echo "10.250.$n.2 $(cut -d' ' -f1,2 "$dir/ssh/host_key.pub")" >> "$work/known_hosts"
    cat > "$dir/ssh/sshd_config" <<CONF
ListenAddress 10.250.$n.2
Port 22
HostKey $dir/ssh/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $work/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
CONF

    local mask="$dir/kvm-mask"
    mknod -m 000 "$mask" c 1 3
    # sshd (a daemon: its pid is in its PidFile) holds the mount namespace; libvirtd and virtlogd
    # join it through nsenter, so host2's libvirtd can be stopped and started again in it.
    # /dev/kvm is masked as in netns-libvirtd.sh (domains use type qemu).
    mkdir -p /run/libvirt /run/sshd  # mount points, and sshd's privilege separation directory
    ip netns exec "$ns" unshare -m --propagation private sh -c '
        set -e
        dir=$1
        mount --bind "$dir/run-libvirt" /run/libvirt
        mount --bind "$dir/lib-libvirt" /var/lib/libvirt
        mount --bind "$dir/etc-qemu" /etc/libvirt/qemu
        mount --bind "$dir/etc-storage" /etc/libvirt/storage
        mount --bind "$dir/etc-secrets" /etc/libvirt/secrets
        if [ -e /dev/kvm ]; then mount --bind "$dir/kvm-mask" /dev/kvm; fi
        exec /usr/sbin/sshd -f "$dir/ssh/sshd_config"' sh "$dir"
    for ((i = 0; i < 50; i++)); do
        sshd_pid=$(read_pid "$dir/sshd.pid")
        [[ -n $sshd_pid ]] && break
        sleep 0.1
    done
    [[ -n $sshd_pid ]] || { echo "host$n's sshd wrote no pid file" >&2; return 1; }
    start_daemons "$n"
    echo "host$n: namespace $ns, sshd $sshd_pid, libvirtd $(read_pid "$dir/libvirtd.pid") on 10.250.$n.2"
}

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

# The controller side: a namespace, and a home with the test key and the pinned host keys.
mkdir -p "$work/home" "$work/state" "$work/cache"
chmod 700 "$work/home"
ssh-keygen -q -t ed25519 -N '' -C fleet-test -f "$work/fleet_key"
cp "$work/fleet_key.pub" "$work/authorized_keys"
cat > "$work/ssh_config" <<CONF
Host 10.250.*.2
    User root
    IdentityFile $work/fleet_key
    IdentitiesOnly yes
    UserKnownHostsFile $work/known_hosts
    StrictHostKeyChecking yes
    BatchMode yes
    ConnectTimeout 5
CONF
: > "$work/known_hosts"
printf '#!/bin/sh\nexec ssh -F %s "$@"\n' "$work/ssh_config" > "$work/ssh-with-config"
chmod 700 "$work/ssh-with-config"
ip netns add "$ctl"
ip -n "$ctl" link set lo up

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
