#!/usr/bin/env python3
"""Fuzz check: regionlint must survive damaged templates.

Mutates the templates of ../shared/corpus and samples/ (delete, duplicate or re-indent a line,
flip a character, truncate; one to three mutations each, from a fixed seed, so every run writes
the same mutants), writes them into folders of 100 files, and lints each folder with the built
jar in its own JVM (and, the same way, copies of the samples whose project file is mutated):

    java -jar cli/target/regionlint.jar check FOLDER --regions us-east-1,eu-west-1 \
        --format json --output FOLDER.json --fail-on never

It fails on exit code 4 (an internal error), on any other exit code but 0, 1 and 3 (3 is the
expected answer to a file that cannot be parsed), on a Java stack trace on stdout or stderr, on a
missing or unreadable JSON report, and on a run over the time limit. For each failing folder it
lints the folder's files one by one to name the mutants that fail, with the source file and the
mutations, so that the failure can be reproduced (the mutants are deterministic: rerun with
--keep DIR to look at them). Prints the counts and the timing.

Usage: python3 .ci/fuzz.py [--seed N] [--mutants N] [--jobs N] [--timeout S] [--keep DIR]
Run from the repository root (.ci/run does), after `mvn package`.
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "cli" / "target" / "regionlint.jar"
SOURCES = [ROOT.parent / "shared" / "corpus", ROOT / "samples"]
EXTENSIONS = {".yaml", ".yml", ".json", ".template"}
# folders that hold no templates of the sources' own (expected reports, npm's tree)
SKIPPED_DIRS = {"node_modules", "expected", ".git", "target"}
FOLDER_SIZE = 100
STACK_TRACE = re.compile(r"(Exception in thread|^\s+at [\w$.<>]+\(|^Caused by: |^(java|javax|jdk|sun|com|org|io)\.[\w.$]+(Exception|Error)\b)", re.M)
# characters a flip may write: YAML and JSON syntax, quotes, tabs, a NUL, non-ASCII, a BOM
FLIP_CHARS = [b":", b"-", b"{", b"}", b"[", b"]", b",", b"\"", b"'", b"!", b"&", b"*", b"#", b"|", b">",
              b"%", b"@", b"`", b"\\", b"\t", b" ", b"\n", b"\x00", b"0", b"9", b"a", b"Z", "\u00e9".encode(),
              "\ufeff".encode(), b"\xff"]


def tracked():
    """The files git tracks in this checkout, or None outside git: the sources must not depend on
    what a build or `cdk synth` left beside them (ignored asset files), or the mutants would too."""
    try:
        listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return {(ROOT / name).resolve() for name in listed.stdout.decode("utf-8").split("\0") if name}


def sources():
    files = []
    in_git = tracked()
    for base in SOURCES:
        if not base.is_dir():
            sys.exit(f"fuzz: {base} not found")
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if in_git is not None and base == ROOT / "samples" and path.resolve() not in in_git:
                    continue
                # a project file would turn its folder of mutants into a project, leaving the rest unread
                if path.suffix in EXTENSIONS and name != ".regionlint.yaml":
                    files.append(path)
    return files


def mutate(data, rng):
    """Applies one mutation; returns the new bytes and what was done."""
    lines = data.split(b"\n")
    kind = rng.choice(["delete-line", "duplicate-line", "reindent-line", "flip-char", "flip-char", "truncate"])
    if kind == "truncate" or len(data) == 0:
        cut = rng.randrange(0, len(data) + 1)
        return data[:cut], f"truncate at byte {cut}"
    if kind == "flip-char":
        at = rng.randrange(0, len(data))
        if rng.random() < 0.3:
            bit = 1 << rng.randrange(8)
            return data[:at] + bytes([data[at] ^ bit]) + data[at + 1:], f"flip bit {bit:#04x} at byte {at}"
        new = rng.choice(FLIP_CHARS)
        return data[:at] + new + data[at + 1:], f"replace byte {at} with {new!r}"
    n = rng.randrange(0, len(lines))
    if kind == "delete-line":
        return b"\n".join(lines[:n] + lines[n + 1:]), f"delete line {n + 1}"
    if kind == "duplicate-line":
        return b"\n".join(lines[:n + 1] + lines[n:]), f"duplicate line {n + 1}"
    line = lines[n]
    stripped = line.lstrip(b" \t")
    indent = len(line) - len(stripped)
    choice = rng.choice(["+1", "+2", "+4", "-1", "-2", "tab", "none"])
    if choice == "tab":
        new_indent = b"\t" * max(1, indent // 2)
    elif choice == "none":
        new_indent = b""
    else:
        new_indent = b" " * max(0, indent + int(choice))
    lines[n] = new_indent + stripped
    return b"\n".join(lines), f"re-indent line {n + 1} ({choice})"


def write_mutants(work, count, seed):
    rng = random.Random(seed)
    files = sources()
    contents = {f: f.read_bytes() for f in files}
    kinds = {}
    folders = []
    manifest = {}
    for i in range(count):
        folder = work / f"batch-{i // FOLDER_SIZE:02d}"
        if i % FOLDER_SIZE == 0:
            folder.mkdir(parents=True)
            folders.append(folder)
        source = rng.choice(files)
        data = contents[source]
        done = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            data, what = mutate(data, rng)
            done.append(what)
            kinds[what.split(" ")[0]] = kinds.get(what.split(" ")[0], 0) + 1
        name = f"m{i:04d}{source.suffix}"
        (folder / name).write_bytes(data)
        shown = os.path.relpath(source, ROOT)
        manifest[folder / name] = f"{shown}: {'; '.join(done)}"
    return folders, manifest, len(files), kinds


def write_project_mutants(work, count, seed):
    """Copies of each sample that has a project file, with the project file mutated: one run each."""
    rng = random.Random(seed + 1)
    samples = sorted(p.parent for p in (ROOT / "samples").glob("*/.regionlint.yaml"))
    projects = []
    manifest = {}
    for i in range(count):
        sample = samples[i % len(samples)]
        copy = work / f"project-{i:03d}"
        shutil.copytree(sample, copy, ignore=shutil.ignore_patterns(*SKIPPED_DIRS))
        project_file = copy / ".regionlint.yaml"
        data = project_file.read_bytes()
        done = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            data, what = mutate(data, rng)
            done.append(what)
        project_file.write_bytes(data)
        projects.append(copy)
        manifest[copy] = f"{os.path.relpath(sample / '.regionlint.yaml', ROOT)}: {'; '.join(done)}"
    return projects, manifest


def run(target, report, timeout, debug=False):
    command = ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(JAR), "check", str(target),
               "--regions", "us-east-1,eu-west-1", "--format", "json", "--output", str(report),
               "--fail-on", "never"] + (["--debug"] if debug else [])
    start = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, cwd=ROOT,
                              env={k: v for k, v in os.environ.items() if k not in ("JAVA_OPTS", "JAVA_TOOL_OPTIONS")})
    except subprocess.TimeoutExpired as e:
        return {"timeout": True, "seconds": time.monotonic() - start, "code": None,
                "out": (e.stdout or b"").decode("utf-8", "replace"), "err": (e.stderr or b"").decode("utf-8", "replace")}
    return {"timeout": False, "seconds": time.monotonic() - start, "code": done.returncode,
            "out": done.stdout.decode("utf-8", "replace"), "err": done.stderr.decode("utf-8", "replace")}


def problems(result, report):
    found = []
    if result["timeout"]:
        found.append("over the time limit")
    elif result["code"] not in (0, 1, 3):
        found.append(f"exit code {result['code']}")
    for stream in ("out", "err"):
        match = STACK_TRACE.search(result[stream])
        if match:
            found.append(f"stack trace on std{stream}: {match.group(0).strip()}")
    if not result["timeout"] and result["code"] in (0, 1, 3):
        try:
            json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            found.append(f"no readable JSON report ({e.__class__.__name__})")
    return found


def culprits(folder, manifest, timeout):
    """Lints the files of a failing folder one by one: which mutants fail, and how."""
    named = []
    with tempfile.TemporaryDirectory(prefix="regionlint-fuzz-one-") as scratch:
        for mutant in sorted(folder.iterdir()):
            one = Path(scratch) / mutant.name
            shutil.copyfile(mutant, one)
            report = Path(scratch) / "report.json"
            result = run(one, report, timeout, debug=True)
            found = problems(result, report)
            if found:
                trace = [line for line in (result["err"] + result["out"]).splitlines()
                         if STACK_TRACE.search(line)][:6]
                named.append((manifest[mutant], found, trace))
            one.unlink()
    return named


def check_detector():
    """The checks must flag what they exist for, or a clean run proves nothing."""
    trace = "regionlint: internal error: x\njava.lang.IllegalStateException: boom\n\tat io.regionlint.A.b(A.java:1)\n"
    cases = [({"timeout": False, "code": 4, "out": "", "err": "regionlint: internal error: x"}, "exit code 4"),
             ({"timeout": False, "code": 3, "out": "", "err": trace}, "stack trace"),
             ({"timeout": False, "code": 1, "out": "Exception in thread \"main\" x", "err": ""}, "stack trace"),
             ({"timeout": True, "code": None, "out": "", "err": ""}, "time limit")]
    for result, expected in cases:
        found = problems(result, Path("/nonexistent/report.json"))
        if not any(expected in f for f in found):
            sys.exit(f"fuzz: the detector misses '{expected}' in {result}: {found}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--mutants", type=int, default=1600)
    parser.add_argument("--project-mutants", type=int, default=24,
                        help="copies of the samples with a mutated .regionlint.yaml, one run each")
    parser.add_argument("--jobs", type=int, default=2, help="folders linted at once (one JVM each)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per folder")
    parser.add_argument("--keep", type=Path, help="write the mutants here and keep them")
    args = parser.parse_args()
    if not JAR.is_file():
        sys.exit(f"fuzz: {JAR} not found: run 'mvn -B package' first")

    check_detector()
    started = time.monotonic()
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="regionlint-fuzz-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    folders, manifest, source_count, kinds = write_mutants(work, args.mutants, args.seed)
    projects, project_manifest = write_project_mutants(work, args.project_mutants, args.seed)
    written = time.monotonic()
    print(f"fuzz: {args.mutants} mutants of {source_count} source files (seed {args.seed}) in {len(folders)} "
          f"folders of up to {FOLDER_SIZE}, and {len(projects)} samples with a mutated project file, written in "
          f"{written - started:.1f} s; template mutations: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))

    def lint(folder):
        report = folder.with_suffix(".report.json")
        result = run(folder, report, args.timeout)
        return folder, report, result

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lint, folders + projects))
    linted = time.monotonic()

    codes = {}
    errors = findings = files = 0
    failing = []
    for folder, report, result in results:
        key = "timeout" if result["timeout"] else str(result["code"])
        codes[key] = codes.get(key, 0) + 1
        found = problems(result, report)
        if found:
            failing.append((folder, found))
            continue
        data = json.loads(report.read_text(encoding="utf-8"))
        errors += len(data.get("errors") or [])
        findings += len(data.get("findings") or [])
        files += (data.get("summary") or {}).get("files", 0)
    folder_results = results[:len(folders)]
    seconds = sorted(r["seconds"] for _, _, r in folder_results)
    slowest = max(folder_results, key=lambda r: r[2]["seconds"])[0].name
    project_seconds = sorted(r["seconds"] for _, _, r in results[len(folders):]) or [0.0]
    print(f"fuzz: {len(results)} runs in {linted - written:.1f} s ({args.jobs} at once); per folder of "
          f"{FOLDER_SIZE}: min {seconds[0]:.1f} s, median {statistics.median(seconds):.1f} s, max "
          f"{seconds[-1]:.1f} s ({slowest}; limit {args.timeout:.0f} s); per project: median "
          f"{statistics.median(project_seconds):.1f} s, max {project_seconds[-1]:.1f} s")
    print("fuzz: exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(codes.items()))
          + f"; {files} files read as templates, {errors} input errors, {findings} findings")

    if failing:
        print(f"fuzz: FAILED: {len(failing)} of {len(folders)} folders", file=sys.stderr)
        for folder, found in failing:
            print(f"  {folder.name}: {'; '.join(found)}", file=sys.stderr)
            if folder in project_manifest:
                print(f"    {project_manifest[folder]}", file=sys.stderr)
                continue
            for source, why, trace in culprits(folder, manifest, args.timeout):
                print(f"    {source} -> {'; '.join(why)}", file=sys.stderr)
                for line in trace:
                    print(f"        {line.strip()}", file=sys.stderr)
        print(f"fuzz: mutants kept in {work}", file=sys.stderr)
        print(f"fuzz: total {time.monotonic() - started:.1f} s", file=sys.stderr)
        return 1
    if not args.keep:
        shutil.rmtree(work)
    print(f"fuzz: ok: no internal error, stack trace or timeout; total {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
