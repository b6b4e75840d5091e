#!/usr/bin/env bash
# Regenerates the docs made from the code: docs/manifests.md and docs/reconcile.schema.json from the
# field catalog (Sources/Spec/FieldCatalog*.swift), docs/reconcile.1 from the argument parser.
# FieldCatalogTests fail when the first two are stale; DocsCLITests when the man page misses a command.
set -euo pipefail
cd "$(dirname "$0")/.."
# The help abstracts follow the locale (LC_ALL, LC_MESSAGES, LANG); the committed docs are English.
export LC_ALL=C

swift build --product reconcile
bin="$(swift build --show-bin-path)/reconcile"
"$bin" schema > docs/reconcile.schema.json
"$bin" schema --markdown > docs/manifests.md

# swift-argument-parser's plugin; a debug build is enough and much faster than its release default.
# The date is the last commit's, so regenerating an unchanged parser changes nothing.
swift package --disable-sandbox plugin generate-manual --configuration debug \
    --date "$(git log -1 --format=%cs)" >/dev/null
cp .build/plugins/GenerateManual/outputs/reconcile/reconcile.1 docs/reconcile.1
echo "docs/manifests.md, docs/reconcile.schema.json and docs/reconcile.1 regenerated"
