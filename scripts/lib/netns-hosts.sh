# Shared by scripts/fleet-test.sh and scripts/bench-latency.sh (sourced, not run): libvirtd hosts,
# each in its own network and mount namespace with its own sshd, reached from a controller
# namespace over veth links as qemu+ssh://root@10.250.N.2/system.
#
# The sourcing script sets, before calling anything here:
#   work    a temp dir (keys, ssh_config, known_hosts, per-host dirs)
#   prefix  a short unique prefix for namespace names
#   ctl     the controller namespace's name
#   hosts   an array of host numbers (1..N)
# Each host's /run/libvirt, /var/lib/libvirt, /etc/libvirt/{qemu,storage,secrets} are temp dirs
# bound over the real ones in that host's mount namespace, so the daemons share no socket, state
# or definitions. All traffic stays on the veth links; stop_hosts stops every daemon by pid.

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

# Stops every host's daemons and sshd by pid, then any leftover in the namespaces, and deletes them.
stop_hosts() {
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
}

# The controller side: a namespace, and a home with the test key; ssh_config pins the host keys
# (known_hosts is filled by start_host), and ssh-with-config is a two-line program running
# `ssh -F ssh_config` for virsh or any libvirt client (the URI's command= parameter).
setup_controller() {
    mkdir -p "$work/home" "$work/state" "$work/cache"
    chmod 700 "$work/home"
    ssh-keygen -q -t ed25519 -N '' -C netns-hosts -f "$work/fleet_key"
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
}

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

# Host N: namespace, veth link to the controller (vethN there, uplink in the host), private
# libvirt directories, sshd, daemons.
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
    # join it through nsenter, so a host's libvirtd can be stopped and started again in it.
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
