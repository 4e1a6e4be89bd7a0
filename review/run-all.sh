#!/bin/sh
# Runs the main job and the five bundled portfolios into $1/<name>/ (stdout in $1/<name>.txt).
out=$1
cd /work/hF
node packages/gpufit/dist/cli.mjs analyze --analysis-date 2026-12-05 --out $out/main > $out/main.txt 2>&1
for f in datasets/workloads/*.csv; do
  n=$(basename $f .csv)
  [ "$n" = seed-startup ] && continue
  node packages/gpufit/dist/cli.mjs analyze $f --analysis-date 2026-12-05 --out $out/$n > $out/$n.txt 2>&1
done
