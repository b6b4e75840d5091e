#!/usr/bin/env bash
# End-to-end proof on a real guest: a debootstrapped Debian 12 image with cloud-init and sshd is
# served over HTTP on the namespace's loopback; `reconcile apply` must download and verify it,
# upload it, build the overlay and seed, boot a TCG guest on a NAT network, find its lease, log in
# with the pinned host key and install a small test agent, and report converged. Then: a second
# plan has no changes; a corrupted image fails cleanly with nothing defined; an apply killed during
# wait-for-ip is finished by the next one.
#
# Usage: scripts/e2e-guest.sh NAMESPACE RECONCILE_BINARY
# NAMESPACE must already run libvirtd (scripts/netns-libvirtd.sh). Everything that talks to the
# guest runs inside it: no traffic leaves loopback and the namespace.
set -euo pipefail
cd "$(dirname "$0")/.."
ns=$1
bin=$(readlink -f "$2")
image_dir=${RECONCILE_GUEST_IMAGE_DIR:-/var/tmp/reconcile-guest}
work=$(mktemp -d /tmp/reconcile-e2e.XXXXXX)
port=$((20000 + RANDOM % 20000))
# Debian's interpreter, not a version-manager shim whose pid is not the server's.
python=/usr/bin/python3
passed=0
failed=0
server_pid=""

cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

check() {
    local description=$1
    shift
    if "$@"; then
        echo "PASS: $description"
        passed=$((passed + 1))
    else
        echo "FAIL: $description"
        failed=$((failed + 1))
    fi
}

in_ns() { ip netns exec "$ns" "$@"; }
reconcile() { in_ns "$bin" "$@" --cache-dir "$work/cache" --state-dir "$work/state"; }

pool_dir=/var/lib/libvirt/images/reconcile-e2e
remove_pool() {
    virsh -c qemu:///system pool-destroy e2e-pool >/dev/null 2>&1 || true
    virsh -c qemu:///system pool-undefine e2e-pool >/dev/null 2>&1 || true
    rm -rf "$pool_dir"
}
# Start from nothing: a base image left in the pool by an earlier run would skip the upload.
remove_pool

echo "== guest image (cached between runs in $image_dir)"
scripts/build-guest-image.sh "$image_dir"

mkdir -p "$work/www/good" "$work/www/bad" "$work/manifests" "$work/bad-manifests"
cp "$image_dir"/{base.qcow2,vmlinuz,initrd.img,SHA256SUMS} "$work/www/good/"
# The corrupted image: the published checksum is not that of the bytes served.
cp "$image_dir"/{vmlinuz,initrd.img} "$work/www/bad/"
head -c 1048576 "$image_dir/base.qcow2" > "$work/www/bad/base.qcow2"
published=$(printf 'the image that should have been served' | sha256sum | cut -d' ' -f1)
{ grep -v ' base.qcow2$' "$image_dir/SHA256SUMS"; echo "$published  base.qcow2"; } > "$work/www/bad/SHA256SUMS"

# Not through in_ns: a backgrounded function would leave $! pointing at a subshell, not the server.
ip netns exec "$ns" "$python" -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" > "$work/http.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
    in_ns "$python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/good/SHA256SUMS')" 2>/dev/null && break
    sleep 0.2
done

distribution() { # NAME DIR
    cat <<YAML
apiVersion: reconcile/v1
kind: Distribution
metadata: {name: $1}
spec:
  displayName: Debian 12 (test image)
  family: debian
  cloudImage:
    url: http://127.0.0.1:$port/$2/base.qcow2
    checksumURL: http://127.0.0.1:$port/$2/SHA256SUMS
    kernel: {url: "http://127.0.0.1:$port/$2/vmlinuz", checksumURL: "http://127.0.0.1:$port/$2/SHA256SUMS"}
    initrd: {url: "http://127.0.0.1:$port/$2/initrd.img", checksumURL: "http://127.0.0.1:$port/$2/SHA256SUMS"}
    cmdline: root=/dev/vda rw console=ttyS0
  # The namespace has no route to a package mirror: cloud-init could not install qemu-guest-agent.
  installGuestAgent: false
  agentInstall:
    - "printf '#!/bin/sh\\\\nwhile true; do sleep 60; done\\\\n' > /usr/local/bin/e2e-agent && chmod 755 /usr/local/bin/e2e-agent"
    - "printf '[Unit]\\\\nDescription=reconcile e2e test agent\\\\n[Service]\\\\nExecStart=/usr/local/bin/e2e-agent\\\\n[Install]\\\\nWantedBy=multi-user.target\\\\n' > /etc/systemd/system/e2e-agent.service && systemctl daemon-reload"
YAML
}

