#!/usr/bin/env bash
# Benchmarks `reconcile plan` against the real libvirtd, side by side in one run with the floor it
# is measured against: a small C program that reads every domain's inactive XML one after another
# through the C API. Also times a no-op apply. Each row also gives the command's own CPU time and
# libvirtd's meanwhile (medians): plan is bound by CPU on a small machine and the sequential read by
# round trips, so background load moves their ratio from run to run, and not their CPU times.
#
# Usage (from the repository root, as root, with libvirtd installed but not running):
#   scripts/bench-real-plan.sh
#
# Environment (all optional):
#   BENCH_RUNS=5          runs per measured command, alternating (median and min are reported)
#   BENCH_VMS=1000        stopped domains defined on the daemon (and VMs in the manifests)
#   BENCH_BUILD_CMD=...   build command; default: scripts/build-release.sh (the static release build)
#   BENCH_BIN=...         reconcile binary to run; default: the build command's --show-bin-path
#   BENCH_SKIP_BUILD=1    do not build, use BENCH_BIN (or the default bin path) as it is
#   BENCH_KEEP=1          keep the temp dir (manifests, programs, outputs) and print its path
#
# It holds /tmp/reconcile-libvirtd.lock for its whole run and starts libvirtd in a network namespace
# of its own (scripts/netns-libvirtd.sh, /dev/kvm masked so a define takes milliseconds). reconcile
# itself defines the BENCH_VMS domains (`apply`, type qemu, no disks, state stopped), so the
# manifests match the host and plan has nothing to change. On exit every bench domain is undefined
# again and the daemon stopped, whatever happened.
#
# The latency variant (qemu+ssh to a host namespace with 50 ms RTT, 500 domains) is
# scripts/bench-latency.sh.
set -euo pipefail

RUNS="${BENCH_RUNS:-5}"
VMS="${BENCH_VMS:-1000}"
BUILD_CMD="${BENCH_BUILD_CMD:-scripts/build-release.sh}"
LOCK=/tmp/reconcile-libvirtd.lock
NS=reconcile-bench-real
PREFIX=bench-vm-
TARGET_RATIO=1.0

if [[ ! -f Package.swift || ! -d Sources/reconcile ]]; then
    echo "error: run this from the repository root (where Package.swift is)" >&2
    exit 1
fi
[[ $(id -u) -eq 0 ]] || { echo "error: starting libvirtd in a namespace needs root" >&2; exit 1; }
for tool in python3 cc pkg-config libvirtd virsh flock ip; do
    command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 1; }
done
pkg-config --exists libvirt || { echo "error: libvirt development files (libvirt-dev) are required" >&2; exit 1; }

# Hold the machine-wide libvirtd lock from here on: re-run this script under flock once.
if [[ "${BENCH_LOCKED:-0}" != 1 ]]; then
    echo "==> Waiting for $LOCK (only one libvirtd may run at a time)"
    exec env BENCH_LOCKED=1 flock "$LOCK" "$0" "$@"
fi

