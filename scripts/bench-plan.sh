#!/usr/bin/env bash
# Benchmarks `reconcile plan` against a large libvirt test-driver host, and compares it with the bare
# cost of the same libvirt C-API calls made by a small C program.
#
# Usage (from the repository root):
#   scripts/bench-plan.sh
#
# Environment (all optional):
#   BENCH_RUNS=5          runs per measured command (median and max are reported)
#   BENCH_VMS=1000        domains on the test host (and VMs in the manifests)
#   BENCH_NETWORKS=50     networks on the test host (and in the manifests)
#   BENCH_BUILD_CMD=...   build command; default: scripts/build-release.sh (the static release build)
#   BENCH_BIN=...         reconcile binary to run; default: the build command's --show-bin-path
#   BENCH_SKIP_BUILD=1    do not build, use BENCH_BIN (or the default bin path) as it is
#   BENCH_KEEP=1          keep the temp dir (node XML, manifests, outputs) and print its path
#
# Host and manifests: BENCH_VMS domains with reconcile's ownership metadata (1-2 vCPUs, 1-2 GiB,
# one virtio qcow2 disk in the dir pool `bench`, one NIC on one of the BENCH_NETWORKS networks),
# the networks, the pool and one volume per domain. The manifests declare the same objects with
# the same spec hashes, so most resources plan as "no change", plus a handful of deliberate
# differences: 3 VMs edited (memory, cpus, state), 2 VMs declared but missing (create + volume),
# 2 managed domains declared nowhere (notices), 1 network edited (DHCP range).
#
# Nothing is written outside a temp dir (removed on exit) and the scratch build folder.
set -euo pipefail

RUNS="${BENCH_RUNS:-5}"
VMS="${BENCH_VMS:-1000}"
NETWORKS="${BENCH_NETWORKS:-50}"
BUILD_CMD="${BENCH_BUILD_CMD:-scripts/build-release.sh}"
TARGET_WALL_S=2
TARGET_RSS_MB=150

if [[ ! -f Package.swift || ! -d Sources/reconcile ]]; then
    echo "error: run this from the repository root (where Package.swift is)" >&2
    exit 1
fi
for tool in python3 cc pkg-config; do
    command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 1; }
done
if [[ ! -x /usr/bin/time ]]; then
    echo "==> /usr/bin/time is missing; installing the 'time' package"
    apt-get install -y time >/dev/null
fi
pkg-config --exists libvirt || { echo "error: libvirt development files (libvirt-dev) are required" >&2; exit 1; }

