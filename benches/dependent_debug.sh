#!/usr/bin/env bash
# Benchmark 7: gzip speed in a *dependent's* debug build (issue 14, item 5). Cargo applies
# `[profile.dev.package.*]` only from the top-level manifest, so this crate's own overrides do
# not reach a program that depends on it. Builds three scratch dependents (path dependency,
# `cargo build`, debug) that differ only in their own profile stanza, then compresses the same
# 50 MiB raw image through `images().upload(..).file(..)` against the local stand-in server of
# benches/sdks, ROUNDS times each (default 9), interleaved; prints MiB/s of raw input
# (min / median / max).
# Usage: bash benches/dependent_debug.sh [ROUNDS]
set -euo pipefail
rounds=${1:-9}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server"; rm -rf "$work"' EXIT

bin=$(cd "$root" && cargo bench --bench sdks --no-run --message-format=json 2>/dev/null |
  sed -n 's/.*"executable":"\([^"]*\/sdks-[^"]*\)".*/\1/p' | tail -1)

variants="none miniz_oxide readme"
for v in $variants; do
  mkdir -p "$work/$v/src"
  cat > "$work/$v/Cargo.toml" <<TOML
[package]
name = "dependent-$v"
version = "0.1.0"
edition = "2024"

[dependencies]
cloud-images = { path = "$root" }
TOML
  case $v in
    miniz_oxide) printf '\n[profile.dev.package.miniz_oxide]\nopt-level = 3\n' >> "$work/$v/Cargo.toml" ;;
    readme) printf '\n[profile.dev.package.miniz_oxide]\nopt-level = 3\n\n[profile.dev.package.crc32fast]\nopt-level = 3\n' >> "$work/$v/Cargo.toml" ;;
  esac
  cp "$root/Cargo.lock" "$work/$v/"
  cat > "$work/$v/src/main.rs" <<'RS'
use std::cell::Cell;
use std::time::Instant;

use cloud_images::linode::{Client, CreateUpload, UploadPhase};

fn main() {
    let mut args = std::env::args().skip(1);
    let (url, raw) = (args.next().unwrap(), args.next().unwrap());
    let client = Client::builder().token("bench-token").base_url(url).build().unwrap();
    let done = Cell::new(None);
    let start = Instant::now();
    let upload = client.images().upload(CreateUpload::new("bench", "us-east"));
    let upload = upload.progress(|p| {
        if p.phase == UploadPhase::Compressing && p.done == p.total {
            done.set(Some(Instant::now()));
        }
    });
    upload.file(&raw).unwrap();
    let secs = (done.get().unwrap() - start).as_secs_f64();
    println!("{:.1}", std::fs::metadata(&raw).unwrap().len() as f64 / 1048576.0 / secs);
}
RS
  # The worktree's target folder: shared dependencies are built once; the profiles differ, so
  # the differently optimized crates sit side by side.
  (cd "$work/$v" && CARGO_TARGET_DIR="$root/target" cargo build -q)
done

# 50 MiB: a boot sector, text, random and sparse blocks, as in benches/upload.rs (compresses to ~30%).
python3 - "$work/raw.img" <<'PY'
import random, sys
r, text = random.Random(7), b"Welcome to Debian GNU/Linux 12 (bookworm)! /usr/lib/systemd/system/ssh.service "
sparse = b"".join(bytes((j // 7) % 256 for j in range(512)) + bytes(3584) for _ in range(256))
with open(sys.argv[1], "wb") as f:
    for i in range(50):
        f.write([bytes(1 << 20), (text * 13000)[: 1 << 20], r.randbytes(1 << 20), sparse][i % 4])
PY

"$bin" serve "$work/port" & server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")"
declare -A results
for ((round = 0; round < rounds; round++)); do
  for v in $variants; do
    results[$v]+="$("$root/target/debug/dependent-$v" "$url" "$work/raw.img") "
  done
done
echo "machine: $(nproc) cores, $(rustc --version); a dependent's debug build compressing 50 MiB"
for v in $variants; do
  case $v in
    none) what="no stanza (what a dependent gets today)" ;;
    miniz_oxide) what="[profile.dev.package.miniz_oxide] only" ;;
    readme) what="the README stanza (miniz_oxide + crc32fast)" ;;
  esac
  printf '%-48s %s MiB/s (min / median / max)\n' "$what" \
    "$(echo ${results[$v]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {printf "%s / %s / %s", a[1], a[int((NR+1)/2)], a[NR]}')"
done
