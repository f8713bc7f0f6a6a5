#!/usr/bin/env bash
# The pre-commit hooks, tested for real: Debian's `pre-commit` framework and git, in a temporary
# repository, with .pre-commit-hooks.yaml and hooks/pre-commit as committed at HEAD of this
# checkout (pre-commit clones a hook repository at a commit, so uncommitted changes to the hook
# are not what runs; the script warns about them). Also the plain git hook that
# `regionlint install-hook` writes. Needs the built jar (cli/target/regionlint.jar).
#
# Checks: a commit touching nothing regionlint reads never starts Java; a clean project commits;
# a commit adding a defect is refused with the finding printed; old findings elsewhere in a
# project do not block a commit; the whole-project hook catches a deleted template; the
# install-hook hook refuses a defect too. Prints the hook's wall time on one loose template and
# on the two-Region sample.
set -Eeuo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=$root/cli/target/regionlint.jar
[[ -f $jar ]] || { echo "precommit-test: $jar missing: run mvn -B verify first" >&2; exit 1; }

if ! command -v pre-commit >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "precommit-test: installing Debian's pre-commit package"
    source "$root/.ci/apt-install.sh"
    apt_install pre-commit || { echo "precommit-test: apt-get install pre-commit failed (apt's log above)" >&2; exit 1; }
  else
    echo "precommit-test: pre-commit is not installed (apt-get install pre-commit)" >&2
    exit 1
  fi
fi
echo "precommit-test: $(pre-commit --version), $(git --version)"

if [[ -n $(git -C "$root" status --porcelain -- hooks .pre-commit-hooks.yaml) ]]; then
  echo "precommit-test: WARNING: hooks/ or .pre-commit-hooks.yaml have uncommitted changes; HEAD's are tested" >&2
fi
rev=$(git -C "$root" rev-parse HEAD)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/regionlint-precommit.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME=$tmp/pre-commit-cache
export GIT_CONFIG_GLOBAL=$tmp/gitconfig GIT_CONFIG_NOSYSTEM=1
git config --global user.email ci@example.com
git config --global user.name "regionlint CI"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

# regionlint, through a wrapper that records each start of the JVM
mkdir -p "$tmp/bin"
cat > "$tmp/bin/regionlint" <<EOF
#!/usr/bin/env bash
echo "\$*" >> "$tmp/calls"
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$jar" "\$@"
EOF
chmod +x "$tmp/bin/regionlint"
export REGIONLINT=$tmp/bin/regionlint
touch "$tmp/calls"

failures=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAILED: $*" >&2; failures=$((failures + 1)); }
calls() { wc -l < "$tmp/calls" | tr -d ' '; }

copy_project() { # copy a sample project without its expected output
  mkdir -p "$2"
  cp -R "$1/templates" "$1/.regionlint.yaml" "$2/"
}

# ------------------------------------------------------------------------------------------
echo "== the pre-commit framework (hook id: regionlint)"
repo=$tmp/repo
mkdir -p "$repo" && cd "$repo"
git init -q
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: regionlint
EOF
pre-commit install >/dev/null
echo "# Northwind infrastructure" > README.md
git add .pre-commit-config.yaml README.md
if git commit -q -m "unrelated files" >"$tmp/out" 2>&1; then
  [[ $(calls) -eq 0 ]] && pass "a commit of unrelated files passes without starting regionlint" \
    || fail "regionlint ran on a commit that touches no template: $(cat "$tmp/calls")"
else
  cat "$tmp/out"; fail "a commit of unrelated files was refused"
fi

copy_project "$root/samples/all-correct" app
git add app
if git commit -q -m "a correct two-Region project" >"$tmp/out" 2>&1; then
  [[ $(calls) -eq 1 ]] && grep -q -- "check app --changed" "$tmp/calls" \
    && pass "a clean project commits (regionlint ran once, on the whole project)" \
    || fail "expected one 'check app --changed ...' run, got: $(cat "$tmp/calls")"
else
  cat "$tmp/out"; fail "a commit of the correct project was refused"
fi

sed -i 's/Time: { Minutes: 15 }/Time: { Minutes: 10 }/' app/templates/data.yaml
git add app/templates/data.yaml
if git commit -q -m "shorter replication time" >"$tmp/out" 2>&1; then
  fail "a commit that adds a defect (RTC of 10 minutes) was accepted"
