#!/usr/bin/env bash
# A batch split over the machines GNU parallel reaches (--sshlogin) or the
# cores of this one: one lettrine per shard, every shard writing into the
# same folder (a shared volume when on several machines), retried when one
# fails. Then a dry run says whether the batch is complete (exit 0).
#
#   SHARDS=16 bash deploy/parallel.sh cases.csv letters/
set -euo pipefail
table=${1:?the table}
out=${2:?the output folder}
shards=${SHARDS:-8}
seq 0 $((shards - 1)) | parallel --retries 3 --halt never --joblog "$out.joblog" \
    lettrine build "$table" --out "$out" --shard "{}/$shards"
lettrine build "$table" --out "$out" --dry-run
