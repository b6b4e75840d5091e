#!/usr/bin/env bash
# Latency benchmark (issue 9, "Many hosts"): one libvirtd host in its own network + mount
# namespace, reached from a controller namespace as qemu+ssh://root@10.250.1.2/system over a veth
# link with `tc netem delay` on both ends (50 ms round trip by default; where the kernel has no
# netem, an ssh ProxyCommand relay delaying each direction instead), and 500 stopped domains.
# Side by side in one run, alternating:
#   - the bare C-API program (scripts/lib/bare-xml-read.c) reading every domain's inactive XML one
#     call after another over the same qemu+ssh URI and the same ssh_config (through the URI's
#     command= parameter, as reconcile's own LibvirtSSHWrapper does);
#   - `reconcile plan` (release build) over the same URI with --ssh-config.
# Prints both medians, the speed-up (sequential / plan) and the target (>= 10x).
#
# Usage (from the repository root, as root, with libvirtd and sshd installed, no libvirtd running):
#   scripts/bench-latency.sh
# Environment (all optional):
#   BENCH_RUNS=3          runs per measured command (median and min are reported)
#   BENCH_VMS=500         stopped domains defined on the host
#   BENCH_DELAY_MS=25     netem delay on each end of the link (the round trip is twice this)
#   BENCH_BUILD_CMD=...   default: scripts/build-release.sh (the static release build)
#   BENCH_BIN=...         reconcile binary; default: the build command's --show-bin-path
#   BENCH_SKIP_BUILD=1    do not build
#   BENCH_KEEP=1          keep the temp dir and print its path
#
# Holds /tmp/reconcile-libvirtd.lock for the whole run. The host set-up (namespaces, sshd, private
# libvirt directories, pinned host keys) is scripts/lib/netns-hosts.sh, shared with the fleet test.
# The domains are defined by `reconcile apply` before the delay is added; on exit the daemons are
# stopped by pid and the namespaces deleted (their libvirt state lives in the temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${BENCH_RUNS:-3}"
VMS="${BENCH_VMS:-500}"
DELAY_MS="${BENCH_DELAY_MS:-25}"
BUILD_CMD="${BENCH_BUILD_CMD:-scripts/build-release.sh}"
LOCK=/tmp/reconcile-libvirtd.lock
TARGET_SPEEDUP=10
PREFIX=lat-vm-

[[ $(id -u) -eq 0 ]] || { echo "error: namespaces and libvirtd need root" >&2; exit 1; }
for tool in python3 cc pkg-config libvirtd virsh flock ip tc nsenter ssh-keygen /usr/sbin/sshd; do
    command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 1; }
done
pkg-config --exists libvirt || { echo "error: libvirt development files (libvirt-dev) are required" >&2; exit 1; }

if [[ "${BENCH_LOCKED:-0}" != 1 ]]; then
    echo "==> Waiting for $LOCK (only one libvirtd may run at a time)"
    exec env BENCH_LOCKED=1 flock "$LOCK" "$0" "$@"
fi

# Build before any namespace exists (it can take minutes).
read -r -a build_argv <<<"$BUILD_CMD"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "==> Building reconcile: $BUILD_CMD"
    "${build_argv[@]}" 2>&1 | tail -n 3 | sed 's/^/    /'
fi
if [[ -n "${BENCH_BIN:-}" ]]; then bin=$(readlink -f "$BENCH_BIN"); else bin="$("${build_argv[@]}" --show-bin-path)/reconcile"; fi
[[ -x "$bin" ]] || { echo "error: no reconcile binary at $bin" >&2; exit 1; }
echo "    binary: $bin"