else
  grep -q "app/templates/data.yaml:[0-9]*:[0-9]*: error: .*\[RL2006 s3-rtc-shape\]" "$tmp/out" \
    && pass "a commit that adds a defect is refused with the finding printed" \
    || { cat "$tmp/out"; fail "the refused commit did not print the RL2006 finding"; }
fi
git checkout -q -- app/templates/data.yaml 2>/dev/null || git restore --staged --worktree app/templates/data.yaml

copy_project "$root/samples/two-region-app" legacy
git add legacy
git commit -q --no-verify -m "a project with known findings, committed past the hook"
before=$(calls)
printf '\n# reviewed\n' >> legacy/templates/orders.yaml
git add legacy/templates/orders.yaml
if git commit -q -m "touch a template without findings" >"$tmp/out" 2>&1; then
  # pre-commit shows a passing hook's output only with verbose: the recorded call proves the lint
  [[ $(calls) -gt $before ]] && tail -n 1 "$tmp/calls" | grep -q -- "check legacy --changed legacy/templates/orders.yaml" \
    && pass "old findings elsewhere in the project do not block a commit (the whole project was linted)" \
    || { cat "$tmp/out" "$tmp/calls"; fail "the project of the changed template was not linted"; }
else
  cat "$tmp/out"; fail "old findings in other files blocked a commit"
fi

# the hook's wall time: one loose template, and the two-Region sample
cp "$root/samples/two-region-app/templates/orders.yaml" loose.yaml
t0=$(date +%s%N)
pre-commit run regionlint --files loose.yaml >"$tmp/out" 2>&1 || true
t1=$(date +%s%N)
pre-commit run regionlint --files legacy/templates/media.yaml >"$tmp/out2" 2>&1 || true
t2=$(date +%s%N)
grep -q "loose.yaml" "$tmp/calls" && pass "a loose template is linted by itself" \
  || fail "the loose template was not passed to regionlint: $(tail -n 1 "$tmp/calls")"
echo "  hook wall time (pre-commit run, JVM included): one template $(( (t1 - t0) / 1000000 )) ms," \
  "two-Region sample (4 templates, 7 stacks) $(( (t2 - t1) / 1000000 )) ms"

# ------------------------------------------------------------------------------------------
echo "== the pre-commit framework (hook id: regionlint-project)"
repo2=$tmp/repo2
mkdir -p "$repo2" && cd "$repo2"
git init -q
copy_project "$root/samples/all-correct" .
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: regionlint-project
EOF
pre-commit install >/dev/null
git add . && git commit -q -m "project" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "the whole-project hook refused a correct project"; }
git rm -q templates/keys.yaml
if git commit -q -m "drop the keys stack" >"$tmp/out" 2>&1; then
  fail "deleting a template the project file names was accepted"
else
  grep -q "templates/keys.yaml" "$tmp/out" && pass "the whole-project hook refuses a commit that deletes a template" \
    || { cat "$tmp/out"; fail "the refusal does not name the deleted template"; }
fi

# ------------------------------------------------------------------------------------------
echo "== a plain git hook from 'regionlint install-hook'"
repo3=$tmp/repo3
mkdir -p "$repo3" && cd "$repo3"
git init -q
"$REGIONLINT" install-hook --command "$REGIONLINT" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "install-hook failed"; }
copy_project "$root/samples/all-correct" app
echo "notes" > NOTES.txt
before=$(calls)
git add NOTES.txt && git commit -q -m "notes" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "unrelated commit refused"; }
[[ $(calls) -eq $before ]] && pass "an unrelated commit does not start regionlint" || fail "regionlint ran for NOTES.txt"
git add app && git commit -q -m "app" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "clean project refused by the git hook"; }
sed -i 's/Time: { Minutes: 15 }/Time: { Minutes: 10 }/' app/templates/data.yaml
git add app
if git commit -q -m "defect" >"$tmp/out" 2>&1; then
  fail "the git hook accepted a defect"
else
  grep -q "\[RL2006 s3-rtc-shape\]" "$tmp/out" && pass "the git hook refuses a defect with the finding printed" \
    || { cat "$tmp/out"; fail "the git hook's refusal did not print RL2006"; }
fi

echo
if [[ $failures -gt 0 ]]; then
  echo "precommit-test: $failures check(s) FAILED"
  exit 1
fi
echo "precommit-test: every check passed"
