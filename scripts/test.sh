#!/usr/bin/env bash
# Runs every test: unit tests, libvirt test-driver tests, the real-libvirtd tests against a libvirtd
# this script starts inside a private network namespace, and the end-to-end guest test (a real
# Debian cloud-init guest provisioned by reconcile). Needs root, and what `scripts/setup.sh`
# installs. The daemons are stopped by pid on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
# Most tests read English text: run them in the default locale whatever the caller's is. The tests of
# the other 13 languages set the locale of what they run themselves.
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8

ns=reconcile-test-$$
statedir=$(mktemp -d /tmp/reconcile-test.XXXXXX)
cleanup() {
    scripts/netns-libvirtd.sh stop "$ns" "$statedir" || true
    rm -rf "$statedir"
}
trap cleanup EXIT

# run_tests LOG ARGUMENTS...: `swift test` with its output kept in $statedir/LOG too; its status,
# returned rather than ending the script (set -e with pipefail would end it at a failing pipeline).
run_tests() {
    local log=$1
    shift
    swift test --skip-build "$@" 2>&1 | tee "$statedir/$log"
    return "${PIPESTATUS[0]}"
}

swift build --build-tests
export RECONCILE_BINARY
RECONCILE_BINARY="$(swift build --show-bin-path)/reconcile"

if [[ $(id -u) -eq 0 ]] && command -v libvirtd >/dev/null; then
    # `state: ready` must find libvirtd stopped and start it itself (inside a namespace the test
    # creates, stopping it by pid afterwards), so it runs alone, before the shared daemon starts.
    bootstrap_status=0
    RECONCILE_TEST_BOOTSTRAP=1 run_tests bootstrap-test.log --filter RealBootstrapTests || bootstrap_status=$?
    if [[ $bootstrap_status -ne 0 ]]; then
        echo "the state: ready real test failed (see above)" >&2
        exit "$bootstrap_status"
    fi
    scripts/netns-libvirtd.sh start "$ns" "$statedir"
    export RECONCILE_TEST_LIBVIRT_URI=qemu:///system
    export RECONCILE_TEST_STATE_DIR="$statedir"
else
    echo "WARNING: not root or no libvirtd installed: the REAL-LIBVIRTD TESTS WILL NOT RUN." >&2
    echo "WARNING: run scripts/setup.sh first, as root, to run every test." >&2
fi

# Suites that wait on real time: ssh's handshakes and timeouts, and a host read while every worker
# thread is blocked. In the full parallel run, synchronous tests that wait on child processes hold
# the two threads of a two-core machine, and work these suites queue waits behind hundreds of
# queued tests (an ssh handshake 15 s, a task 30 s): they run alone, right after it.
timed_suites='SSHServerTests|LibvirtPrefetchTests'
status=0
run_tests swift-test.log --skip "$timed_suites" || status=1
if ! run_tests timed-test.log --filter "$timed_suites"; then
    echo "the suites that wait on real time failed (see above)" >&2
    status=1
fi

if [[ -n ${RECONCILE_TEST_LIBVIRT_URI:-} ]]; then
    # A real Debian guest booted by reconcile itself, inside the same namespace.
    if ! scripts/e2e-guest.sh "$ns" "$RECONCILE_BINARY"; then
        echo "the end-to-end guest test failed (see above)" >&2
        status=1
    fi
    # kill -9 of apply at every step boundary, and two concurrent applies on one host.
    if ! scripts/kill-test.sh "$ns" "$RECONCILE_BINARY"; then
        echo "the kill-at-every-boundary test failed (see above)" >&2
        status=1
    fi
    # The daemon above has /dev/kvm masked, so that a define takes milliseconds instead of a
    # ~30 s QEMU probe (see netns-libvirtd.sh). One define against a daemon that sees the real
    # /dev/kvm keeps that slow path covered, once. The masked daemon left QEMU capabilities in
    # libvirt's cache that an unmasked one would accept as they are; without them it probes
    # QEMU itself, as on a real host, and then again on every define where /dev/kvm opens but
    # cannot run guests. (The next masked daemon probes once at start and is fast again.)
    scripts/netns-libvirtd.sh stop "$ns" "$statedir"
    # Three hosts, each with its own libvirtd and sshd in its own namespaces, reached over
    # qemu+ssh; one stopped mid-test. Its daemons are the only ones running meanwhile (masked
    # /dev/kvm too, so it comes before the capability cache is cleared).
    if ! scripts/fleet-test.sh "$RECONCILE_BINARY"; then
        echo "the fleet test failed (see above)" >&2
        status=1
    fi
    rm -f /var/cache/libvirt/qemu/capabilities/*.xml
    RECONCILE_TEST_UNMASKED_KVM=1 scripts/netns-libvirtd.sh start "$ns" "$statedir"
    if ! RECONCILE_TEST_UNMASKED_KVM=1 run_tests unmasked-test.log --filter RealUnmaskedKVMTests; then
        echo "the define against an unmasked libvirtd failed (see above)" >&2
        status=1
    fi
else
    echo "WARNING: THE END-TO-END GUEST TEST DID NOT RUN (needs root and libvirtd)." >&2
fi
exit "$status"
