#!/usr/bin/env bash
# Benchmark of the archive: issues RECORDS different letters (the French
# example, each with its own order number, approved), one `lettrine issue`
# process each, then times `lettrine verify`
# over the whole archive (re-hash, chain, and a rebuild of every letter from
# its record) and prints the archive's size per record.
#
#   bash benches/archive.sh            # 100 records
#   RECORDS=20 bash benches/archive.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-100}

cargo build --release --locked --quiet
bin=$PWD/target/release/lettrine
case=$PWD/packs/refund-refusal/examples/fr.toml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

for i in $(seq "$RECORDS"); do
    sed "s/CMD-2026-00042/CMD-2026-$i/" "$case" > "case-$i.toml"
done
start=$(date +%s.%N)
for i in $(seq "$RECORDS"); do
    "$bin" issue "case-$i.toml" --issuer bench --approved-by reviewer >/dev/null
done
end=$(date +%s.%N)
awk -v n="$RECORDS" -v s="$start" -v e="$end" \
    'BEGIN { printf "issue:  %d letters in %.2f s, %.1f ms per letter (one process each)\n", n, e - s, (e - s) * 1000 / n }'

/usr/bin/time -f "%e %M" -o time.txt "$bin" verify >/dev/null
read -r seconds kib < time.txt
awk -v n="$RECORDS" -v s="$seconds" -v k="$kib" \
    'BEGIN { printf "verify: %d records in %.2f s, %.1f ms per record, peak memory %.0f MiB\n", n, s, s * 1000 / n, k / 1024 }'
size=$(du -sk archive | cut -f1)
awk -v n="$RECORDS" -v k="$size" 'BEGIN { printf "archive: %.0f KiB per record\n", k / n }'