TMP="$(mktemp -d -t reconcile-bench.XXXXXX)"
cleanup() {
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "==> kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

NODE_XML="$TMP/host.xml"
MANIFESTS="$TMP/manifests"
URI="test://$NODE_XML"

# ---------------------------------------------------------------------------------------------
echo "==> Generating a test host with $VMS domains and $NETWORKS networks, and matching manifests, in $TMP"
python3 - "$NODE_XML" "$MANIFESTS" "$VMS" "$NETWORKS" <<'PY'
import hashlib, json, os, sys
from xml.sax.saxutils import quoteattr, escape

node_path, manifest_dir, vm_count, net_count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
os.makedirs(manifest_dir)
NS = "https://reconcile.dev/xmlns/ownership/v1"
POOL, POOL_PATH = "bench", "/var/lib/libvirt/images/bench"
GiB = 1 << 30

def spec_hash(value):
    # reconcile's SpecHash: SHA-256 over JSONEncoder output with sorted keys, no slash escaping,
    # nil optionals omitted (see Sources/Reconciler/Plan/SpecHash.swift).
    return hashlib.sha256(json.dumps(value, sort_keys=True, separators=(",", ":")).encode()).hexdigest()

def a(value):
    return quoteattr(str(value))

def ownership_xml(name, digest, volumes=()):
    inner = "".join(f"<reconcile:volume pool={a(v['pool'])} name={a(v['name'])} deleteWithVM={a('true' if v['deleteWithVM'] else 'false')}/>"
                    for v in volumes)
    return (f"<metadata><reconcile:resource xmlns:reconcile={a(NS)} name={a(name)} specHash={a(digest)}>"
            f"{inner}</reconcile:resource></metadata>")

# ---- networks
networks = []
for i in range(1, net_count + 1):
    name = f"net-{i:03d}"
    third = i % 250
    second = 100 + i // 250
    ipv4 = {"address": f"10.{second}.{third}.1", "prefix": 24,
            "dhcp": {"start": f"10.{second}.{third}.100", "end": f"10.{second}.{third}.199"}}
    networks.append({"name": name, "mode": "nat", "bridge": f"virbr-b{i}", "ipv4": ipv4})

# ---- virtual machines: vm-0001..vm-NNNN are declared; the last two are missing on the host,
# and two managed orphans are on the host instead (so the host has exactly vm_count domains).
vms = []
for i in range(1, vm_count + 1):
    name = f"vm-{i:04d}"
    vms.append({
        "name": name, "cpus": 1 + i % 2, "memory_gib": 1 + (i // 2) % 2,
        "network": networks[(i - 1) % net_count]["name"],
        "mac": f"52:54:00:{(i >> 16) & 0xff:02x}:{(i >> 8) & 0xff:02x}:{i & 0xff:02x}",
        "declare_mac": i % 4 == 0, "deleteWithVM": i % 3 == 0, "size_gib": 10 + 10 * (i % 3),
    })
missing_on_host = {vms[-1]["name"], vms[-2]["name"]} if vm_count >= 10 else set()
orphans = [dict(vms[0], name=f"orphan-{k}", declare_mac=False) for k in (1, 2)] if vm_count >= 10 else []

def domain_definition(vm):
    volume = f"{vm['name']}-root.qcow2"
    interface = {"network": vm["network"]}
    if vm["declare_mac"]:
        interface["mac"] = vm["mac"]
    return {
        "name": vm["name"], "type": "kvm", "vcpus": vm["cpus"], "memoryKiB": vm["memory_gib"] * GiB // 1024,
        "disks": [{"pool": POOL, "volume": volume, "path": f"{POOL_PATH}/{volume}", "target": "vda",
                   "bus": "virtio", "format": "qcow2"}],
        "interfaces": [interface], "vnc": False,
        "ownership": {"name": vm["name"], "specHash": "",
                      "volumes": [{"pool": POOL, "name": volume, "deleteWithVM": vm["deleteWithVM"]}]},
    }

def domain_xml(vm):
    d = domain_definition(vm)
    disk = d["disks"][0]
    return f"""<domain type='kvm'>
  <name>{escape(vm['name'])}</name>
  {ownership_xml(vm['name'], spec_hash(d), d['ownership']['volumes'])}
  <memory unit='KiB'>{d['memoryKiB']}</memory>
  <currentMemory unit='KiB'>{d['memoryKiB']}</currentMemory>
  <vcpu>{d['vcpus']}</vcpu>
  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
  <features><acpi/><apic/></features>
  <cpu mode='host-passthrough'/>
  <on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>
  <devices>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file={a(disk['path'])}/><target dev='vda' bus='virtio'/></disk>
    <interface type='network'><mac address={a(vm['mac'])}/><source network={a(vm['network'])}/><model type='virtio'/></interface>
    <serial type='pty'><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
    <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>
  </devices>
</domain>
"""

def network_xml(net):
    d = {"name": net["name"], "mode": net["mode"], "bridge": net["bridge"], "ipv4": net["ipv4"],
         "ownership": {"name": net["name"], "specHash": "", "volumes": []}}
    ip = net["ipv4"]
    return f"""<network>
  <name>{escape(net['name'])}</name>
  {ownership_xml(net['name'], spec_hash(d))}
  <forward mode='nat'/>
  <bridge name={a(net['bridge'])} stp='on' delay='0'/>
  <ip address={a(ip['address'])} prefix='{ip['prefix']}'><dhcp><range start={a(ip['dhcp']['start'])} end={a(ip['dhcp']['end'])}/></dhcp></ip>
</network>
"""

host_vms = [vm for vm in vms if vm["name"] not in missing_on_host] + orphans
with open(node_path, "w") as out:
    out.write("<node>\n")
    for vm in host_vms:
        out.write(domain_xml(vm))
    for net in networks:
        out.write(network_xml(net))
    out.write(f"<pool type='dir'>\n  <name>{POOL}</name>\n  <target><path>{POOL_PATH}</path></target>\n")
    for vm in host_vms:
        out.write(f"  <volume type='file'><name>{vm['name']}-root.qcow2</name>"
                  f"<capacity unit='bytes'>{vm['size_gib'] * GiB}</capacity>"
                  f"<target><format type='qcow2'/></target></volume>\n")
    out.write("</pool>\n</node>\n")

# ---- manifests; deliberate differences on the declared side
edited = {}
if vm_count >= 10:
    edited = {vms[6]["name"]: "memory", vms[12]["name"]: "cpus", vms[20]["name"]: "state"}
if networks:
    last = networks[-1]["ipv4"]["dhcp"]
    last["end"] = last["end"].rsplit(".", 1)[0] + ".149"     # edited DHCP range on the last network

with open(os.path.join(manifest_dir, "00-infra.yaml"), "w") as out:
    out.write("apiVersion: reconcile/v1\nkind: Hypervisor\nmetadata:\n  name: bench\n"
              "spec:\n  uri: test:///default\n  domainType: kvm\n")
    out.write(f"---\napiVersion: reconcile/v1\nkind: StoragePool\nmetadata:\n  name: {POOL}\n"
              f"spec:\n  type: dir\n  path: {POOL_PATH}\n  autostart: false\n")
    for net in networks:
        ip = net["ipv4"]
        out.write(f"---\napiVersion: reconcile/v1\nkind: Network\nmetadata:\n  name: {net['name']}\n"
                  f"spec:\n  mode: nat\n  bridge: {net['bridge']}\n"
                  f"  ipv4:\n    address: {ip['address']}\n    prefix: {ip['prefix']}\n"
                  f"    dhcp: {{start: {ip['dhcp']['start']}, end: {ip['dhcp']['end']}}}\n"
                  f"  autostart: false\n")

for chunk in range(0, len(vms), 100):
    with open(os.path.join(manifest_dir, f"vms-{chunk // 100:02d}.yaml"), "w") as out:
        for vm in vms[chunk:chunk + 100]:
            cpus, memory, state = vm["cpus"], vm["memory_gib"], "running"
            change = edited.get(vm["name"])
            if change == "memory": memory += 2
            if change == "cpus": cpus += 2
            if change == "state": state = "stopped"
            nic = f"{{network: {vm['network']}, mac: \"{vm['mac']}\"}}" if vm["declare_mac"] else vm["network"]
            delete = ", deleteWithVM: true" if vm["deleteWithVM"] else ""
            out.write(f"---\napiVersion: reconcile/v1\nkind: VirtualMachine\nmetadata:\n  name: {vm['name']}\n"
                      f"spec:\n  cpus: {cpus}\n  memory: {memory}GiB\n"
                      f"  disks:\n    - {{name: root, size: {vm['size_gib']}GiB{delete}}}\n"
                      f"  networks: [{nic}]\n  state: {state}\n")

print(f"    host: {len(host_vms)} domains, {len(networks)} networks, 1 pool with {len(host_vms)} volumes "
      f"({os.path.getsize(node_path) // 1024} KiB of XML)")
print(f"    manifests: {len(os.listdir(manifest_dir))} files, {len(vms)} VMs, {len(networks)} networks, 1 pool")
PY

# ---------------------------------------------------------------------------------------------
echo "==> Writing and compiling the bare C-API programs"
cat > "$TMP/bare.c" <<'C'
/* Opens the URI and reads what reconcile's observe reads (LibvirtHypervisor.observe):
 * capabilities; every network, pool, volume and domain with its XML, state and autostart.
 * With "connect-only" as the second argument it only opens and closes the connection. */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void quiet(void *data, virErrorPtr error) { (void)data; (void)error; }
static size_t bytes;
static void take(char *text) { if (text) { bytes += strlen(text); free(text); } }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s URI [connect-only]\n", argv[0]); return 2; }
    virSetErrorFunc(NULL, quiet);
    virConnectPtr conn = virConnectOpen(argv[1]);
    if (!conn) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
    if (argc > 2 && strcmp(argv[2], "connect-only") == 0) { virConnectClose(conn); return 0; }

    int autostart, state, reason;
    take(virConnectGetCapabilities(conn));

    virNetworkPtr *networks = NULL;
    int nnet = virConnectListAllNetworks(conn, &networks, 0);
    if (nnet < 0) return 1;
    for (int i = 0; i < nnet; i++) {
        char *xml = virNetworkGetXMLDesc(networks[i], VIR_NETWORK_XML_INACTIVE);
        if (!xml) xml = virNetworkGetXMLDesc(networks[i], 0);
        take(xml);
        virNetworkIsActive(networks[i]);
        virNetworkGetAutostart(networks[i], &autostart);
        virNetworkIsPersistent(networks[i]);
        virNetworkFree(networks[i]);
    }
    free(networks);

    virStoragePoolPtr *pools = NULL;
    int npool = virConnectListAllStoragePools(conn, &pools, 0), nvol_total = 0;
    if (npool < 0) return 1;
    for (int i = 0; i < npool; i++) {
        take(virStoragePoolGetXMLDesc(pools[i], VIR_STORAGE_XML_INACTIVE));
        int active = virStoragePoolIsActive(pools[i]);
        virStoragePoolGetAutostart(pools[i], &autostart);
        virStoragePoolIsPersistent(pools[i]);
        if (active == 1) {
            virStorageVolPtr *volumes = NULL;
            int nvol = virStoragePoolListAllVolumes(pools[i], &volumes, 0);
            if (nvol < 0) return 1;
            for (int j = 0; j < nvol; j++) {
                virStorageVolInfo info;
                take(virStorageVolGetPath(volumes[j]));
                virStorageVolGetInfo(volumes[j], &info);
                take(virStorageVolGetXMLDesc(volumes[j], 0));
                virStorageVolFree(volumes[j]);
            }
            nvol_total += nvol;
            free(volumes);
        }
        virStoragePoolFree(pools[i]);
    }
    free(pools);

    virDomainPtr *domains = NULL;
    int ndom = virConnectListAllDomains(conn, &domains, 0);
    if (ndom < 0) return 1;
    for (int i = 0; i < ndom; i++) {
        char *xml = virDomainGetXMLDesc(domains[i], VIR_DOMAIN_XML_INACTIVE);
        if (!xml) xml = virDomainGetXMLDesc(domains[i], 0);
        take(xml);
        virDomainGetState(domains[i], &state, &reason, 0);
        virDomainGetAutostart(domains[i], &autostart);
        virDomainIsPersistent(domains[i]);
        virDomainFree(domains[i]);
    }
    free(domains);
    virConnectClose(conn);
    if (getenv("BARE_VERBOSE"))
        fprintf(stderr, "%d domains, %d networks, %d pools, %d volumes, %zu bytes of XML\n",
                ndom, nnet, npool, nvol_total, bytes);
    return 0;
}
C
# shellcheck disable=SC2046
cc -O2 -o "$TMP/bare" "$TMP/bare.c" $(pkg-config --cflags --libs libvirt)
echo "    bare observe: $(BARE_VERBOSE=1 "$TMP/bare" "$URI" 2>&1)"

# ---------------------------------------------------------------------------------------------
read -r -a build_argv <<<"$BUILD_CMD"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "==> Building reconcile: $BUILD_CMD"
    "${build_argv[@]}" 2>&1 | tail -n 3 | sed 's/^/    /'
fi
if [[ -n "${BENCH_BIN:-}" ]]; then
    BIN="$BENCH_BIN"
else
    BIN="$("${build_argv[@]}" --show-bin-path)/reconcile"
fi
[[ -x "$BIN" ]] || { echo "error: no reconcile binary at $BIN" >&2; exit 1; }
echo "    binary: $BIN"

# ---------------------------------------------------------------------------------------------
# measure LABEL CMD...: runs CMD $RUNS times; appends "wall_s peak_rss_kib cpu_s" per run to $TMP/LABEL.runs.
# Wall time is taken around /usr/bin/time with bash's microsecond clock (time's %e has 10 ms steps);
# peak RSS is time's %M; CPU is user + system time (%U + %S), which other load on the machine
# inflates much less than wall time.
measure() {
    local label="$1"; shift
    local run start end status elapsed rss user sys wall cpu
    : >"$TMP/$label.runs"
    for ((run = 1; run <= RUNS; run++)); do
        start=$EPOCHREALTIME
        status=0
        /usr/bin/time -f '%e %M %U %S' -o "$TMP/$label.time" "$@" >"$TMP/$label.out" 2>"$TMP/$label.err" || status=$?
        end=$EPOCHREALTIME
        if [[ $status -ne 0 ]]; then
            echo "error: $label run $run exited with status $status:" >&2
            sed 's/^/    /' "$TMP/$label.err" >&2
            exit 1
        fi
        read -r elapsed rss user sys <"$TMP/$label.time"
        python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f} {sys.argv[3]} {float(sys.argv[4]) + float(sys.argv[5]):.2f}')" \
            "$start" "$end" "$rss" "$user" "$sys" >>"$TMP/$label.runs"
        read -r wall _ cpu < <(tail -n 1 "$TMP/$label.runs")
        printf '    %-10s run %d/%d: %6s s wall (time %%e: %s s), %5s s CPU, %4d MiB peak RSS\n' \
            "$label" "$run" "$RUNS" "$wall" "$elapsed" "$cpu" "$((rss / 1024))"
    done
}

