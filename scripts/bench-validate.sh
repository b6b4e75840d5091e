#!/usr/bin/env bash
# Measures `reconcile validate` on hostile YAML: a "billion laughs" alias bomb (nine levels of nine
# aliases, about 387 million nodes once expanded, in about 1.2 KB) and the same file with the bomb
# used as a mapping key. Prints wall time and peak RSS for each; the targets (issue 7) are under
# 1 s and under 100 MB, and validate must exit 1 naming the line of the alias that crosses the budget.
#
# Usage (from the repository root): scripts/bench-validate.sh [path/to/reconcile]
set -euo pipefail
[[ -f Package.swift ]] || { echo "error: run this from the repository root" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "error: /usr/bin/time is required (apt-get install time)" >&2; exit 1; }
bin="${1:-}"
if [[ -z $bin ]]; then
    scripts/build-release.sh --product reconcile >/dev/null
    bin="$(scripts/build-release.sh --show-bin-path)/reconcile"
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

bomb() {
    printf 'apiVersion: reconcile/v1\nkind: VirtualMachine\nmetadata: {name: vm}\nspec:\n  memory: 1G\n'
    printf '  cloudInit:\n    userData:\n      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
    for level in 1 2 3 4 5 6 7 8 9; do
        printf '      l%d: &l%d [' "$level" "$level"
        for i in 1 2 3 4 5 6 7 8 9; do printf '*l%d%s' $((level - 1)) "$([[ $i -lt 9 ]] && echo ', ')"; done
        printf ']\n'
    done
}
bomb > "$dir/bomb.yaml"
{ bomb; printf '      ? *l9\n      : boom\n'; } > "$dir/bomb-key.yaml"

status=0
for file in bomb.yaml bomb-key.yaml; do
    set +e
    /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" validate "$dir/$file" >"$dir/out" 2>&1
    code=$?
    set -e
    # time(1) writes "Command exited with non-zero status 1" first when the command fails.
    read -r seconds kib < <(tail -n 1 "$dir/time")
    printf '%-14s %5d bytes  exit %d  %6.2f s  %6.1f MB peak RSS\n' "$file" "$(wc -c < "$dir/$file")" "$code" \
        "$seconds" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
    sed 's/^/    /' "$dir/out" | head -3
    if [[ $code -ne 1 ]] || ! grep -q "aliases expand to more than" "$dir/out"; then
        echo "    FAIL: expected exit 1 and the alias-budget error" >&2; status=1
    fi
done
exit $status
