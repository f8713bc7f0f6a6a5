#!/bin/sh
# Re-synthesises the test cloud assemblies. Needs node 20+ and, in each app folder (or a parent),
# node_modules with the versions package.json pins (npm install). Works offline: every stack has
# an explicit environment or none, and no app does lookups.
set -e
cd "$(dirname "$0")"
export CDK_DISABLE_VERSION_CHECK=1
for app in cross-region stages env-agnostic nested-stages; do
  (cd "$app" && rm -rf cdk.out && npx cdk synth --no-notices --output cdk.out >/dev/null \
    && rm -rf cdk.out/asset.* cdk.out/*/asset.* cdk.out/*/*/asset.* \
    && find cdk.out -name '*.assets.json' -delete)
  echo "synthesised $app"
done