echo "==> Checking the plan (one run, text summary)"
"$BIN" plan "$MANIFESTS" --connect "$URI" --output json >"$TMP/plan.json"
python3 - "$TMP/plan.json" <<'PY'
import collections, json, sys
plan = json.load(open(sys.argv[1]))
s = plan["summary"]
kinds = collections.Counter(step["kind"] for step in plan["steps"])
print(f"    summary: {s['create']} to create, {s['update']} to update, {s['delete']} to delete; "
      f"{len(plan['steps'])} steps ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}); "
      f"{len(plan['conflicts'])} conflicts, {len(plan['notices'])} notices")
for resource in plan["resources"]:
    fields = ", ".join(f"{f['field']}" for f in resource["fields"]) or "-"
    print(f"      {resource['change']:7} {resource['address']}  [{fields}]")
PY

echo "==> Timing: reconcile plan ($RUNS runs)"
measure plan "$BIN" plan "$MANIFESTS" --connect "$URI" --output json
echo "==> Timing: reconcile validate, manifest loading only, no connection ($RUNS runs)"
measure validate "$BIN" validate "$MANIFESTS"
echo "==> Timing: bare C-API observe ($RUNS runs)"
measure bare "$TMP/bare" "$URI"
echo "==> Timing: bare connect only (test driver parses the node XML) ($RUNS runs)"
measure connect "$TMP/bare" "$URI" connect-only
echo "==> Load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# ---------------------------------------------------------------------------------------------
python3 - "$TMP" "$TARGET_WALL_S" "$TARGET_RSS_MB" "$VMS" "$NETWORKS" "$RUNS" <<'PY'
import statistics, sys
tmp, target_wall, target_rss, vms, nets, runs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), *sys.argv[4:]

