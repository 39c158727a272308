#!/usr/bin/env bash
# Benchmark: `lettrine lint` on a large plain Fluent tree, next to Mozilla's
# compare-locales on the same tree.
#
#   bash benches/lint.sh [TREE_DIR]
#
# Generates the tree (benches/fluent_tree.py: en-US and fr, 300 files and
# 4,485 messages per locale by default, about 1% of the French with planted
# problems) into TREE_DIR, or a temporary folder removed at the end. Then
# times each tool RUNS times after one warm-up run, and prints the median and
# best wall-clock time, the peak RSS of one run and the number of findings.
#
# Environment:
#   LETTRINE=/path/to/binary  measure this binary; otherwise the script runs
#                             `cargo build --release --locked` (a no-op when
#                             target/release/lettrine is up to date)
#   RUNS=5                    timed runs per tool
#   FILES=300 MESSAGES=15     tree size: files per locale, messages per file
#   SEED=1                    generator seed
#   EXTRA_LOCALES="de it"     more translations: copies of fr under these
#                             names (EXTRA_LOCALES="de it es nl pl pt" and
#                             FILES=667 give about 10,000 messages in 7 locales)
#
# compare-locales 9.0.5 is installed from PyPI into
# ${TMPDIR:-/tmp}/lettrine-bench-venv the first time; if that fails, only
# lettrine is measured.
set -euo pipefail

RUNS=${RUNS:-5}
FILES=${FILES:-300}
MESSAGES=${MESSAGES:-15}
SEED=${SEED:-1}
EXTRA_LOCALES=${EXTRA_LOCALES:-}
CL_VERSION=9.0.5
VENV=${TMPDIR:-/tmp}/lettrine-bench-venv

