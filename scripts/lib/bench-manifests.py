"""Writes the benchmarks' manifests: one Hypervisor and COUNT stopped VMs (type qemu, no disks).

Usage: bench-manifests.py DIRECTORY COUNT PREFIX URI HYPERVISOR-NAME
Shared by scripts/bench-real-plan.sh and scripts/bench-latency.sh, so both measure the same set.
"""
import os
import sys

directory, count, prefix, uri, name = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
with open(os.path.join(directory, "00-host.yaml"), "w") as out:
    out.write(f"apiVersion: reconcile/v1\nkind: Hypervisor\nmetadata:\n  name: {name}\nspec:\n  uri: \"{uri}\"\n  domainType: qemu\n")
for chunk in range(0, count, 100):
    with open(os.path.join(directory, f"vms-{chunk // 100:02d}.yaml"), "w") as out:
        for i in range(chunk + 1, min(chunk + 100, count) + 1):
            out.write(f"---\napiVersion: reconcile/v1\nkind: VirtualMachine\nmetadata:\n  name: {prefix}{i:04d}\n"
                      f"spec:\n  cpus: {1 + i % 2}\n  memory: {64 * (1 + i % 2)}MiB\n  state: stopped\n")