def load(label):
    rows = [line.split() for line in open(f"{tmp}/{label}.runs")]
    wall = [float(r[0]) for r in rows]
    rss = [int(r[1]) / 1024 for r in rows]
    cpu = [float(r[2]) for r in rows]
    return {"wall": (statistics.median(wall), max(wall)), "rss": (statistics.median(rss), max(rss)),
            "cpu": (statistics.median(cpu), max(cpu))}

rows = [("reconcile plan", load("plan")), ("reconcile validate (YAML only)", load("validate")),
        ("bare C-API observe", load("bare")), ("bare connect only", load("connect"))]
plan, bare = rows[0][1], rows[2][1]
print()
print(f"reconcile plan on a test-driver host: {vms} VMs, {nets} networks, 1 pool; median and max of {runs} runs")
print(f"{'':32} {'wall s':>15} {'CPU s':>15} {'peak RSS MiB':>15}")
print(f"{'':32} {'median':>7} {'max':>7} {'median':>7} {'max':>7} {'median':>7} {'max':>7}")
for name, m in rows:
    print(f"{name:32} {m['wall'][0]:7.3f} {m['wall'][1]:7.3f} {m['cpu'][0]:7.2f} {m['cpu'][1]:7.2f} "
          f"{m['rss'][0]:7.1f} {m['rss'][1]:7.1f}")
print()
ok = lambda good: "met" if good else "MISSED"
print(f"target: plan wall < {target_wall:g} s      -> median {plan['wall'][0]:.3f} s: {ok(plan['wall'][0] < target_wall)}; "
      f"max {plan['wall'][1]:.3f} s: {ok(plan['wall'][1] < target_wall)}")
print(f"target: plan peak RSS < {target_rss:g} MiB -> max {plan['rss'][1]:.1f} MiB: {ok(plan['rss'][1] < target_rss)}")
print(f"ratio reconcile plan / bare observe: wall {plan['wall'][0] / bare['wall'][0]:.1f}x, "
      f"CPU {plan['cpu'][0] / max(bare['cpu'][0], 0.01):.1f}x, peak RSS {plan['rss'][0] / bare['rss'][0]:.1f}x")
print(f"reconcile's own share beyond bare observe: {plan['wall'][0] - bare['wall'][0]:.3f} s wall, "
      f"{plan['cpu'][0] - bare['cpu'][0]:.2f} s CPU, {plan['rss'][0] - bare['rss'][0]:.0f} MiB")
PY
