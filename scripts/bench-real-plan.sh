#!/usr/bin/env bash
# Benchmarks `reconcile plan` against the real libvirtd, side by side in one run with the floor it
# is measured against: a small C program that reads every domain's inactive XML one after another
# through the C API. Also times a no-op apply.
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
# time_once LABEL CMD...: runs CMD once, appends its wall seconds to $TMP/LABEL.runs; a non-zero
# exit fails the benchmark (plan and a no-op apply both exit 0 when the hosts match).
time_once() {
    local label="$1"; shift
    local start status=0
    start=$EPOCHREALTIME
    "$@" >"$TMP/$label.out" 2>"$TMP/$label.err" || status=$?
    python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.4f}')" "$start" "$EPOCHREALTIME" >>"$TMP/$label.runs"
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
        "$(tail -n 1 "$TMP/bare.runs")" "$(tail -n 1 "$TMP/plan.runs")" "$(tail -n 1 "$TMP/apply.runs")" \
        "$(tail -n 1 "$TMP/validate.runs")"
done
grep -q "No changes. The hosts match the manifests." "$TMP/plan.out" || { echo "error: the plan was not empty" >&2; exit 1; }
echo "==> Load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

python3 - "$TMP" "$VMS" "$RUNS" "$TARGET_RATIO" <<'PY'
import statistics, sys
tmp, vms, runs, target = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
def load(label):
    values = [float(line) for line in open(f"{tmp}/{label}.runs")]
    return statistics.median(values), min(values)
bare, plan, apply, validate = load("bare"), load("plan"), load("apply"), load("validate")
print()
print(f"real libvirtd (qemu:///system in a namespace), {vms} stopped domains; median and min of {runs} runs")
print(f"{'':44} {'median s':>9} {'min s':>9}")
for name, (median, low) in [("bare C API: every inactive XML, sequential", bare),
                            ("reconcile plan", plan), ("reconcile apply (no-op)", apply),
                            ("reconcile validate (manifests only)", validate)]:
    print(f"{name:44} {median:9.3f} {low:9.3f}")
ratio = plan[0] / bare[0]
print()
print(f"ratio plan / sequential read: {ratio:.2f}x (median), {plan[1] / bare[1]:.2f}x (min); "
      f"target <= {target:g}x: {'met' if ratio <= target else 'MISSED'}")
print(f"ratio no-op apply / sequential read: {apply[0] / bare[0]:.2f}x (median)")
print(f"plan beyond loading the manifests (connect, read, plan): {plan[0] - validate[0]:.3f} s, "
      f"{(plan[0] - validate[0]) / bare[0]:.2f}x the sequential read")
PY
