#!/usr/bin/env bash
# `lettrine lint` on real Fluent trees nobody here wrote, next to Mozilla's
# compare-locales on the same files.
#
#   bash benches/real-trees.sh [CACHE_DIR]
#
# Fetches, into CACHE_DIR (default ${TMPDIR:-/tmp}/lettrine-real-trees; kept
# between runs, never committed):
#   - Thunderbird's en-US and the fr, de and it langpacks, all of one version
#     (Debian packages, `apt-get download` + `dpkg -x`: nothing is
#     installed), laid out as thunderbird/<locale>/**/*.ftl;
#   - django-ftl's test locales (PyPI sdist), as django-ftl/<locale>/**;
#   - ajv-ftl-i18n@0.3.0's locales (npm), as ajv/<locale>/ajv.ftl.
# Writes, per tree, the l10n.toml compare-locales needs (reference
# <source>/**, each other folder a locale), then runs `lettrine lint DIR`
# (which reads it) and compare-locales 9.0.5 (from PyPI, in the venv
# benches/lint.sh uses), and prints lettrine's findings by check and, per
# locale, both tools' missing, missing words and obsolete counts. Each tree
# is linted twice: as shipped, then with a lettrine.toml declaring the
# functions the application registers (PLATFORM, OSNAME).
#
# Environment:
#   LETTRINE=/path/to/binary   the binary to run (default: target/debug/lettrine,
#                              built with `cargo build --locked` when missing)
#   TB_VERSION=1:153.8.0esr-1~deb12u1   the Thunderbird packages' version
#   TB_LOCALES="fr de it"      the langpacks
set -euo pipefail

