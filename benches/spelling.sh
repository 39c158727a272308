#!/usr/bin/env bash
# Benchmark: spelling in `lettrine lint`.
#
#   bash benches/spelling.sh
#
# 1. The shipped packs linted with spelling on (the six dictionaries loaded
#    from /usr/share/hunspell), next to the same lint with no dictionary
#    found (spelling off): the cost of spelling.
# 2. A table of ROWS cases (refund-refusal, six languages in turn, one row
#    in a hundred with a misspelt item and one with an aggressive reference)
#    linted as `build` reads it, with its free text: rows per second.
#
# Each is timed RUNS times after one warm-up run; the median and best
# wall-clock times are printed.
#
# Environment:
#   LETTRINE=/path/to/binary  measure this binary; otherwise the script runs
#                             `cargo build --release --locked`
#   RUNS=5                    timed runs
#   ROWS=10000                rows of the table
set -euo pipefail

RUNS=${RUNS:-5}
ROWS=${ROWS:-10000}

if [[ ${LETTRINE:-} == */* ]]; then
    LETTRINE=$(realpath -m -- "$LETTRINE")
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/lettrine-bench-spelling.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
cd "$(dirname "$0")/.."

if [[ -n ${LETTRINE:-} ]]; then
    lettrine=$LETTRINE
    echo "== using LETTRINE=$lettrine"
else
    echo "== cargo build --release --locked"
    cargo build --release --locked
    lettrine=$PWD/target/release/lettrine
fi

# Median and best of RUNS timed runs of a command (after a warm-up), in ms.
time_it() {
    "$@" >/dev/null 2>&1 || true
    local times=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(((end - start) / 1000000)))
    done
    local sorted
    mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
    median=${sorted[$((RUNS / 2))]}
    best=${sorted[0]}
}

mkdir -p "$work/empty"
cd "$work"

echo "== lint of the shipped packs ($RUNS runs)"
time_it "$lettrine" lint
echo "with spelling:    median $median ms, best $best ms"
findings=$("$lettrine" lint 2>&1 | tail -1 || true)
echo "                  $findings"
time_it "$lettrine" lint --dictionaries "$work/empty"
echo "without spelling: median $median ms, best $best ms"

echo "== a table of $ROWS cases"
cat >base.toml <<'EOF'
pack = "refund-refusal@^1"
date = 2026-11-23
place = "Paris"
enclosures = ["invoice"]

[sender]
name = "Atelier Lumière"
address = ["12 rue des Archives", "75004 Paris"]
email = "service.client@atelier-lumiere.fr"
phone = "01 84 25 36 47"

[signatory]
name = "Camille Martin"
role = "Responsable du service client"
EOF
python3 - "$ROWS" >cases.csv <<'EOF'
import sys
rows = int(sys.argv[1])
items = {
    "fr": ("une bibliothèque en chêne réalisée sur mesure", "une bibliothèque en chêne réalisee sur mesure", "Courriel du 2 novembre 2026", "Votre courriel, merci pour rien"),
    "it": ("una libreria in rovere realizzata su misura", "una libreria in rovere realizata su misura", "E-mail del 2 novembre 2026", "grazie per niente"),
    "de": ("Bücherschrank aus Eiche, Maßanfertigung", "Bücherschrank aus Eiche, Masanfertigung", "E-Mail vom 2. November 2026", "wie Sie sicher wissen"),
    "en": ("a made-to-measure oak bookcase", "a made-to-measure oak bookcsae", "Email of 2 November 2026", "as you should know"),
    "es": ("una librería de roble hecha a medida", "una librería de roble hecha a medidda", "Correo electrónico del 2 de noviembre de 2026", "como usted debería saber"),
    "ar": ("مكتبة من خشب البلوط مصنوعة حسب الطلب", "مكتبة من خشب البلوط مصنوعة حسب الطلبب", "رسالتكم الإلكترونية المؤرخة في 2 نوفمبر 2026", "رسالتكم الإلكترونية"),
}
print("locale,recipient.name,recipient.surname,recipient.salutation,recipient.address,order.number,order.date,order.item,order.amount,order.currency,order.delivery-date,request.date,request.reference,reasons,jurisdiction")
locales = list(items)
for i in range(rows):
    locale = locales[i % len(locales)]
    good, typo, reference, rude = items[locale]
    jurisdiction = {"it": "IT", "de": "DE", "es": "ES"}.get(locale, "FR")
    item = typo if i % 100 == 7 else good
    ref = rude if i % 100 == 42 else reference
    print(f'{locale},Claire Dupont {i},Dupont,madame,8 avenue Jean Jaurès|69007 Lyon,CMD-{i:05},2026-09-14,"{item}",1234.56,EUR,2026-10-01,2026-11-02,"{ref}",custom-made,{jurisdiction}')
EOF
time_it "$lettrine" lint cases.csv --defaults base.toml
rate=$((ROWS * 1000 / (median > 0 ? median : 1)))
echo "case lint: median $median ms, best $best ms: $rate rows/s ($(nproc) cores)"
findings=$("$lettrine" lint cases.csv --defaults base.toml 2>&1 | tail -1 || true)
echo "           $findings"
