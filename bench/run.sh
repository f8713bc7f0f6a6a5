#!/usr/bin/env bash
# Benchmark the regionlint CLI on generated two-Region systems (see bench/README.md).
#
#   bench/run.sh [--runs K] [--cases LIST] [--seed S] [--doc FILE | --no-doc] [--keep]
#
# Prints a Markdown table and writes it into docs/performance.md between
# <!-- bench:begin --> and <!-- bench:end -->. REGIONLINT overrides the launcher
# (default ./regionlint), e.g. REGIONLINT="java -jar cli/target/regionlint.jar".
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

ALL_CASES="small,one-50,20x50,200x50,2000x50,one-1000,one-5000,one-17000,ring-3000"
runs=5
seed=1
cases=$ALL_CASES
doc="$root/docs/performance.md"
write_doc=1
keep=0

usage() {
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  echo
  echo "Cases: $ALL_CASES (default); on request: config-100k, 200x50-rules50, drift-100k"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --doc) doc=$2; shift 2 ;;
    --no-doc) write_doc=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs needs a positive number" >&2; exit 2; }

# case name -> "kind templates resources"
case_spec() {
  case "$1" in
    small) echo "single 1 5" ;;
    one-50) echo "single 1 50" ;;
    20x50) echo "project 20 50" ;;
    200x50) echo "project 200 50" ;;
    2000x50) echo "project 2000 50" ;;
    one-1000) echo "single 1 1000" ;;
    one-5000) echo "single 1 5000" ;;
    one-17000) echo "single 1 17000" ;; # one template of about 16 MB (issue 13: RSS <= 20x its size)
    ring-3000) echo "ring 1 3000" ;;
    config-100k) echo "config 1 100000" ;;
    200x50-rules50) echo "rules 200 50" ;;
    drift-100k) echo "drift 200 50" ;;
    *) return 1 ;;
  esac
}

IFS=',' read -r -a selected <<< "$cases"
for name in "${selected[@]}"; do
  case_spec "$name" >/dev/null || { echo "run.sh: unknown case '$name' (cases: $ALL_CASES)" >&2; exit 2; }
done

cd "$root"

# The command under test. REGIONLINT may hold a command with arguments.
if [[ -n "${REGIONLINT:-}" ]]; then
  read -r -a cmd <<< "$REGIONLINT"
else
  cmd=(./regionlint)
  if [[ ! -f cli/target/regionlint.jar ]]; then
    echo "run.sh: cli/target/regionlint.jar is missing; building it" >&2
    mvn -B -q -DskipTests package
  fi
  [[ -x ./regionlint ]] || { echo "run.sh: ./regionlint launcher not found or not executable" >&2; exit 1; }
fi

# GNU time gives the peak resident set size (%M, KiB).
if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: installing GNU time" >&2
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/regionlint-bench.XXXXXX")
if [[ $keep -eq 1 ]]; then
  echo "run.sh: keeping generated cases in $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

results="$work/results.tsv"
: > "$results"
failed_runs=0