work=$(mktemp -d /tmp/reconcile-lat.XXXXXX)
prefix=rclat$$
ctl=$prefix-ctl
hosts=(1)
# shellcheck source=lib/netns-hosts.sh
source scripts/lib/netns-hosts.sh
cleanup() {
    local status=$?
    stop_hosts
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "==> kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT

echo "==> Compiling the bare C-API program (scripts/lib/bare-xml-read.c)"
# shellcheck disable=SC2046
cc -O2 -o "$work/bare" scripts/lib/bare-xml-read.c $(pkg-config --cflags --libs libvirt)

echo "==> Starting the host namespace, its sshd and libvirtd"
setup_controller
start_host 1 | sed 's/^/    /'
URI="qemu+ssh://root@10.250.1.2/system"
in_ctl() { ip netns exec "$ctl" env HOME="$work/home" "$@"; }

echo "==> Writing manifests: $VMS stopped VMs (type qemu, no disks) on $URI"
manifests="$work/manifests"
mkdir -p "$manifests"
python3 scripts/lib/bench-manifests.py "$manifests" "$VMS" "$PREFIX" "$URI" remote
reconcile_() { in_ctl "$bin" "$@" --ssh-config "$work/ssh_config" --state-dir "$work/state" --cache-dir "$work/cache"; }

echo "==> Defining $VMS domains with reconcile apply --parallel 8 (no delay yet)"
define_start=$EPOCHREALTIME
reconcile_ apply "$manifests" --parallel 8 >"$work/define.out" 2>&1 || { tail -n 20 "$work/define.out" >&2; exit 1; }
python3 -c "import sys; print(f'    defined in {float(sys.argv[2]) - float(sys.argv[1]):.1f} s')" "$define_start" "$EPOCHREALTIME"

# netem on both ends of the veth link when the kernel has it; otherwise (no sch_netem, as in some
# VMs and containers) a relay as ssh's ProxyCommand that holds back every chunk DELAY_MS each way
# (scripts/lib/delay-relay.py). Both delay the whole ssh stream, which both sides of the benchmark
# use alike; the relay also adds a little CPU per chunk.
if ip netns exec "$ctl" tc qdisc add dev veth1 root netem delay "${DELAY_MS}ms" 2>"$work/netem.err"; then
    ip netns exec "$(host_ns 1)" tc qdisc add dev uplink root netem delay "${DELAY_MS}ms"
    delay_how="tc netem on both ends of the veth link"
else
    echo "    no netem qdisc here ($(cat "$work/netem.err")): delaying in an ssh ProxyCommand instead"
    # The interpreter itself, without site packages (the relay needs only the standard library): a
    # version manager's `python3` shim is a shell script that took 0.1-0.7 s to start, paid by every
    # ssh connection, which is set-up of the benchmark, not the latency it stands in for.
    relay_python=$(python3 -c 'import sys; print(sys.executable)')
    printf 'Host 10.250.1.2\n    ProxyCommand %s -S %s %%h %%p %s\n' "$relay_python" "$PWD/scripts/lib/delay-relay.py" "$DELAY_MS" >> "$work/ssh_config"
    delay_how="ssh ProxyCommand relay (scripts/lib/delay-relay.py), ${DELAY_MS} ms each way"
fi
echo "==> Delay: $delay_how, $((2 * DELAY_MS)) ms round trip"
if [[ $delay_how == tc* ]] && command -v ping >/dev/null; then
    echo "    ping: $(ip netns exec "$ctl" ping -c 3 -q 10.250.1.2 | tail -n 1)"
fi

# The same ssh_config for the C program: libvirt runs the wrapper instead of ssh.
bare_uri="$URI?command=$work/ssh-with-config"
echo "    bare read: $(in_ctl env BARE_VERBOSE=1 "$work/bare" "$bare_uri" 2>&1)"

time_once() { # LABEL CMD...: wall seconds appended to $work/LABEL.runs; non-zero exit fails
    local label="$1" start status=0
    shift
    start=$EPOCHREALTIME
    "$@" >"$work/$label.out" 2>"$work/$label.err" || status=$?
    python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.4f}')" "$start" "$EPOCHREALTIME" >>"$work/$label.runs"
    if [[ $status -ne 0 ]]; then
        echo "error: $label exited with status $status:" >&2
        tail -n 20 "$work/$label.out" "$work/$label.err" >&2
        exit 1
    fi
}

echo "==> Timing, alternating: bare sequential XML read, reconcile plan ($RUNS runs each)"
for ((run = 1; run <= RUNS; run++)); do
    time_once bare in_ctl "$work/bare" "$bare_uri"
    time_once plan reconcile_ plan "$manifests"
    printf '    run %d/%d: bare %s s, plan %s s\n' "$run" "$RUNS" "$(tail -n 1 "$work/bare.runs")" "$(tail -n 1 "$work/plan.runs")"
done
grep -q "No changes. The hosts match the manifests." "$work/plan.out" || { echo "error: the plan was not empty" >&2; tail -n 20 "$work/plan.out" >&2; exit 1; }

python3 - "$work" "$VMS" "$RUNS" "$DELAY_MS" "$TARGET_SPEEDUP" "$delay_how" <<'PY'
import statistics, sys
work, vms, runs, delay, target, how = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
def load(label):
    values = [float(line) for line in open(f"{work}/{label}.runs")]
    return statistics.median(values), min(values)
bare, plan = load("bare"), load("plan")
print()
print(f"qemu+ssh, {2 * delay} ms round trip ({how}), {vms} stopped domains; median and min of {runs} runs")
print(f"{'':46} {'median s':>9} {'min s':>9}")
print(f"{'bare C API: every inactive XML, sequential':46} {bare[0]:9.3f} {bare[1]:9.3f}")
print(f"{'reconcile plan':46} {plan[0]:9.3f} {plan[1]:9.3f}")
speedup = bare[0] / plan[0]
print()
print(f"speed-up sequential / plan: {speedup:.1f}x (median); target >= {target:g}x: {'met' if speedup >= target else 'MISSED'}")
PY
