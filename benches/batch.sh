#!/usr/bin/env bash
# Benchmark of batch builds: generates a table of ROWS different one-page
# letters (French, Italian and English refusals; each row its own name,
# amount and order number), builds it with `lettrine build TABLE --out DIR`
# and prints letters/s and peak memory; then builds BASELINE letters the
# slow way, one process per letter, for comparison. Uses `typst compile`
# per letter too when a `typst` binary is on PATH.
#
#   bash benches/batch.sh              # 2,000 rows, then 10,000 for memory
#   ROWS=500 BIG=0 bash benches/batch.sh
#   STYLES="classic modern din"        # the styles the ROWS batch runs with
#                                      # (then the same rows as .docx)
#                                      # (the 10,000-row one uses classic)
#   PEER_PYTHON=/path/to/venv/bin/python  # a Python with `typst` (PyPI,
#                                      # 0.15): Typst alone on the same letters
#   ROUNDS=3                           # turns lettrine and the peer take
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-2000}
BIG=${BIG:-10000}
BASELINE=${BASELINE:-40}
JOBS=${JOBS:-$(nproc)}
STYLES=${STYLES:-classic modern din}

cargo build --release --locked --quiet
bin=$PWD/target/release/lettrine
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The shared part of every letter: the sender, signatory and pack.
cat > "$work/base.toml" <<'TOML'
pack = "refund-refusal@^1"
date = 2026-11-23
reasons = ["custom-made"]
enclosures = ["invoice", "terms-of-sale"]

[sender]
name = "Atelier Lumière"
address = ["12 rue des Archives", "75004 Paris"]
email = "service.client@atelier-lumiere.fr"
phone = "01 84 25 36 47"
legal = "Atelier Lumière SAS au capital de 50 000 € – RCS Paris 812 345 678"

[signatory]
name = "Camille Martin"
role = "Responsable du service client"
TOML

# table N FILE: N rows cycling through three locales, each one different.
table() {
    awk -v n="$1" 'BEGIN {
        OFS = ","
        print "locale,jurisdiction,place,recipient.name,recipient.surname,recipient.salutation,recipient.address,order.number,order.date,order.item,order.amount,order.currency,order.delivery-date,request.date"
        split("fr it en", loc, " ")
        split("Paris|Milano|London", place, "|")
        split("madame|madame|madame", sal, "|")
        split("FR|IT|FR", law, "|")
        split("une bibliothèque en chêne réalisée sur mesure|una libreria in rovere realizzata su misura|a made-to-measure oak bookcase", item, "|")
        split("69007 Lyon|20121 Milano|London N1 9GU", city, "|")
        for (i = 1; i <= n; i++) {
            k = (i - 1) % 3 + 1
            surname = "Client" i
            printf "%s,%s,%s,Claire %s,%s,%s,%d rue des Lilas|%s,CMD-2026-%05d,2026-09-14,%s,%d.%02d,EUR,2026-10-01,2026-11-02\n",
                loc[k], law[k], place[k], surname, surname, sal[k], i % 90 + 1, city[k], i, item[k], 100 + i * 7 % 5000, i % 100
        }
    }' > "$2"
}

# run N [STYLE [EXT]]: builds an N-row table (letters as .EXT, pdf by
# default), prints rows, seconds, letters/s, peak MB.
run() {
    # Each run its own folder, kept until the end: deleting thousands of
    # files slows the creation of the next ones on some file systems (ext4).
    local n=$1 style=${2:-classic} ext=${3:-pdf} out="$work/letters-$1-${2:-classic}-${3:-pdf}"
    table "$n" "$work/cases-$n.csv"
    /usr/bin/time -f '%e %M' -o "$work/time" \
        "$bin" build "$work/cases-$n.csv" --defaults "$work/base.toml" --out "$out" \
        --style "$style" --name "{order.number}-{locale}.$ext" --jobs "$JOBS" > /dev/null
    read -r wall kb < "$work/time"
    local built
    built=$(find "$out" -name "*.$ext" | wc -l)
    [ "$built" -eq "$n" ] || { echo "only $built of $n letters were built" >&2; exit 1; }
    awk -v n="$n" -v w="$wall" -v kb="$kb" -v j="$JOBS" -v s="$style" -v e="$ext" 'BEGIN {
        printf "%6d letters  %6.2f s  %6.0f letters/s  %5.1f MB peak  (%d jobs, style %s, %s)\n", n, w, n / w, kb / 1024, j, s, e }'
    # A re-run finds every letter up to date and builds nothing.
    /usr/bin/time -f '%e %M' -o "$work/time" \
        "$bin" build "$work/cases-$n.csv" --defaults "$work/base.toml" --out "$out" \
        --style "$style" --name "{order.number}-{locale}.$ext" --jobs "$JOBS" --format json > "$work/rerun.json"
    read -r wall kb < "$work/time"
    local written
    written=$(grep -m1 '"written"' "$work/rerun.json" | tr -dc 0-9)
    printf '%6s re-run   %6.2f s  %d written, %5.1f MB peak\n' "" "$wall" "$written" "$(awk -v kb="$kb" 'BEGIN { print kb / 1024 }')"
}