for name in "${selected[@]}"; do
  read -r kind templates resources <<< "$(case_spec "$name")"
  dir="$work/$name"
  sub=check
  if [[ $kind == drift ]]; then
    # regionlint drift: 200 x 50 templates against 100,000 deployed items named as the templates
    # name their buckets and tables, within a 1 GiB heap (issue 9)
    python3 "$here/generate.py" --templates "$templates" --resources "$resources" --seed "$seed" --out "$dir/project"
    python3 "$here/generate_config.py" --items 100000 --seed "$seed" --gzip --declared --out "$dir/config"
    target=("$dir/project" --deployed "$dir/config")
    sub=drift
  elif [[ $kind == config ]]; then
    # deployed state: a gzipped AWS Config snapshot, checked within a 1 GiB heap (issue 8)
    python3 "$here/generate_config.py" --items "$resources" --seed "$seed" --gzip --out "$dir/snapshot.json.gz"
    target=(--deployed "$dir" --regions "us-east-1,us-west-2")
  elif [[ $kind == ring ]]; then
    python3 "$here/generate.py" --ring "$resources" --out "$dir"
    target=("$dir/template.yaml" --regions "us-east-1")
  elif [[ $kind == single ]]; then
    python3 "$here/generate.py" --single --resources "$resources" --seed "$seed" --out "$dir"
    target=("$dir/template.yaml" --regions "us-east-1,us-west-2")
  elif [[ $kind == rules ]]; then
    # 200 x 50 with 50 team rules (issue 12: at most 20% over 200x50 without them)
    python3 "$here/generate.py" --templates "$templates" --resources "$resources" --seed "$seed" --rules 50 \
      --out "$dir"
    target=("$dir" --rules "$dir/rules.rlr")
  else
    python3 "$here/generate.py" --templates "$templates" --resources "$resources" --seed "$seed" --out "$dir"
    target=("$dir")
  fi

  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')

  # One untimed run that keeps the JSON report, to show what the linter saw.
  report="$work/$name.json"
  rm -f "$report"
  if "${cmd[@]}" "$sub" "${target[@]}" --format json --output "$report" --fail-on never \
       >"$work/check.out" 2>"$work/check.err"; then check_rc=0; else check_rc=$?; fi

  echo "run.sh: $name: $runs timed runs" >&2
  times=() rss=() codes=()
  for ((i = 1; i <= runs; i++)); do
    start=$(date +%s%N)
    if /usr/bin/time -f %M -o "$work/rss" "${cmd[@]}" "$sub" "${target[@]}" --format json \
         --output /dev/null --fail-on never >"$work/run.out" 2>"$work/run.err"; then rc=0; else rc=$?; fi
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
    rss+=("$(tail -n 1 "$work/rss")")
    codes+=("$rc")
    if [[ $rc -ne 0 ]]; then
      failed_runs=$((failed_runs + 1))
      echo "run.sh: $name run $i exited $rc; stderr:" >&2
      head -n 20 "$work/run.err" >&2
    fi
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" "$templates" "$resources" \
    "${times[*]}" "${rss[*]}" "${codes[*]}" "$check_rc" "$report" "$bytes" >> "$results"
done

version=$("${cmd[@]}" --version 2>/dev/null | head -n 1 || true)

# Summarise, print the table, and rewrite the marked block of the performance page.
python3 - "$results" "$doc" "$write_doc" "$failed_runs" "$runs" "$seed" "${version:-unknown}" <<'PY'
import json, os, platform, re, statistics, subprocess, sys, time

results, doc, write_doc, failed_runs, runs, seed, version = sys.argv[1:]
REGIONS = 2
TARGETS = {"small": 0.3, "200x50": 2.0, "one-5000": 1.5}   # seconds, end to end including JVM start (issue 13)
RSS_TARGETS = {"2000x50": 1536}        # peak RSS, MiB (issue 13: 1.5 GiB)
RSS_FACTORS = {"one-17000": 20}        # peak RSS at most this many times the input's size (issue 13)
SCALING_TARGET = 10.0

def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
        java = java.splitlines()[0] if java else "java: unknown"
    except OSError:
        java = "java: not found"
    return f"{os.cpu_count()} cores ({cpu}){mem}; {platform.system()} {platform.release()}; {java}"

def size_label(size):
    return f"{size / 1024:.0f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MiB"

