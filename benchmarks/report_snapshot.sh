#!/usr/bin/env bash
# Write every report framecmp produces on a fixed set of inputs into OUT, so that two
# checkouts (or one before and after a change) can be diffed byte for byte:
#     benchmarks/report_snapshot.sh OUT && diff -r OUT_before OUT
# Inputs: the samples in data/ (3 and 5 articles), ECB+ events from eval/data/ecbplus
# (16 articles of event 18ecb; 26 articles: the 22 of 13ecb plus 4 of 1ecb, so two events),
# and `framecmp batch` over the first 300 ECB+ articles of the manifest.
set -euo pipefail
OUT=${1:?usage: report_snapshot.sh OUT}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FC="$ROOT/.venv/bin/framecmp"
E="$ROOT/eval/data/ecbplus"
rm -rf "$OUT"; mkdir -p "$OUT"
paths() { python3 -c "
import json,sys
rows=[json.loads(l) for l in open('$E/manifest.jsonl')]
ev=sys.argv[1]; n=int(sys.argv[2])
print('\n'.join(['$E/' + r['path'] for r in rows if ev in ('*', r['event'])][:n]))
" "$@"; }
mapfile -t S3 < <(ls "$ROOT"/data/bishkek-2025-11-27/*.txt)
mapfile -t S5 < <(ls "$ROOT"/data/*/*.txt)
mapfile -t E16 < <(paths 18ecb 16)
mapfile -t E26 < <( { paths 13ecb 22; paths 1ecb 4; } )
mapfile -t E300 < <(paths '*' 300)
run() {  # name, extra args..., -- files...
  local name=$1; shift
  for fmt in json markdown; do
    "$FC" compare --allow-different-events -f "$fmt" "$@" > "$OUT/$name.$fmt" 2> "$OUT/$name.$fmt.err" || echo "exit $?" >> "$OUT/$name.$fmt.err"
  done
}
run s3 "${S3[@]}"
run s5 "${S5[@]}"
run s5-detail --detail "${S5[@]}"
"$FC" compare --allow-different-events --detail -f text "${S5[@]}" > "$OUT/s5-detail.text" 2>&1 || true
run e16 "${E16[@]}"
run e26 "${E26[@]}"
run e16-stem --stem-terms --seed 3 "${E16[@]}"
"$FC" compare --allow-different-events --report-dir "$OUT/s3-dir" "${S3[@]}" > /dev/null 2>&1 || true
TMP=$(mktemp -d)
# Relative --report-dir: the run summary names report paths, which must not depend on OUT.
(cd "$OUT" && "$FC" batch --quiet --workers 1 --db "$TMP/b.db" --report-dir batch -f jsonl "${E300[@]}" > batch.jsonl 2> batch.err) || echo "exit $?" >> "$OUT/batch.err"
rm -rf "$TMP"
echo "$(find "$OUT" -type f | wc -l) files in $OUT"