CACHE=$(realpath -m -- "${1:-${TMPDIR:-/tmp}/lettrine-real-trees}")
TB_VERSION=${TB_VERSION:-1:153.8.0esr-1~deb12u1}
TB_LOCALES=${TB_LOCALES:-fr de it}
CL_VERSION=9.0.5
VENV=${TMPDIR:-/tmp}/lettrine-bench-venv
if [[ ${LETTRINE:-} == */* ]]; then
    LETTRINE=$(realpath -m -- "$LETTRINE")
fi
cd "$(dirname "$0")/.."
mkdir -p "$CACHE"

# --- Thunderbird ------------------------------------------------------------
tb=$CACHE/thunderbird
if [[ ! -d $tb/en-US ]]; then
    echo "== Thunderbird $TB_VERSION: en-US and $TB_LOCALES"
    dl=$CACHE/deb
    mkdir -p "$dl" "$tb"
    (
        cd "$dl"
        apt-get download "thunderbird=$TB_VERSION" >/dev/null
        for l in $TB_LOCALES; do
            apt-get download "thunderbird-l10n-$l=$TB_VERSION" >/dev/null
        done
    )
    x=$CACHE/x
    rm -rf "$x"
    mkdir -p "$x"
    for deb in "$dl"/*.deb; do dpkg -x "$deb" "$x"; done
    omni=$CACHE/omni
    rm -rf "$omni"
    # omni.ja is a zip with a damaged central directory offset: unzip warns
    # and still extracts (exit 1 or 2).
    unzip -qq -o "$x/usr/share/thunderbird/omni.ja" 'localization/*' -d "$omni" || [[ $? -le 2 ]]
    cp -a "$omni/localization/en-US" "$tb/en-US"
    for l in $TB_LOCALES; do
        pack=$CACHE/langpack-$l
        rm -rf "$pack"
        unzip -qq -o "$x/usr/lib/thunderbird/extensions/langpack-$l@thunderbird.mozilla.org.xpi" \
            'localization/*' -d "$pack" || [[ $? -le 2 ]]
        cp -a "$pack/localization/$l" "$tb/$l"
    done
    rm -rf "$x" "$omni" "$CACHE"/langpack-*
fi

# --- django-ftl ---------------------------------------------------------------
dj=$CACHE/django-ftl
if [[ ! -d $dj/en ]]; then
    echo "== django-ftl (PyPI sdist)"
    sd=$CACHE/sdist
    mkdir -p "$sd"
    pip download -q --no-deps --no-binary :all: -d "$sd" django-ftl >/dev/null
    tar -xzf "$sd"/django-ftl-*.tar.gz -C "$sd" 2>/dev/null ||
        tar -xzf "$sd"/django_ftl-*.tar.gz -C "$sd"
    src=$(find "$sd" -type d -path '*/tests/locales' | head -n1)
    rm -rf "$dj"
    cp -a "$src" "$dj"
fi

# --- ajv-ftl-i18n -------------------------------------------------------------
ajv=$CACHE/ajv
if [[ ! -d $ajv/en ]]; then
    echo "== ajv-ftl-i18n@0.3.0 (npm)"
    np=$CACHE/npm
    mkdir -p "$np"
    (cd "$np" && npm pack -q ajv-ftl-i18n@0.3.0 >/dev/null)
    tar -xzf "$np"/ajv-ftl-i18n-0.3.0.tgz -C "$np"
    rm -rf "$ajv"
    for f in "$np"/package/locale/*.ftl; do
        l=$(basename "$f" .ftl)
        mkdir -p "$ajv/$l"
        cp "$f" "$ajv/$l/ajv.ftl"
    done
fi

if [[ ${FETCH_ONLY:-} == 1 ]]; then
    exit 0
fi

# --- the tools ------------------------------------------------------------------
if [[ -n ${LETTRINE:-} ]]; then
    lettrine=$LETTRINE
else
    [[ -x target/debug/lettrine ]] || cargo build --locked
    lettrine=$PWD/target/debug/lettrine
fi
compare_locales=""
if [[ $("$VENV/bin/compare-locales" --version 2>/dev/null || true) == "compare-locales $CL_VERSION" ]]; then
    compare_locales=$VENV/bin/compare-locales
elif { [[ -x $VENV/bin/pip ]] || python3 -m venv "$VENV"; } &&
    "$VENV/bin/pip" install -q --disable-pip-version-check "compare-locales==$CL_VERSION"; then
    compare_locales=$VENV/bin/compare-locales
else
    echo "   could not install compare-locales: lettrine only" >&2
fi

# lint_tree NAME DIR SOURCE: lettrine's counts by check, then per locale
# lettrine's and compare-locales' missing, missing words and obsolete side
# by side.
lint_tree() {
    local name=$1 dir=$2 source=$3
    local json=$CACHE/$name.lettrine.json cl=$CACHE/$name.cl.json
    # lint reads DIR/l10n.toml (and DIR/lettrine.toml) by itself.
    "$lettrine" lint "$dir" --source "$source" --format json >"$json" || true
    rm -f "$cl"
    if [[ -n $compare_locales ]]; then
        local others
        others=$(find "$dir" -mindepth 1 -maxdepth 1 -type d ! -name "$source" -printf '%f\n' | sort | tr '\n' ' ')
        # compare-locales exits 1 when it finds errors.
        # shellcheck disable=SC2086
        (cd "$dir" && "$compare_locales" --json "$cl" l10n.toml . $others) >/dev/null 2>&1 || true
    fi
    python3 - "$name" "$json" "$cl" <<'PY'
import collections, json, os, sys
name, path, cl_path = sys.argv[1:4]
doc = json.load(open(path))
s = doc["summary"]
print(f"{name}: lettrine {s['errors']} errors, {s['warnings']} warnings, {s['notes']} notes")
codes = collections.Counter((d["severity"], d["code"]) for d in doc["diagnostics"])
for (sev, code), n in sorted(codes.items()):
    print(f"    {n:6} {sev:7} {code}")
cl = {}
if os.path.exists(cl_path):
    for run in json.load(open(cl_path)):
        cl.update(run.get("summary", {}))
print(f"    {'locale':8} {'missing':>15} {'missing words':>15} {'obsolete':>15} {'cl errors':>9} {'cl warnings':>11}")
for c in doc["locales"]:
    o = cl.get(c["locale"], {})
    pair = lambda ours, theirs: f"{ours}/{theirs}"
    print(f"    {c['locale']:8} {pair(c['missing'], o.get('missing', 0)):>15} "
          f"{pair(c['missing_words'], o.get('missing_w', 0)):>15} "
          f"{pair(c['obsolete'], o.get('obsolete', 0)):>15} {o.get('errors', 0):>9} {o.get('warnings', 0):>11}")
print("    (lettrine/compare-locales)")
PY
}

for tree in thunderbird django-ftl ajv; do
    dir=$CACHE/$tree
    case $tree in
        thunderbird) source=en-US ;;
        django-ftl | ajv) source=en ;;
    esac
    # compare-locales needs a project file; lettrine reads the same one.
    if [[ ! -f $dir/l10n.toml ]]; then
        {
            echo 'basepath = "."'
            printf 'locales = ['
            find "$dir" -mindepth 1 -maxdepth 1 -type d ! -name "$source" -printf '"%f"\n' | sort | paste -sd, | tr -d '\n'
            echo ']'
            echo '[env]'
            echo 'l10n = "{l10n_base}/{locale}/"'
            echo "reference = \"$source/\""
            echo '[[paths]]'
            echo 'reference = "{reference}**"'
            echo 'l10n = "{l10n}**"'
        } >"$dir/l10n.toml"
    fi
    # First as shipped; then with what the project would declare in
    # lettrine.toml: the functions its application registers.
    rm -f "$dir/lettrine.toml"
    lint_tree "$tree" "$dir" "$source"
    case $tree in
        thunderbird) functions='"PLATFORM"' ;;
        django-ftl) functions='"OSNAME"' ;;
        *) functions="" ;;
    esac
    if [[ -n $functions ]]; then
        printf '[lint]\nfunctions = [%s]\n' "$functions" >"$dir/lettrine.toml"
        echo "-- with lettrine.toml: functions = [$functions]"
        lint_tree "$tree" "$dir" "$source"
        rm -f "$dir/lettrine.toml"
    fi
done
