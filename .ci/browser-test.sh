#!/usr/bin/env bash
# Opens the HTML pages regionlint writes in a real browser (headless Chromium) and checks them:
#   - for each sample (two-region-app, data-tier, cdk-app, all-correct), the page of
#     `regionlint graph` and of `regionlint check --format html`: the page's script ran
#     (data-rl-ready="ok" on <html>, written by the script when it finished; a script error sets
#     "error" and is shown in #rl-errors, which is grepped too), every Region of the sample is a
#     column, every finding of the JSON report is listed by the script (li.finding[data-rule])
#     and, where it is about a resource, marked on a node (data-rules); the check page has one
#     table row per finding; page.html#<node> opens with that resource selected and lists only its
#     findings. A screenshot of each graph page goes to $SCREENSHOTS (docs/images).
#   - the committed Mermaid pictures (samples/*/expected/graph.mmd) and the bench's are drawn by
#     Mermaid (npm, pinned) in the same browser without a syntax error; a broken one must fail.
#   - the 50-stack CDK bench assembly (bench/cdk50, synthesised with npm and cdk here): its page
#     is opened 3 times; the time from navigation start to the load event (measured by the page,
#     data-rl-load-ms) and the wall time of the whole browser process are printed, and its
#     screenshot is kept. No time is asserted (the machine is shared); the figures go in the log.
# Installs Debian's chromium (and fonts-dejavu-core, so screenshots have the same font everywhere)
# with apt-get when it is missing (as root, after apt-get update).
# Needs cli/target/regionlint.jar (mvn package) and node 20+/npm (mermaid, the bench).
#   bash .ci/browser-test.sh            SCREENSHOTS=/tmp/shots bash .ci/browser-test.sh
#   CDK50_OUT=/tmp/cdk50.out bash .ci/browser-test.sh    # reuse (or keep) a synthesised assembly
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
shots=${SCREENSHOTS:-docs/images}
mkdir -p "$shots"
shots=$(cd "$shots" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/regionlint-browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "browser-test: FAILED: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  [[ $(id -u) -eq 0 ]] || fail "chromium is missing and only root may install it (apt-get install chromium)"
  echo "installing Debian's chromium..."
  source .ci/apt-install.sh
  apt_install chromium fonts-dejavu-core || fail "apt-get install chromium failed (apt's log above)"
fi
chromium --version 2>/dev/null
[[ -f cli/target/regionlint.jar ]] || fail "cli/target/regionlint.jar is missing: run mvn -B package first"
regionlint() { java -jar cli/target/regionlint.jar "$@"; }

# browser ARGS...: one headless Chromium with a fresh profile, nothing fetched in the background
browser() {
  local profile
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>>"$tmp/chromium.log"
  rm -rf "$profile"
}

# check_page DOM JSON REGIONS... : what the DOM of a rendered page must show
check_page() {
  python3 - "$@" <<'PY'
import json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
report = json.load(open(sys.argv[2], encoding="utf-8"))
regions = sys.argv[3:]
problems = []
ready = re.search(r'<html[^>]*\bdata-rl-ready="([a-z]+)"', dom)
if not ready:
    problems.append("the page's script never finished (no data-rl-ready on <html>)")
elif ready.group(1) != "ok":
    problems.append("the page's script reported an error (data-rl-ready=%s)" % ready.group(1))
for error in re.findall(r'<div class="rl-error">(.*?)</div>', dom):
    problems.append("script error shown on the page: " + error)
for region in regions:
    if not re.search(r'<text class="col-title"[^>]*>' + re.escape(region) + '<', dom):
        problems.append("no column for Region " + region)
listed = re.findall(r'<li class="finding[^"]*" data-rule="(RL\d{4})"', dom)
marked = " ".join(re.findall(r'data-rules="([^"]*)"', dom)).split()
for f in report["findings"]:
    if f["ruleId"] not in listed:
        problems.append("finding %s at %s:%s is not listed" % (f["ruleId"], f["location"]["file"], f["location"]["line"]))
    if f["resource"] is not None and f["ruleId"] not in marked:
        problems.append("finding %s on %s/%s is not marked on the picture"
                        % (f["ruleId"], f["resource"]["stack"], f["resource"]["logicalId"]))
if len(listed) != len(report["findings"]):
    problems.append("%d findings listed, %d in the JSON report" % (len(listed), len(report["findings"])))
if 'id="rl-table"' in dom:
    rows = len(re.findall(r'<tr class="sev-[a-z]+[^"]*" data-finding=', dom))
    if rows != len(report["findings"]):
        problems.append("%d table rows, %d findings" % (rows, len(report["findings"])))
for p in problems:
    print("  " + p)
if not problems:
    print("  %d Regions, %d findings listed and marked, script ok" % (len(regions), len(listed)))
sys.exit(1 if problems else 0)
PY
}

declare -A regions=(
  [two-region-app]="us-east-1 eu-west-1"
  [data-tier]="us-east-1 us-east-2 us-west-2"
  [cdk-app]="us-east-1 eu-west-1"
  [all-correct]="us-east-1 us-west-2 us-east-2"
)
for sample in two-region-app data-tier cdk-app all-correct; do
  echo "--- samples/$sample"
  rc=0
  regionlint check "samples/$sample" --format json --output "$tmp/$sample.json" \
    --format html --output "$tmp/$sample-check.html" --fail-on never || rc=$?
  [[ $rc -eq 0 ]] || fail "regionlint check exited $rc on samples/$sample"
  regionlint graph "samples/$sample" --output "$tmp/$sample.html" || fail "regionlint graph exited $? on samples/$sample"
  for page in "$sample" "$sample-check"; do
    browser --dump-dom "file://$tmp/$page.html" >"$tmp/$page.dom" || fail "chromium could not open $page.html"
    # shellcheck disable=SC2086
    check_page "$tmp/$page.dom" "$tmp/$sample.json" ${regions[$sample]} || fail "the page $page.html"
  done
  browser --window-size=1600,1000 --screenshot="$shots/graph-$sample.png" "file://$tmp/$sample.html" >/dev/null
  [[ -s $shots/graph-$sample.png ]] || fail "no screenshot of $sample"
  echo "  screenshot: $shots/graph-$sample.png"
done

# Selection: the page opened as page.html#<node> shows that resource and only its findings.
python3 - "$tmp/two-region-app.dom" >"$tmp/selected.id" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
node = re.search(r'<g class="node sev-error" id="(n[0-9]+)"[^>]*data-rules="([^"]+)"', dom)
print(node.group(1) if node else "")
PY
node=$(cat "$tmp/selected.id")
[[ -n $node ]] || fail "no node with an error on the page of two-region-app"
browser --dump-dom "file://$tmp/two-region-app.html#$node" >"$tmp/selected.dom"
python3 - "$tmp/selected.dom" "$node" <<'PY' || fail "selecting $node"
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
node = sys.argv[2]
element = re.search(r'<g class="node ([^"]*)" id="' + node + r'"[^>]*data-rules="([^"]*)"', dom)
title = re.search(r'<h2 id="rl-details-title">(.*?)</h2>', dom).group(1)
label = re.search(r'<g class="node[^"]*" id="' + node + r'".*?<text class="node-label"[^>]*>(.*?)</text>', dom, re.S).group(1)
listed = set(re.findall(r'<li class="finding[^"]*" data-rule="(RL\d{4})"', dom))
problems = []
if "selected" not in element.group(1).split():
    problems.append("node %s is not marked selected" % node)
if not html.unescape(label).rstrip("…") or not html.unescape(title).startswith(html.unescape(label).rstrip("…")):
    problems.append("the details show %r, not the selected %r" % (title, label))
if listed != set(element.group(2).split()):
    problems.append("the details list %s, the node has %s" % (sorted(listed), element.group(2)))
for p in problems:
    print("  " + p)
if not problems:
    print("  %s selected: %s, its findings %s" % (node, html.unescape(title), " ".join(sorted(listed))))
sys.exit(1 if problems else 0)
PY

# Canary: a page whose script throws must fail the check, or the passes above prove nothing.
sed "s/'use strict';/'use strict'; null.canary();/" "$tmp/two-region-app.html" >"$tmp/canary.html"
grep -q 'null.canary' "$tmp/canary.html" || fail "could not plant the canary error"
browser --dump-dom "file://$tmp/canary.html" >"$tmp/canary.dom"
if check_page "$tmp/canary.dom" "$tmp/two-region-app.json" us-east-1 eu-west-1 >"$tmp/canary.out"; then
  fail "a page whose script throws passed the check"
fi
grep -q 'script error shown on the page' "$tmp/canary.out" || { cat "$tmp/canary.out" >&2; fail "the canary's error was not shown"; }
echo "--- canary: a page whose script throws is caught ($(grep -m1 'script error' "$tmp/canary.out" | sed 's/^ *//'))"

# Mermaid: the committed pictures must be diagrams Mermaid (what GitHub renders Markdown's
# ```mermaid blocks with) draws without a syntax error. Mermaid runs in the same headless browser.
mermaid_version=11.17.2
npm install --no-save --no-audit --no-fund --prefix "$tmp/mermaid" "mermaid@$mermaid_version" >"$tmp/mermaid.log" 2>&1 \
  || { tail -n 20 "$tmp/mermaid.log" >&2; fail "npm install mermaid@$mermaid_version failed"; }
cp "$tmp/mermaid/node_modules/mermaid/dist/mermaid.min.js" "$tmp/"
# mermaid_page MMD HTML: a page that renders the diagram and marks <html> data-mermaid="ok" or "error"
mermaid_page() {
  python3 - "$1" "$2" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write("""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<script type="text/plain" id="src">%s</script><div id="out"></div><pre id="err"></pre>
<script src="mermaid.min.js"></script>
<script>
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
mermaid.render('graph', document.getElementById('src').textContent).then(function (r) {
  document.getElementById('out').innerHTML = r.svg;
  document.documentElement.setAttribute('data-mermaid', 'ok');
}).catch(function (e) {
  document.getElementById('err').textContent = String(e && e.message || e);
  document.documentElement.setAttribute('data-mermaid', 'error');
});
</script></body></html>""" % text)
PY
}
# mermaid_check NAME MMD: renders it (the virtual time budget lets the asynchronous render finish)
mermaid_check() {
  mermaid_page "$2" "$tmp/mermaid-$1.html"
  browser --virtual-time-budget=20000 --dump-dom "file://$tmp/mermaid-$1.html" >"$tmp/mermaid-$1.dom"
  grep -q 'data-mermaid="ok"' "$tmp/mermaid-$1.dom"
}
for sample in two-region-app data-tier cdk-app all-correct; do
  mermaid_check "$sample" "samples/$sample/expected/graph.mmd" \
    || { grep -o '<pre id="err">[^<]*' "$tmp/mermaid-$sample.dom" >&2; fail "Mermaid cannot draw samples/$sample/expected/graph.mmd"; }
  for region in ${regions[$sample]}; do
    grep -q ">$region" "$tmp/mermaid-$sample.dom" || fail "the Mermaid drawing of $sample has no $region"
  done
done
printf 'flowchart LR\n  a --> b\n  subgraph\n' >"$tmp/broken.mmd"
if mermaid_check canary "$tmp/broken.mmd"; then
  fail "Mermaid drew a broken diagram: the Mermaid check proves nothing"
fi
echo "--- mermaid $mermaid_version draws expected/graph.mmd of every sample (a broken diagram is refused)"

echo "--- bench/cdk50: the page of a 50-stack CDK assembly"
out=${CDK50_OUT:-$tmp/cdk50.out}
if [[ ! -f $out/manifest.json ]]; then
  command -v npm >/dev/null || fail "npm is needed to synthesise bench/cdk50"
  (cd bench/cdk50 && { [[ -d node_modules ]] || npm ci --no-audit --no-fund; } \
    && CDK_DISABLE_VERSION_CHECK=1 npx cdk synth --no-notices --output "$out") >"$tmp/cdk50.log" 2>&1 \
    || { tail -n 30 "$tmp/cdk50.log" >&2; fail "could not synthesise bench/cdk50"; }
fi
regionlint check "$out" --format json --output "$tmp/cdk50.json" --fail-on never || fail "regionlint check on cdk50"
regionlint graph "$out" --output "$tmp/cdk50.html" || fail "regionlint graph on cdk50"
echo "  page: $(wc -c <"$tmp/cdk50.html") bytes, $(grep -o 'data-node="' "$tmp/cdk50.html" | wc -l) resources drawn," \
  "$(grep -o 'data-edge="' "$tmp/cdk50.html" | wc -l) links"
for run in 1 2 3; do
  start=$(date +%s%N)
  browser --dump-dom "file://$tmp/cdk50.html" >"$tmp/cdk50.dom"
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  loaded=$(grep -o 'data-rl-load-ms="[0-9]*"' "$tmp/cdk50.dom" | grep -o '[0-9]*' || echo "?")
  echo "  run $run: loaded (navigation start to load event) in $loaded ms; chromium process $wall ms"
done
check_page "$tmp/cdk50.dom" "$tmp/cdk50.json" us-east-1 eu-west-1 || fail "the page of bench/cdk50"
regionlint graph "$out" --format mermaid --output "$tmp/cdk50.mmd" || fail "regionlint graph --format mermaid on cdk50"
mermaid_check cdk50 "$tmp/cdk50.mmd" || fail "Mermaid cannot draw the picture of bench/cdk50"
echo "  mermaid: $(wc -l <"$tmp/cdk50.mmd") lines, $(wc -c <"$tmp/cdk50.mmd") characters (Mermaid's default limit: 50000), drawn"
browser --window-size=1600,1000 --screenshot="$shots/graph-cdk50.png" "file://$tmp/cdk50.html" >/dev/null
echo "  screenshot: $shots/graph-cdk50.png"
echo "browser-test: ok"