echo "== in one process (lettrine build TABLE --out DIR)"
for style in $STYLES; do
    run "$ROWS" "$style"
done
if [ "$BIG" -gt 0 ]; then
    run "$BIG"
fi
# Word letters: no typesetting, the same rows.
echo "== Word letters (--name '….docx')"
run "$ROWS" classic docx

# The per-letter baseline: the same letters, one process each.
echo "== one process per letter ($BASELINE letters)"
mkdir -p "$work/one"
table "$BASELINE" "$work/cases-one.csv"
"$bin" build "$work/cases-one.csv" --defaults "$work/base.toml" --out "$work/one" \
    --name 'case-{row}.json' > /dev/null 2>&1 || true
per_process() {
    local label=$1; shift
    local start end
    start=$(date +%s.%N)
    for i in $(seq 2 $((BASELINE + 1))); do
        "$@" "$i"
    done
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v n="$BASELINE" -v l="$label" 'BEGIN {
        printf "%-28s %6.1f ms/letter  %6.0f letters/s\n", l, (e - s) * 1000 / n, n / (e - s) }'
}
# Each row as its own case file, built by its own lettrine process.
for i in $(seq 2 $((BASELINE + 1))); do
    sed -n "1p;${i}p" "$work/cases-one.csv" > "$work/one/row-$i.csv"
done
lettrine_one() {
    "$bin" build "$work/one/row-$1.csv" --defaults "$work/base.toml" --out "$work/one/out-$1" \
        --name 'letter.pdf' --jobs 1 > /dev/null 2>&1
}
per_process "lettrine, one per process" lettrine_one
if command -v typst > /dev/null; then
    # Typst's own CLI: the same kind of one-page letter, one process each.
    cat > "$work/letter.typ" <<'TYP'
#let d = json(sys.inputs.data)
#set page(paper: "a4", margin: 2.5cm)
#set text(lang: "fr", font: "Libertinus Serif", size: 11pt)
#d.name \ #d.address
#v(1cm)
Objet : votre demande de remboursement – commande n° #d.order
#lorem(250)
TYP
    typst_one() {
        printf '{"name": "Claire Client%s", "address": "8 rue des Lilas", "order": "CMD-%05d"}' "$1" "$1" > "$work/one/$1.json"
        typst compile --root / --input data="$work/one/$1.json" "$work/letter.typ" "$work/one/$1.pdf"
    }
    per_process "typst compile, per process" typst_one
else
    echo "(no typst binary on PATH: cargo install typst-cli --version 0.15.1 --locked to compare with it)"
fi

# The peer: Typst alone, through its Python binding, compiling classic.typ
# from the same Letters, one compiler per core, in the same run. This
# machine's speed drifts by a fifth from minute to minute, so the two take
# turns, ROUNDS times, and the medians are compared.
peer=${PEER_PYTHON:-python3}
ROUNDS=${ROUNDS:-3}
if "$peer" -c 'import typst' 2> /dev/null; then
    echo "== lettrine and Typst alone on the same $ROWS letters, taking turns ($ROUNDS rounds, $JOBS jobs / compilers)"
    table "$ROWS" "$work/cases-peer.csv"
    "$bin" build "$work/cases-peer.csv" --defaults "$work/base.toml" --out "$work/peer" \
        --name '{row}.json' > /dev/null
    for round in $(seq "$ROUNDS"); do
        /usr/bin/time -f '%e' -o "$work/time" \
            "$bin" build "$work/cases-peer.csv" --defaults "$work/base.toml" \
            --out "$work/turn-$round" --style classic --name '{row}.pdf' --jobs "$JOBS" > /dev/null
        lettrine_rate=$(awk -v n="$ROWS" '{ printf "%.0f", n / $1 }' "$work/time")
        peer_line=$("$peer" benches/peer.py "$work/peer" "$JOBS")
        peer_rate=$(awk '{ for (i = 1; i <= NF; i++) if ($(i + 1) == "letters/s") print $i }' <<< "$peer_line")
        printf 'round %d: lettrine %5d letters/s   %s\n' "$round" "$lettrine_rate" "$peer_line"
        echo "$lettrine_rate $peer_rate" >> "$work/turns"
    done
    median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    l=$(cut -d' ' -f1 "$work/turns" | median)
    p=$(cut -d' ' -f2 "$work/turns" | median)
    awk -v l="$l" -v p="$p" 'BEGIN {
        printf "medians: lettrine (classic) %d letters/s, Typst alone %d letters/s: %.2f×\n", l, p, l / p }'
else
    echo "(no Python with typst: python3 -m venv v && v/bin/pip install typst==0.15.0, then PEER_PYTHON=v/bin/python)"
fi
