#!/bin/sh
# Re-synthesises the committed cloud assembly samples/cdk-app/cdk.out, offline once node_modules
# is installed (every stack has an explicit environment and the app does no lookups). Then run
# the snapshot test with -Dregionlint.updateSnapshots=true and review the diff (see README.md).
#   usage: ./synth.sh [OUTPUT]   (default: cdk.out)
set -eu
cd "$(dirname "$0")"
out=${1:-cdk.out}
[ -d node_modules ] || npm ci --no-audit --no-fund
rm -rf "$out"
CDK_DISABLE_VERSION_CHECK=1 npx cdk synth --no-notices --output "$out" >/dev/null
# Lambda code bundles and asset manifests: regionlint never reads them
rm -rf "$out"/asset.* "$out"/*/asset.*
find "$out" -name '*.assets.json' -delete
echo "synthesised $(find "$out" -name '*.template.json' | wc -l) templates into $out"
