#!/usr/bin/env bash
# Builds the README's style previews: the French example of the
# refund-refusal pack in each shipped style, first page, as a small PNG in
# docs/styles/<style>.png. Run from anywhere; uses target/release/lettrine
# or target/debug/lettrine when built, else `cargo run`.
#
#   bash docs/previews.sh            # PPI=60 by default
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
ppi="${PPI:-60}"

if [[ -x target/release/lettrine ]]; then
  lettrine=(target/release/lettrine)
elif [[ -x target/debug/lettrine ]]; then
  lettrine=(target/debug/lettrine)
else
  lettrine=(cargo run --quiet --locked --)
fi

mkdir -p docs/styles
for style in $(ls styles | sed -n 's/\.typ$//p'); do
  out="docs/styles/$style.png"
  "${lettrine[@]}" build packs/refund-refusal/examples/fr.toml \
    --style "$style" --format png --ppi "$ppi" -o "$out"
  echo "$out ($(wc -c <"$out") bytes)"
done