TMP="$(mktemp -d -t reconcile-bench-real.XXXXXX)"
STATE="$TMP/daemon"
URI=qemu:///system
started=0
cleanup() {
    local status=$?
    if [[ $started == 1 ]]; then
        echo "==> Undefining the bench domains and stopping libvirtd"
        "$TMP/bare" "$URI" undefine "$PREFIX" || echo "warning: undefining the bench domains failed" >&2
        scripts/netns-libvirtd.sh stop "$NS" "$STATE" >/dev/null || true
    fi
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "==> kept $TMP"; else rm -rf "$TMP"; fi
    exit "$status"
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
echo "==> Compiling the bare C-API program (scripts/lib/bare-xml-read.c)"
# shellcheck disable=SC2046
cc -O2 -o "$TMP/bare" scripts/lib/bare-xml-read.c $(pkg-config --cflags --libs libvirt)

# ---------------------------------------------------------------------------------------------
read -r -a build_argv <<<"$BUILD_CMD"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "==> Building reconcile: $BUILD_CMD"
    "${build_argv[@]}" 2>&1 | tail -n 3 | sed 's/^/    /'
fi
if [[ -n "${BENCH_BIN:-}" ]]; then BIN="$BENCH_BIN"; else BIN="$("${build_argv[@]}" --show-bin-path)/reconcile"; fi
[[ -x "$BIN" ]] || { echo "error: no reconcile binary at $BIN" >&2; exit 1; }
echo "    binary: $BIN"

# ---------------------------------------------------------------------------------------------
echo "==> Writing manifests: $VMS stopped VMs (type qemu, no disks) on one hypervisor"
MANIFESTS="$TMP/manifests"
mkdir -p "$MANIFESTS"
python3 scripts/lib/bench-manifests.py "$MANIFESTS" "$VMS" "$PREFIX" "$URI" bench

echo "==> Starting libvirtd in namespace $NS"
scripts/netns-libvirtd.sh start "$NS" "$STATE" | sed 's/^/    /'
started=1

echo "==> Defining $VMS domains with reconcile apply --parallel 8"
define_start=$EPOCHREALTIME
"$BIN" apply "$MANIFESTS" --parallel 8 --state-dir "$TMP/state" >"$TMP/define.out" 2>&1 || {
    tail -n 20 "$TMP/define.out" >&2
    exit 1
}
python3 -c "import sys; print(f'    defined in {float(sys.argv[2]) - float(sys.argv[1]):.1f} s')" "$define_start" "$EPOCHREALTIME"
echo "    bare read: $(BARE_VERBOSE=1 "$TMP/bare" "$URI" 2>&1)"

# ---------------------------------------------------------------------------------------------
# The daemon's CPU ticks (user + system) so far, from /proc/PID/stat.
daemon_ticks() {
    local pid stat
    pid=$(cat "$STATE/libvirtd.pid")
    stat=$(<"/proc/$pid/stat")
    stat=${stat##*) }
    read -r -a fields <<<"$stat"
    echo $((fields[11] + fields[12]))
}

# time_once LABEL CMD...: runs CMD once and appends to $TMP/LABEL.runs its wall seconds, its own CPU
# seconds (user + system, from the shell's `times`) and libvirtd's CPU seconds meanwhile. Wall time
# is what the target is about; the CPU figures tell a change in reconcile's work from a change in
# the machine's background load, which moves wall times by 10% from one run to the next. A non-zero
# exit fails the benchmark (plan and a no-op apply both exit 0 when the hosts match).
time_once() {
    local label="$1"; shift
    local start status=0 ticks_before
    times >"$TMP/times.before"
    ticks_before=$(daemon_ticks)
    start=$EPOCHREALTIME
    "$@" >"$TMP/$label.out" 2>"$TMP/$label.err" || status=$?
    local end=$EPOCHREALTIME
    times >"$TMP/times.after"
    python3 - "$start" "$end" "$TMP/times.before" "$TMP/times.after" "$ticks_before" "$(daemon_ticks)" "$(getconf CLK_TCK)" \
        >>"$TMP/$label.runs" <<'PY'
import re, sys
start, end, before, after, ticks_before, ticks_after, hz = sys.argv[1:]
def children(path):
    # `times` prints the shell's user and system time, then its children's: "0m1.234s 0m0.056s".
    line = open(path).read().splitlines()[1]
    return sum(int(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", line))
cpu = children(after) - children(before)
print(f"{float(end) - float(start):.4f} {cpu:.4f} {(int(ticks_after) - int(ticks_before)) / int(hz):.4f}")
PY
    if [[ $status -ne 0 ]]; then
        echo "error: $label exited with status $status:" >&2
        tail -n 20 "$TMP/$label.out" "$TMP/$label.err" >&2
        exit 1
    fi
}

echo "==> Timing, alternating: bare sequential XML read, reconcile plan, no-op reconcile apply, and reconcile validate"
echo "    (manifest loading alone, to tell it from reading the host) ($RUNS runs each)"
for ((run = 1; run <= RUNS; run++)); do
    time_once bare "$TMP/bare" "$URI"
    time_once plan "$BIN" plan "$MANIFESTS" --state-dir "$TMP/state"
    time_once apply "$BIN" apply "$MANIFESTS" --state-dir "$TMP/state"
    time_once validate "$BIN" validate "$MANIFESTS"
    printf '    run %d/%d: bare %s s, plan %s s, apply %s s, validate %s s\n' "$run" "$RUNS" \
        "$(tail -n 1 "$TMP/bare.runs" | cut -d' ' -f1)" "$(tail -n 1 "$TMP/plan.runs" | cut -d' ' -f1)" \
        "$(tail -n 1 "$TMP/apply.runs" | cut -d' ' -f1)" "$(tail -n 1 "$TMP/validate.runs" | cut -d' ' -f1)"
done
grep -q "No changes. The hosts match the manifests." "$TMP/plan.out" || { echo "error: the plan was not empty" >&2; exit 1; }
echo "==> Load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

python3 - "$TMP" "$VMS" "$RUNS" "$TARGET_RATIO" <<'PY'
import statistics, sys
tmp, vms, runs, target = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
columns = {}
def load(label):
    rows = [[float(field) for field in line.split()] for line in open(f"{tmp}/{label}.runs")]
    walls = [row[0] for row in rows]
    columns[label] = (statistics.median(walls), min(walls), statistics.median(row[1] for row in rows),
                      statistics.median(row[2] for row in rows))
    return statistics.median(walls), min(walls)
bare, plan, apply, validate = load("bare"), load("plan"), load("apply"), load("validate")
print()
print(f"real libvirtd (qemu:///system in a namespace), {vms} stopped domains; median and min of {runs} runs")
print(f"{'':44} {'median s':>9} {'min s':>9} {'own CPU s':>10} {'libvirtd CPU s':>15}")
for name, label in [("bare C API: every inactive XML, sequential", "bare"), ("reconcile plan", "plan"),
                    ("reconcile apply (no-op)", "apply"), ("reconcile validate (manifests only)", "validate")]:
    median, low, cpu, daemon = columns[label]
    print(f"{name:44} {median:9.3f} {low:9.3f} {cpu:10.3f} {daemon:15.3f}")
ratio = plan[0] / bare[0]
print()
print(f"ratio plan / sequential read: {ratio:.2f}x (median), {plan[1] / bare[1]:.2f}x (min); "
      f"target <= {target:g}x: {'met' if ratio <= target else 'MISSED'}")
print(f"ratio no-op apply / sequential read: {apply[0] / bare[0]:.2f}x (median)")
print(f"plan beyond loading the manifests (connect, read, plan): {plan[0] - validate[0]:.3f} s, "
      f"{(plan[0] - validate[0]) / bare[0]:.2f}x the sequential read")
PY
