#!/usr/bin/env bash
# A batch of letters as a Slurm job array: one task per shard, every task
# writing into the same folder on the cluster's shared file system.
#
#   sbatch deploy/slurm.sh cases.csv letters/
#   # when the array is done:
#   lettrine build cases.csv --out letters/ --dry-run
#
# --array and the tasks' count go together: --array=0-7 is 8 shards.
#SBATCH --job-name=lettrine-letters
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=512M
#SBATCH --requeue
set -euo pipefail
table=${1:?the table}
out=${2:?the output folder}
exec lettrine build "$table" --out "$out" \
    --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT"