# Resolve the paths given before moving to the repository's root.
if [[ $# -ge 1 ]]; then
    tree=$(realpath -m -- "$1")
    scratch=""
else
    tree=$(mktemp -d "${TMPDIR:-/tmp}/lettrine-bench-tree.XXXXXX")
    scratch=$tree
fi
# A LETTRINE given as a relative path is relative to where we were started.
if [[ ${LETTRINE:-} == */* ]]; then
    LETTRINE=$(realpath -m -- "$LETTRINE")
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/lettrine-bench-work.XXXXXX")
cleanup() {
    rm -rf -- "$work"
    [[ -n $scratch ]] && rm -rf -- "$scratch"
    return 0
}
trap cleanup EXIT
cd "$(dirname "$0")/.."

# --- lettrine -----------------------------------------------------------------
if [[ -n ${LETTRINE:-} ]]; then
    lettrine=$LETTRINE
    if ! command -v -- "$lettrine" >/dev/null; then
        echo "error: LETTRINE=$lettrine is not an executable" >&2
        exit 2
    fi
    echo "== using LETTRINE=$lettrine"
else
    echo "== cargo build --release --locked"
    cargo build --release --locked
    lettrine=$PWD/target/release/lettrine
fi

# --- compare-locales ----------------------------------------------------------
compare_locales=""
if [[ $("$VENV/bin/compare-locales" --version 2>/dev/null || true) == "compare-locales $CL_VERSION" ]]; then
    compare_locales=$VENV/bin/compare-locales
else
    echo "== installing compare-locales $CL_VERSION into $VENV"
    if { [[ -x $VENV/bin/pip ]] || python3 -m venv "$VENV"; } &&
        "$VENV/bin/pip" install -q --disable-pip-version-check "compare-locales==$CL_VERSION"; then
        compare_locales=$VENV/bin/compare-locales
    else
        echo "   could not install compare-locales (is python3-venv installed, PyPI reachable?):" \
            "measuring lettrine only" >&2
    fi
fi

# --- the tree -----------------------------------------------------------------
echo "== generating the tree in $tree"
python3 benches/fluent_tree.py "$tree" --files "$FILES" --messages-per-file "$MESSAGES" --seed "$SEED"
translations="fr"
for l in $EXTRA_LOCALES; do
    rm -rf -- "${tree:?}/$l"
    cp -a -- "$tree/fr" "$tree/$l"
    translations="$translations $l"
done
if [[ -n $EXTRA_LOCALES ]]; then
    list=$(printf '"%s", ' $translations)
    sed -i "s/^locales = .*/locales = [${list%, }]/" "$tree/l10n.toml"
    echo "   translations: $translations"
fi

# Files and messages per locale, counted from the files themselves: a message
# starts a line with its identifier and `=`; terms start with `-`.
count_files() { find "$tree/$1" -name '*.ftl' | wc -l; }
count_messages() {
    find "$tree/$1" -name '*.ftl' -exec cat {} + | grep -cE '^[A-Za-z][A-Za-z0-9_-]* *=' || true
}
files="$(count_files en-US)+$(count_files fr)"
messages="$(count_messages en-US)+$(count_messages fr)"
echo "   files (en-US+fr): $files, messages (en-US+fr): $messages"

# --- measuring ----------------------------------------------------------------
# measure NAME OK_CODES CMD...: one warm-up run whose standard output is kept in
# $work/NAME.out (for the findings), RUNS timed runs in nanoseconds into
# $work/NAME.times, and one run under GNU time for the peak RSS in
# $work/NAME.rss (KiB). Exit codes in OK_CODES (space-separated) are expected;
# any other stops measuring this tool and returns 1.
have_time=true
if [[ ! -x /usr/bin/time ]]; then
    have_time=false
    echo "   /usr/bin/time not found: no peak RSS (apt-get install time)" >&2
fi

measure() {
    local name=$1 ok=$2 rc start end i
    shift 2
    rc=0
    "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
    if [[ " $ok " != *" $rc "* ]]; then
        echo "   $name exited with $rc (expected one of: $ok); its error output:" >&2
        sed 's/^/     /' "$work/$name.err" | head -20 >&2
        return 1
    fi
    echo "$rc" >"$work/$name.rc"
    : >"$work/$name.times"
    for ((i = 0; i < RUNS; i++)); do
        rc=0
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || rc=$?
        end=$(date +%s%N)
        if [[ " $ok " != *" $rc "* ]]; then
            echo "   $name exited with $rc on timed run $((i + 1))" >&2
            return 1
        fi
        echo $((end - start)) >>"$work/$name.times"
    done
    if $have_time; then
        # GNU time writes "Command exited with non-zero status N" before the
        # format when the command fails: the number is on the last line.
        /usr/bin/time -f %M -o "$work/$name.time" "$@" >/dev/null 2>&1 || true
        tail -n 1 "$work/$name.time" >"$work/$name.rss"
    fi
}

echo "== timing lettrine lint ($RUNS runs after a warm-up)"
lettrine_ok=true
measure lettrine "0 1" "$lettrine" lint "$tree" --source en-US --format json || lettrine_ok=false
if $lettrine_ok && [[ $(cat "$work/lettrine.rc") == 0 ]]; then
    echo "   note: lettrine exited 0, but the tree has planted problems" >&2
fi

cl_ok=false
if [[ -n $compare_locales ]]; then
    echo "== timing compare-locales ($RUNS runs after a warm-up)"
    # Timed as people run it, with its text report; exit code 1 means errors.
    # shellcheck disable=SC2086
    if measure compare-locales "0 1" "$compare_locales" "$tree/l10n.toml" "$tree" $translations; then
        cl_ok=true
        # One more run for the counts, in JSON.
        # shellcheck disable=SC2086
        "$compare_locales" --json - "$tree/l10n.toml" "$tree" $translations >"$work/compare-locales.json" 2>/dev/null || true
    fi
fi

# --- the report ---------------------------------------------------------------
python3 - "$work" "$tree" "$files" "$messages" "$lettrine_ok" "$cl_ok" <<'EOF'
import json
import statistics
import sys
from pathlib import Path

work, tree, files, messages = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
measured = {"lettrine": sys.argv[5] == "true", "compare-locales": sys.argv[6] == "true"}


def lettrine_findings():
    """errors + warnings + notes from `"summary": {"errors": N, …}`;
    failing that, the length of a top-level list of findings."""
    try:
        report = json.loads((work / "lettrine.out").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "? (no JSON)", ""
    summary = report.get("summary") if isinstance(report, dict) else None
    if isinstance(summary, dict) and ("errors" in summary or "warnings" in summary):
        e, w, n = summary.get("errors", 0), summary.get("warnings", 0), summary.get("notes", 0)
        return str(e + w + n), f"{e} errors, {w} warnings, {n} notes"
    items = report if isinstance(report, list) else None
    for key in ("diagnostics", "findings", "problems"):
        if isinstance(report, dict) and isinstance(report.get(key), list):
            items = report[key]
    if items is not None:
        return str(len(items)), "(no summary: counted the findings list)"
    return "?", "(JSON without a summary)"


def compare_locales_findings():
    """errors + warnings + missing + obsolete from the --json summary."""
    try:
        data = json.loads((work / "compare-locales.json").read_text(encoding="utf-8"))
        s = data[0]["summary"]["fr"]
    except (OSError, ValueError, LookupError, TypeError):
        return "?", ""
    keys = ("errors", "warnings", "missing", "obsolete")
    return str(sum(s.get(k, 0) for k in keys)), ", ".join(f"{s.get(k, 0)} {k}" for k in keys)


rows = []
for tool, findings in (("lettrine", lettrine_findings), ("compare-locales", compare_locales_findings)):
    if not measured[tool]:
        rows.append((tool, files, messages, "-", "-", "-", "not measured", ""))
        continue
    times = [int(t) / 1e6 for t in (work / f"{tool}.times").read_text().split()]
    rss = work / f"{tool}.rss"
    try:
        peak = f"{int(rss.read_text().strip()) / 1024:.1f}"
    except (OSError, ValueError):
        peak = "-"
    count, detail = findings()
    rows.append((tool, files, messages, f"{statistics.median(times):.1f}", f"{min(times):.1f}", peak, count, detail))

header = ("tool", "files", "messages", "median ms", "best ms", "peak MB", "findings", "")
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
print()
for r in [header] + rows:
    print("  ".join(str(c).ljust(w) if i in (0, 7) else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())

try:
    planted = json.loads((tree / "planted.json").read_text(encoding="utf-8"))["planted_counts"]
    print(f"\nplanted in fr ({sum(planted.values())}): " + ", ".join(f"{v} {k}" for k, v in planted.items()))
except (OSError, ValueError, KeyError):
    pass
print("files and messages: en-US+fr; times are wall-clock for the whole process")
EOF

# A lettrine that could not be measured fails the benchmark; a missing
# compare-locales does not.
$lettrine_ok
