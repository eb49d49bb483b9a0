#!/usr/bin/env bash
# The upload write size, before and after (issue 14, item 2): builds the crate's side of
# benches/sdks three times with UPLOAD_WRITE_SIZE (src/object_storage.rs) at 128 KiB (ureq's default,
# the size before), 1 MiB and 4 MiB (chosen), then uploads the same 1 GiB gzip file with each and
# with linode-cli, in a rotated order, 9 rounds; the stand-in server times each PUT body.
# Prints MiB/s (min / median / max) and the process's CPU seconds (user + system, median).
# Needs the virtual environment and the 1 GiB file that benches/sdks/run.sh leaves in target/sdks/.
# Usage: bash benches/sdks/upload_sizes.sh [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-9}
work=${SDKS_WORK:-$root/target/sdks}
file="$work/image-1024.img.gz"
[ -x "$work/venv/bin/linode-cli" ] && [ -f "$file" ] || { echo "run benches/sdks/run.sh first" >&2; exit 1; }
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server"; rm -rf "$tmp"' EXIT

sizes="128 1024 4096" # KiB
for kib in $sizes; do
  mkdir -p "$tmp/$kib"
  cp -r "$root/Cargo.toml" "$root/Cargo.lock" "$root/build.rs" "$root/openapi" "$root/src" "$root/benches" "$tmp/$kib/"
  sed -i "s/^const UPLOAD_WRITE_SIZE: usize = .*/const UPLOAD_WRITE_SIZE: usize = $kib * 1024;/" "$tmp/$kib/src/object_storage.rs"
  grep -q "^const UPLOAD_WRITE_SIZE: usize = $kib \* 1024;" "$tmp/$kib/src/object_storage.rs"
  bin=$(cd "$tmp/$kib" && CARGO_TARGET_DIR="$root/target" cargo bench --bench sdks --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*\/sdks-[^"]*\)".*/\1/p' | tail -1)
  cp "$bin" "$tmp/sdks-$kib"
done

"$tmp/sdks-1024" serve "$tmp/port" & server=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/port")
rate() {
  curl -s "http://127.0.0.1:$port/_bench/stats" |
    python3 -c "import json,sys; p=json.load(sys.stdin)['put']; print(round(p['bytes']/p['seconds']/1048576))"
}
run() {
  if [ "$1" = cli ]; then
    LINODE_CLI_TOKEN=bench-token LINODE_CLI_API_HOST="127.0.0.1:$port" LINODE_CLI_API_SCHEME=http \
      LINODE_CLI_SUPPRESS_VERSION_WARNING=1 /usr/bin/time -f "%U %S" -o "$tmp/cpu" \
      "$work/venv/bin/linode-cli" image-upload --region us-east --label bench "$file" >/dev/null 2>&1
  else
    /usr/bin/time -f "%U %S" -o "$tmp/cpu" "$tmp/sdks-$1" rust linode-upload "http://127.0.0.1:$port" "$file" >/dev/null
  fi
  echo "$1 $(rate) $(awk '{print $1 + $2}' "$tmp/cpu")"
}
sides=($sizes cli)
for ((i = 0; i < rounds; i++)); do
  for ((k = 0; k < ${#sides[@]}; k++)); do run "${sides[$(((k + i) % ${#sides[@]}))]}"; done
done > "$tmp/results"
echo "machine: $(nproc) cores; 1 GiB gzip upload to the stand-in's sink, $rounds rounds, rotated"
python3 - "$tmp/results" <<'PY'
import collections, statistics, sys
rate, cpu = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    side, r, c = line.split()
    rate[side].append(int(r)); cpu[side].append(float(c))
names = {"128": "cloud-images, 128 KiB writes (before)", "1024": "cloud-images, 1 MiB writes",
         "4096": "cloud-images, 4 MiB writes (now)", "cli": "linode-cli image-upload (5 MiB chunks)"}
cli = statistics.median(rate["cli"])
for side in ["128", "1024", "4096", "cli"]:
    r = sorted(rate[side])
    print(f"{names[side]:<42} {r[0]:>5} / {statistics.median(r):>6.0f} / {r[-1]:>5} MiB/s   "
          f"{statistics.median(r) / cli:.2f} x linode-cli   CPU {statistics.median(cpu[side]):.2f} s")
PY