rows, medians = [], {}
for line in open(results):
    name, kind, templates, resources, times, rss, codes, check_rc, report, size = line.rstrip("\n").split("\t")
    secs = [int(t) / 1e6 for t in times.split()]
    median = statistics.median(secs)
    medians[name] = median
    work = int(templates) * int(resources) * REGIONS
    peak = max(int(r) for r in rss.split() if r.isdigit()) / 1024 if rss.strip() else 0
    seen = "n/a"
    try:
        summary = json.load(open(report)).get("summary", {})
        findings = sum(summary.get(k, 0) or 0 for k in ("error", "warning", "note"))
        seen = f"{summary.get('stacks', '?')} / {summary.get('resources', '?')} / {findings}"
    except (OSError, ValueError, AttributeError):
        pass
    exits = sorted(set(codes.split()))
    verdicts = []
    if name in TARGETS:
        verdicts.append(f"≤ {TARGETS[name]:g} s {'✅' if median <= TARGETS[name] else '❌'}")
    if name in RSS_TARGETS:
        verdicts.append(f"≤ {RSS_TARGETS[name]:,} MiB {'✅' if peak <= RSS_TARGETS[name] else '❌'}")
    if name in RSS_FACTORS and int(size) > 0:
        factor = peak * 1024 * 1024 / int(size)
        verdicts.append(f"RSS {factor:.1f}× the input, ≤ {RSS_FACTORS[name]}× "
                        f"{'✅' if factor <= RSS_FACTORS[name] else '❌'}")
    verdict = "; ".join(verdicts)
    shape = (f"ring of {resources} buckets, 1 template" if kind == "ring"
             else f"1 template × {resources}" if kind == "single"
             else f"{templates} templates × {resources}, 50 team rules" if kind == "rules"
             else f"drift: {templates} templates × {resources} against 100,000 deployed items" if kind == "drift"
             else f"{templates} templates × {resources}")
    rows.append([name, shape, size_label(int(size)), f"{work:,}", f"{median:.3f}", f"{min(secs):.3f}–{max(secs):.3f}",
                 f"{work / median:,.0f}" if median > 0 else "∞", f"{peak:.0f}",
                 ",".join(exits) + (f" (check {check_rc})" if check_rc != "0" else ""),
                 seen, verdict])

header = ["Case", "Input", "Input size", "Resources × Regions", "Median wall (s)", "Min–max (s)",
          "Resources × Regions / s", "Peak RSS (MiB)", "Exit", "Stacks / resources / findings",
          "Target"]
table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
table += ["| " + " | ".join(row) + " |" for row in rows]

lines = [f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine()}; "
         f"regionlint `{version}`; median of {runs} runs; generator seed {seed}.", ""]
lines += table
if "2000x50" in medians and "200x50" in medians and medians["200x50"] > 0:
    ratio = medians["2000x50"] / medians["200x50"]
    verdict = "✅" if ratio <= SCALING_TARGET else "❌"
    scaling = (f"Scaling: time(2000x50) / time(200x50) = {ratio:.2f} "
               f"(10x the input; target ≤ {SCALING_TARGET:g}) {verdict}")
    lines += ["", scaling]
block = "\n".join(lines)
print(block)

if int(failed_runs):
    print(f"\nrun.sh: {failed_runs} run(s) exited non-zero; {doc} left unchanged.", file=sys.stderr)
    sys.exit(1)
if write_doc != "1":
    sys.exit(0)

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
INTRO = """# Performance

How fast `regionlint check` is, measured end to end as a user runs it: the whole process,
JVM start included, on two-Region systems generated by `bench/generate.py` (S3 buckets
replicating both ways, IAM replication roles, DynamoDB global tables, KMS keys, Aurora global
database members, Route 53 failover records, Lambda functions, SQS queues, CloudWatch alarms;
short-form tags, Mappings keyed by Region, Conditions). Every template is deployed to
us-east-1 and us-west-2, so each resource is linted twice. Each case reports the median wall
time of several runs, resources × Regions per second, and the peak resident memory (GNU time).

Machine: the project's standard one (2 cores, 24 GiB, the same kind CI runs on); the first line
of the block below records the exact CPU, kernel and JDK of the measurement.

Targets:
- one small template, end to end including JVM start: **≤ 0.6 s** (pre-commit must feel instant);
- 200 templates × 50 resources: **≤ 3 s**;
- 10x more input costs **≤ 12x** the time (2,000 × 50 against 200 × 50): linear, not superlinear.

For comparison, `../shared/reference/performance-anchors.md` has what users run today on the
same kind of machine. Regenerate the table below with `bench/run.sh` (see `bench/README.md`);
everything outside the markers is kept.

"""
text = open(doc, encoding="utf-8").read() if os.path.exists(doc) else INTRO + BEGIN + "\n" + END + "\n"
if BEGIN in text and END in text and text.index(BEGIN) < text.index(END):
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    text = head + BEGIN + "\n" + block + "\n" + END + tail
else:
    text = text.rstrip("\n") + "\n\n" + BEGIN + "\n" + block + "\n" + END + "\n"
os.makedirs(os.path.dirname(os.path.abspath(doc)), exist_ok=True)
with open(doc, "w", encoding="utf-8") as f:
    f.write(text)
print(f"\nrun.sh: wrote {doc}", file=sys.stderr)
PY