infrastructure() {
    cat <<YAML
apiVersion: reconcile/v1
kind: Hypervisor
metadata: {name: e2e}
spec: {uri: qemu:///system, domainType: qemu}
---
apiVersion: reconcile/v1
kind: Network
metadata: {name: e2e-nat}
spec:
  mode: nat
  bridge: e2ebr0
  ipv4: {address: 192.168.222.1, prefix: 24, dhcp: {start: 192.168.222.100, end: 192.168.222.200}}
---
apiVersion: reconcile/v1
kind: StoragePool
metadata: {name: e2e-pool}
spec: {type: dir, path: $pool_dir}
YAML
}

vm() { # NAME DISTRIBUTION [STATE] [STOP_TIMEOUT]; MEMORY and DATA_DISK (", {…}") change the guest live
    cat <<YAML
apiVersion: reconcile/v1
kind: VirtualMachine
metadata: {name: $1}
spec:
  state: ${3:-running}
  stopTimeout: ${4:-60}
  cpus: 1
  memory: ${MEMORY:-1GiB}
  maxMemory: 2GiB
  disks: [{name: root, from: $2, size: 4GiB, deleteWithVM: true}${DATA_DISK:-}]
  networks: [e2e-nat]
  bootTimeout: 300
  cloudInit:
    runcmd: ["echo 'hello: world' > /var/tmp/runcmd-ran"]
  agent:
    server: {url: "https://sysmanage.example.invalid:8443", verifySSL: false}
    service: e2e-agent
    configPath: /etc/e2e-agent.yaml
YAML
}

{ infrastructure; echo ---; distribution e2e-debian good; echo ---; vm e2e-vm e2e-debian; } > "$work/manifests/lab.yaml"

echo "== apply: image → volume → overlay → seed → boot → lease → SSH → agent"
start=$(date +%s)
set +e
reconcile apply "$work/manifests" > "$work/apply1.log" 2>&1
status=$?
set -e
cat "$work/apply1.log"
echo "apply took $(( $(date +%s) - start )) s"
check "first apply exits 0" test "$status" -eq 0
check "first apply converged" grep -q "Converged: the hosts match the manifests." "$work/apply1.log"
for step in download-image upload-image create-volume create-seed define-domain start-domain wait-for-ip wait-for-ssh install-agent; do
    check "first apply ran $step" grep -q "done $step " "$work/apply1.log"
done

echo "== phase timings"
grep -E "done (download-image|upload-image|create-seed|start-domain|wait-for-ip|wait-for-ssh|install-agent) " "$work/apply1.log" | sed -E 's/^\[ *[0-9.]+s\] done //' || true

echo "== a second plan, in another process, has nothing to do"
set +e
reconcile plan "$work/manifests" --detailed-exitcode > "$work/plan2.log" 2>&1
status=$?
set -e
cat "$work/plan2.log"
check "second plan --detailed-exitcode exits 0" test "$status" -eq 0

address=$(grep -oE "reconcile@[0-9.]+" "$work/apply1.log" | head -1 | cut -d@ -f2)
ssh_guest() {
    in_ns ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$work/state/ssh/known_hosts" \
        -o IdentitiesOnly=yes -i "$work/state/ssh/id_ed25519" -o ConnectTimeout=10 "reconcile@$address" "$@"
}
check "the agent service is active in the guest" ssh_guest systemctl is-active --quiet e2e-agent
check "the agent config was written" ssh_guest sudo -n test -s /etc/e2e-agent.yaml
check "cloud-init ran runcmd (with ': ' in it)" ssh_guest grep -q "hello: world" /var/tmp/runcmd-ran
ssh_guest cloud-init status --long || true
ssh_guest sudo -n cat /etc/e2e-agent.yaml > "$work/agent.yaml" 2>/dev/null || true
check "the agent config has the full server.url" grep -q "url: https://sysmanage.example.invalid:8443" "$work/agent.yaml"
check "the agent config keeps the legacy hostname/port/use_https" bash -c "grep -q 'hostname: sysmanage.example.invalid' '$work/agent.yaml' && grep -q 'port: 8443' '$work/agent.yaml' && grep -q 'use_https: true' '$work/agent.yaml'"
check "the agent config says verify_ssl: false" grep -q "verify_ssl: false" "$work/agent.yaml"
virsh -c qemu:///system dumpxml e2e-vm > "$work/e2e-vm.xml"
check "the guest has the QEMU guest-agent channel" grep -q "org.qemu.guest_agent.0" "$work/e2e-vm.xml"

echo "== lifecycle: ip, ssh, console, graceful and forced stops"
verb() { in_ns "$bin" "$@" -f "$work/manifests"; }
elapsed() { echo "$(( $(date +%s%N) / 1000000 - $1 ))"; }  # milliseconds since $1
now_ms() { echo "$(( $(date +%s%N) / 1000000 ))"; }
timing() { printf 'lifecycle timing: %-34s %6d.%03d s\n' "$1" "$(( $2 / 1000 ))" "$(( $2 % 1000 ))"; }

t=$(now_ms)
verb ip e2e-vm > "$work/ip.out" 2> "$work/ip.err" || true
timing "reconcile ip" "$(elapsed "$t")"
cat "$work/ip.out" "$work/ip.err"
check "reconcile ip prints the guest's address" test "$(head -1 "$work/ip.out")" = "$address"
check "reconcile ip logs what it did on stderr" grep -q "read the address of 'e2e-vm'" "$work/ip.err"

t=$(now_ms)
in_ns "$bin" ssh e2e-vm -f "$work/manifests" --state-dir "$work/state" -- uname -a > "$work/ssh.out" 2> "$work/ssh.err" || true
timing "reconcile ssh -- uname -a" "$(elapsed "$t")"
cat "$work/ssh.out" "$work/ssh.err"
check "reconcile ssh runs a command in the guest" grep -q "^Linux " "$work/ssh.out"
check "reconcile ssh logs the login it makes" grep -q "ssh reconcile@$address" "$work/ssh.err"
set +e
in_ns "$bin" ssh e2e-vm --connect qemu:///system --state-dir "$work/state" --user=-oProxyCommand=x -- true > /dev/null 2> "$work/ssh-bad-user.err"
status=$?
set -e
check "reconcile ssh refuses a --user that is not a user name" bash -c "test $status -ne 0 && grep -q 'is not a user name' '$work/ssh-bad-user.err'"

# Enter at the getty prompt, then the console stays attached until timeout ends it.
t=$(now_ms)
set +e
{ sleep 3; printf '\r'; sleep 3; printf '\r'; } | timeout 15 ip netns exec "$ns" "$bin" console e2e-vm -f "$work/manifests" > "$work/console.out" 2> "$work/console.err"
set -e
timing "reconcile console (15 s session)" "$(elapsed "$t")"
cat "$work/console.err"
tr -d '\r' < "$work/console.out" | tail -5
echo
check "reconcile console attached through libvirt" grep -q "attached to the serial console of 'e2e-vm'" "$work/console.err"
check "reconcile console shows the guest's login prompt" grep -aq "login:" "$work/console.out"

t=$(now_ms)
verb stop e2e-vm --timeout 60 > "$work/stop.log" 2>&1 || true
stop_ms=$(elapsed "$t")
timing "graceful stop (reconcile stop)" "$stop_ms"
cat "$work/stop.log"
check "a graceful stop ends with an ACPI shutdown, not forced" grep -q "stopped 'e2e-vm' with an ACPI shutdown" "$work/stop.log"
check "the guest is shut off" bash -c "virsh -c qemu:///system domstate e2e-vm | grep -q 'shut off'"

t=$(now_ms)
verb start e2e-vm > "$work/start.log" 2>&1 || true
cat "$work/start.log"
check "reconcile start started it" grep -q "started 'e2e-vm'" "$work/start.log"
# A started guest answers SSH once it has booted: up to 3 minutes under TCG.
wait_for_ssh() {
    for _ in $(seq 90); do
        if in_ns "$bin" ssh e2e-vm -f "$work/manifests" --state-dir "$work/state" -- true > /dev/null 2>&1; then return 0; fi
        sleep 2
    done
    return 1
}
up=no
wait_for_ssh && up=yes
timing "start → SSH login" "$(elapsed "$t")"
check "the restarted guest answers SSH" test "$up" = yes

# The power button goes unheard without logind (masked until the next boot only).
in_ns "$bin" ssh e2e-vm -f "$work/manifests" --state-dir "$work/state" -- sudo -n systemctl mask --runtime --now systemd-logind > "$work/mask.log" 2>&1 || cat "$work/mask.log"
{ infrastructure; echo ---; distribution e2e-debian good; echo ---; vm e2e-vm e2e-debian stopped 10; } > "$work/manifests/lab.yaml"
reconcile plan "$work/manifests" > "$work/stop-plan.log" 2>&1 || true
cat "$work/stop-plan.log"
check "the plan says when the stop may force" grep -q "forced off (virDomainDestroy) if the guest is still running after 10 s" "$work/stop-plan.log"
t=$(now_ms)
reconcile apply "$work/manifests" > "$work/forced.log" 2>&1 || true
forced_ms=$(elapsed "$t")
timing "forced stop (apply, stopTimeout 10)" "$forced_ms"
cat "$work/forced.log"
check "apply reports that it had to force the guest off" grep -q "done shutdown-domain e2e/domain/e2e-vm .*forced off" "$work/forced.log"
check "the forced stop waited for the timeout" test "$forced_ms" -ge 10000
check "the guest that ignored ACPI is shut off" bash -c "virsh -c qemu:///system domstate e2e-vm | grep -q 'shut off'"

{ infrastructure; echo ---; distribution e2e-debian good; echo ---; vm e2e-vm e2e-debian running 20; } > "$work/manifests/lab.yaml"
t=$(now_ms)
reconcile apply "$work/manifests" > "$work/restart.log" 2>&1 || true
timing "start (apply, state: running)" "$(elapsed "$t")"
check "apply started the guest again" grep -q "done start-domain e2e/domain/e2e-vm" "$work/restart.log"
set +e
in_ns "$bin" stop handmade-e2e --connect qemu:///system > "$work/unmanaged.log" 2>&1
status=$?
set -e
check "the verbs name a guest that is not there" bash -c "test $status -ne 0 && grep -q \"no virtual machine 'handmade-e2e'\" '$work/unmanaged.log'"

echo "== snapshot → change a file in the guest → revert → the file is back"
check "the guest started by apply answers SSH again" wait_for_ssh
ssh_guest "echo before-snapshot > /var/tmp/e2e-marker && sync"
cp "$work/manifests/lab.yaml" "$work/lab-without-snapshots.yaml"
echo "  snapshots: [{name: e2e-clean, description: 'before the change'}]" >> "$work/manifests/lab.yaml"
start=$(date +%s)
reconcile apply "$work/manifests" > "$work/snapshot.log" 2>&1 || true
cat "$work/snapshot.log"
echo "create-snapshot (internal, with the running guest's memory) took $(( $(date +%s) - start )) s"
check "apply created the snapshot" grep -q "done create-snapshot e2e/snapshot/e2e-vm/e2e-clean" "$work/snapshot.log"
snapshot_listed() { in_ns "$bin" snapshot list e2e-vm -f "$work/manifests" | grep -qE 'e2e-clean.*reconcile'; }
check "snapshot list shows it as reconcile's" snapshot_listed
ssh_guest "echo after-snapshot > /var/tmp/e2e-marker && sync"
check "the file changed in the guest" ssh_guest grep -qx after-snapshot /var/tmp/e2e-marker
set +e
in_ns "$bin" snapshot revert e2e-vm e2e-clean -f "$work/manifests" > "$work/revert-refused.log" 2>&1
refused=$?
start=$(date +%s)
in_ns "$bin" snapshot revert e2e-vm e2e-clean -f "$work/manifests" --force > "$work/revert.log" 2>&1
status=$?
set -e
cat "$work/revert-refused.log" "$work/revert.log"
echo "revert-snapshot took $(( $(date +%s) - start )) s"
check "revert of the running guest without --force is refused" test "$refused" -eq 1
check "revert --force exits 0 after showing its plan" bash -c "test $status -eq 0 && grep -q 'revert-snapshot' '$work/revert.log'"
marker=""
for _ in $(seq 30); do
    marker=$(ssh_guest cat /var/tmp/e2e-marker 2>/dev/null) && break
    sleep 2
done
check "the file is back as it was at the snapshot (got '$marker')" test "$marker" = before-snapshot
cp "$work/lab-without-snapshots.yaml" "$work/manifests/lab.yaml"
reconcile apply "$work/manifests" --prune > "$work/snapshot-delete.log" 2>&1 || true
cat "$work/snapshot-delete.log"
check "apply --prune deleted the undeclared snapshot" grep -q "done delete-snapshot e2e/snapshot/e2e-vm/e2e-clean" "$work/snapshot-delete.log"
check "the snapshot is gone" bash -c "! virsh -c qemu:///system snapshot-info e2e-vm e2e-clean >/dev/null 2>&1"

echo "== a corrupted image fails cleanly, nothing defined"
{ infrastructure; echo ---; distribution e2e-broken bad; echo ---; vm e2e-bad e2e-broken; } > "$work/bad-manifests/lab.yaml"
set +e
reconcile apply "$work/bad-manifests" > "$work/bad.log" 2>&1
status=$?
set -e
cat "$work/bad.log"
check "apply with a corrupted image exits 1" test "$status" -eq 1
check "the error names the checksum mismatch" grep -q "expected sha256:" "$work/bad.log"
check "the VM was not defined" bash -c "! virsh -c qemu:///system domstate e2e-bad >/dev/null 2>&1"
# Only the per-digest lock files (flock) stay in partial/: deleting them could race another process.
check "the bad download was deleted from the cache" bash -c "! ls '$work/cache/partial/' 2>/dev/null | grep -v '\.lock\$'"
check "nothing of the failed VM was left in the pool" bash -c "! ls '$pool_dir' | grep -q e2e-bad"

echo "== an upload cut short is replaced once no guest boots from it (here: the rebuilt VM's kernel)"
kernel_volume=$(ls "$pool_dir"/kernel-sha256-* | head -1)
truncate -s 4096 "$kernel_volume"
virsh -c qemu:///system pool-refresh e2e-pool >/dev/null
reconcile plan "$work/manifests" --output json > "$work/short-kept.json" 2>&1 || true
check "a short file in use by a running guest is left alone" bash -c "! grep -q '\"delete-volume:e2e/volume/e2e-pool/kernel-sha256-' '$work/short-kept.json'"
reconcile plan "$work/manifests" --replace e2e-vm --output json > "$work/short.json" 2>&1 || true
check "rebuilding the VM plans the short file's deletion" grep -q "\"delete-volume:e2e/volume/e2e-pool/kernel-sha256-" "$work/short.json"
check "and its upload again" grep -q "\"upload-image:e2e/volume/e2e-pool/kernel-sha256-" "$work/short.json"

echo "== an apply killed during wait-for-ip is finished by the next one"
# `ip netns exec` execs reconcile, so $! is reconcile's own pid (a backgrounded function would not be).
ip netns exec "$ns" "$bin" apply "$work/manifests" --replace e2e-vm --cache-dir "$work/cache" --state-dir "$work/state" > "$work/killed.log" 2>&1 &
apply_pid=$!
killed=no
for _ in $(seq 600); do
    if grep -q "wait-for-ip e2e/domain/e2e-vm \.\.\." "$work/killed.log"; then
        kill -9 "$apply_pid" 2>/dev/null && killed=yes
        break
    fi
    sleep 0.2
done
wait "$apply_pid" 2>/dev/null || true
cat "$work/killed.log"
check "apply was killed during wait-for-ip" test "$killed" = yes
check "the killed apply is gone" bash -c "! kill -0 $apply_pid 2>/dev/null"
check "the killed apply never reached install-agent" bash -c "! grep -q 'install-agent e2e/domain/e2e-vm' '$work/killed.log'"
set +e
reconcile apply "$work/manifests" > "$work/resumed.log" 2>&1
status=$?
set -e
cat "$work/resumed.log"
check "the next apply exits 0" test "$status" -eq 0
check "the next apply finished the guest (install-agent)" grep -q "done install-agent " "$work/resumed.log"
check "the next apply converged" grep -q "Converged: the hosts match the manifests." "$work/resumed.log"
check "the short kernel file has its full size again" test "$(stat -c %s "$kernel_volume")" -eq "$(stat -c %s "$image_dir/vmlinuz")"

echo "== live changes: memory by balloon and a data disk by hotplug, without a restart"
guest() { in_ns "$bin" ssh e2e-vm -f "$work/manifests" --state-dir "$work/state" -- "$@"; }
mem_total() { guest free -m 2>/dev/null | awk '/^Mem:/ {print $2}'; }
before_mb=$(mem_total || true)
domid_before=$(virsh -c qemu:///system domid e2e-vm 2>/dev/null || true)
{ infrastructure; echo ---; distribution e2e-debian good; echo ---
  MEMORY=1536MiB DATA_DISK=", {name: data, size: 64MiB, deleteWithVM: true}" vm e2e-vm e2e-debian; } > "$work/manifests/lab.yaml"
reconcile plan "$work/manifests" > "$work/live-plan.log" 2>&1 || true
cat "$work/live-plan.log"
check "the plan marks the memory change live" grep -qE "memory: .*→.*\(live\)" "$work/live-plan.log"
check "the plan marks the new disk live" grep -qE "disks\[1\]: .*vdb.*\(live\)" "$work/live-plan.log"
check "the plan says no restart is pending" bash -c "! grep -qi 'restart pending' '$work/live-plan.log'"
reconcile apply "$work/manifests" > "$work/live.log" 2>&1 || true
cat "$work/live.log"
check "apply ran apply-live" grep -q "done apply-live e2e/domain/e2e-vm" "$work/live.log"
check "the guest was not restarted (domain id $domid_before)" test "$(virsh -c qemu:///system domid e2e-vm 2>/dev/null)" = "$domid_before"
after_mb=$before_mb
for _ in $(seq 30); do
    after_mb=$(mem_total || true)
    [[ -n $after_mb && -n $before_mb && $after_mb -gt $((before_mb + 300)) ]] && break
    sleep 2
done
echo "free -m total in the guest: before ${before_mb:-?} MiB, after ${after_mb:-?} MiB (memory 1GiB → 1536MiB, maxMemory 2GiB)"
check "the guest sees the memory raised live (free -m: ${before_mb:-?} → ${after_mb:-?} MiB)" test "${after_mb:-0}" -gt "$(( ${before_mb:-0} + 300 ))"
guest lsblk -dn -o NAME,SIZE > "$work/lsblk.out" 2>&1 || true
cat "$work/lsblk.out"
check "the hot-added data disk shows in the guest (lsblk)" grep -qE "^vdb +64M" "$work/lsblk.out"
check "a plan after the live change is empty" bash -c "reconcile_plan() { ip netns exec '$ns' '$bin' plan '$work/manifests' --cache-dir '$work/cache' --state-dir '$work/state' --detailed-exitcode; }; reconcile_plan > '$work/live-plan2.log' 2>&1 || { cat '$work/live-plan2.log'; false; }"

# ---- BEGIN section: bytes uploaded per VM; a second VM from the cached image -----------------
echo "== bytes uploaded per VM: a second VM from the same cached image uploads nothing; its disk is an overlay on the base"
# Each upload step reports what it sent: "(N bytes)" in the text log, uploadedBytes in the JSON events.
text_bytes() { # LOG KIND: the bytes the done KIND steps of a text log reported, summed
    grep -E "done $2 " "$1" | grep -oE '[0-9]+ bytes' | awk '{ sum += $1 } END { print sum + 0 }'
}
first_image=$(text_bytes "$work/apply1.log" upload-image)
first_seed=$(text_bytes "$work/apply1.log" create-seed)
{ infrastructure; echo ---; distribution e2e-debian good; echo ---
  MEMORY=1536MiB DATA_DISK=", {name: data, size: 64MiB, deleteWithVM: true}" vm e2e-vm e2e-debian; echo ---
  vm e2e-vm2 e2e-debian stopped; } > "$work/manifests/lab.yaml"
set +e
reconcile apply "$work/manifests" --log-format json > "$work/vm2.out" 2> "$work/vm2.events"
status=$?
set -e
cat "$work/vm2.out"
grep -E '"kind":"(upload-image|create-seed|create-volume)"' "$work/vm2.events" || true
"$python" - "$work/vm2.events" > "$work/vm2.bytes" <<'PY'
import json, sys
uploads = image = seed = 0
for line in open(sys.argv[1]):
    try:
        event = json.loads(line)
    except ValueError:
        continue
    if event.get("event") != "step":
        continue
    if event.get("kind") == "upload-image":
        uploads += 1
        image += event.get("uploadedBytes", 0)
    elif event.get("kind") == "create-seed":
        seed += event.get("uploadedBytes", 0)
print(uploads, image, seed)
PY
read -r vm2_uploads vm2_image vm2_seed < "$work/vm2.bytes"
base_volume=$(ls "$pool_dir"/base-sha256-*.qcow2 | head -1)
echo "bytes uploaded per VM: e2e-vm  image files $first_image, seed $first_seed"
echo "bytes uploaded per VM: e2e-vm2 image files $vm2_image, seed $vm2_seed ($vm2_uploads upload-image steps)"
echo "e2e-vm2-root.qcow2 takes $(stat -c %s "$pool_dir/e2e-vm2-root.qcow2" 2>/dev/null || echo '?') bytes on the host; the base $(stat -c %s "$base_volume") bytes"
check "the second VM's apply exits 0" test "$status" -eq 0
check "the first VM uploaded the image files ($first_image bytes)" test "$first_image" -gt 0
check "the second VM's apply has no upload-image step" test "$vm2_uploads" -eq 0
check "the second VM uploaded 0 image bytes" test "$vm2_image" -eq 0
check "the seed upload reports its bytes in the JSON events ($vm2_seed)" test "$vm2_seed" -gt 0
virsh -c qemu:///system vol-dumpxml e2e-vm2-root.qcow2 --pool e2e-pool > "$work/vm2-root.xml" 2>&1 || true
check "the second VM's disk is an overlay whose backing store is the base image volume" \
    bash -c "sed -n '/<backingStore>/,/<\/backingStore>/p' '$work/vm2-root.xml' | grep -q '<path>$base_volume</path>'"
# ---- END section: bytes uploaded per VM ------------------------------------------------------
# ---- BEGIN device removal (hot-unplug of a disk reconcile attached) -----------------------------
echo "== device removal: the hot-added data disk leaves the running guest when the manifest drops it"
{ infrastructure; echo ---; distribution e2e-debian good; echo ---
  MEMORY=1536MiB vm e2e-vm e2e-debian; echo ---
  vm e2e-vm2 e2e-debian stopped; } > "$work/manifests/lab.yaml"
reconcile plan "$work/manifests" > "$work/unplug-plan.log" 2>&1 || true
cat "$work/unplug-plan.log"
check "the plan removes disk vdb live" grep -qE "^ +- disks\[vdb\]: .*\(live\)" "$work/unplug-plan.log"
check "the plan unplugs it with a detach-device step" grep -q "detach-device" "$work/unplug-plan.log"
domid_before=$(virsh -c qemu:///system domid e2e-vm 2>/dev/null || true)
start=$(date +%s)
set +e
reconcile apply "$work/manifests" > "$work/unplug.log" 2>&1
status=$?
set -e
cat "$work/unplug.log"
echo "detach-device (the guest releasing vdb) took $(( $(date +%s) - start )) s"
check "the unplug apply exits 0" test "$status" -eq 0
check "apply ran detach-device" grep -q "done detach-device e2e/domain/e2e-vm" "$work/unplug.log"
check "the guest was not restarted for the unplug (domain id $domid_before)" test "$(virsh -c qemu:///system domid e2e-vm 2>/dev/null)" = "$domid_before"
check "the removed disk's volume is kept" grep -q "disk vdb is detached from 'e2e-vm'; its volume .* is kept" "$work/unplug.log"
guest lsblk -dn -o NAME,SIZE > "$work/lsblk-unplugged.out" 2>&1 || true
cat "$work/lsblk-unplugged.out"
check "lsblk in the guest still answers (vda)" grep -qE "^vda " "$work/lsblk-unplugged.out"
check "lsblk in the guest no longer shows vdb" bash -c "! grep -qE '^vdb ' '$work/lsblk-unplugged.out'"
check "a plan after the unplug is empty" bash -c "ip netns exec '$ns' '$bin' plan '$work/manifests' --cache-dir '$work/cache' --state-dir '$work/state' --detailed-exitcode > '$work/unplug-plan2.log' 2>&1 || { cat '$work/unplug-plan2.log'; false; }"
# ---- END device removal -------------------------------------------------------------------------

echo "== clean up (prune)"
{ infrastructure; } > "$work/manifests/lab.yaml"
reconcile apply "$work/manifests" --prune --shutdown-timeout 5 > "$work/prune.log" 2>&1 || cat "$work/prune.log"
remove_pool
virsh -c qemu:///system net-destroy e2e-nat >/dev/null 2>&1 || true
virsh -c qemu:///system net-undefine e2e-nat >/dev/null 2>&1 || true

echo "e2e: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
