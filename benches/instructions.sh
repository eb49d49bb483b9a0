#!/usr/bin/env bash
# Instructions per get-image call and per listed image (client thread only), library vs raw
# ureq + serde_json,
# counted by valgrind's callgrind: repeatable, unlike wall time on a shared machine.
# Usage: bash benches/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)"; exit 1; }
bin=$(cargo bench --bench instructions --no-run --message-format=json 2>/dev/null \
  | sed -n 's/.*"executable":"\([^"]*instructions[^"]*\)".*/\1/p' | tail -1)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" >/dev/null 2>&1
calls=2010
lib=$(callgrind_annotate --inclusive=yes "$out" | awk '/instructions::library_calls/ {gsub(",","",$1); print $1}')
raw=$(callgrind_annotate --inclusive=yes "$out" | awk '/instructions::raw_calls/ {gsub(",","",$1); print $1}')
printf '%-52s %10d instructions\n' "library: client.images().get(id), per call" $((lib / calls))
printf '%-52s %10d instructions\n' "raw: ureq get + serde_json, per call" $((raw / calls))
printf '%-52s %10.3f\n' "ratio library / raw" "$(echo "$lib / $raw" | bc -l)"
items=5000
lib=$(callgrind_annotate --inclusive=yes "$out" | awk '/instructions::library_listing/ {gsub(",","",$1); print $1}')
raw=$(callgrind_annotate --inclusive=yes "$out" | awk '/instructions::raw_listing/ {gsub(",","",$1); print $1}')
printf '%-52s %10d instructions\n' "library: listing 10 pages of 500, per image" $((lib / items))
printf '%-52s %10d instructions\n' "raw: ureq + serde_json page loop, per image" $((raw / items))
printf '%-52s %10.3f\n' "ratio raw / library (items per instruction)" "$(echo "$raw / $lib" | bc -l)"
