#!/usr/bin/env bash
# Benchmark 5: clean `cargo build` (debug) of cloud-images against a bare crate that depends only
# on ureq 3 + serde + serde_json, both built from scratch in the same run, ROUNDS times in an
# alternating order (builds elsewhere on the machine then slow both alike); plus runtime crate counts.
# Usage: bash benches/build_time.sh [ROUNDS]      (default 3)
set -euo pipefail
rounds=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/lib" "$work/bare/src"
cp -r "$root/Cargo.toml" "$root/Cargo.lock" "$root/build.rs" "$root/build" "$root/openapi" "$root/src" \
  "$work/lib/"
# The library as a dependent builds it: no benches, examples or binaries (their tables go), and
# none of this workspace's [profile.*] tables (a dependent's own profile applies).
awk '/^\[/ { skip = ($0 ~ /^\[\[(bench|example|bin)\]\]/ || $0 ~ /^\[profile/) } !skip' \
  "$root/Cargo.toml" > "$work/lib/Cargo.toml"
rm -rf "$work/lib/src/bin"
cat > "$work/bare/Cargo.toml" <<'TOML'
[package]
name = "bare"
version = "0.1.0"
edition = "2024"

[dependencies]
ureq = "3"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
TOML
cat > "$work/bare/src/lib.rs" <<'RS'
#[derive(serde::Deserialize)]
pub struct Image { pub id: String }
pub fn get(url: &str) -> Result<Image, Box<dyn std::error::Error>> {
    let mut resp = ureq::get(url).call()?;
    Ok(serde_json::from_slice(&resp.body_mut().read_to_vec()?)?)
}
RS

build() { # dir -> seconds, from an empty target folder
  (cd "$1" && cargo fetch -q >/dev/null 2>&1 || true
   rm -rf "$1/target"
   start=$(date +%s.%N)
   CARGO_TARGET_DIR="$1/target" cargo build -q >&2
   end=$(date +%s.%N)
   echo "$end - $start" | bc)
}
count() { (cd "$1" && cargo tree -e normal --prefix none 2>/dev/null | sed 's/ (\*)//' | sort -u | wc -l); }

stats() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.1f / %.1f / %.1f", a[1], a[int((NR+1)/2)], a[NR]}'; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "machine: $(nproc) cores, $(rustc --version); $rounds rounds, alternating which builds first"
libs="" bares=""
for ((r = 0; r < rounds; r++)); do
  if ((r % 2 == 0)); then libs+="$(build "$work/lib") "; bares+="$(build "$work/bare") "
  else bares+="$(build "$work/bare") "; libs+="$(build "$work/lib") "; fi
done
printf '%-52s %s s (min / median / max)\n' "clean debug build, cloud-images" "$(echo $libs | stats)"
printf '%-52s %s s (min / median / max)\n' "clean debug build, bare ureq + serde_json crate" "$(echo $bares | stats)"
printf '%-52s %8.2f\n' "ratio of the medians, cloud-images / bare" \
  "$(echo "$(echo $libs | median) / $(echo $bares | median)" | bc -l)"
printf '%-52s %8d\n' "runtime crates (cargo tree -e normal), cloud-images" "$(( $(count "$work/lib") - 1 ))"
printf '%-52s %8d\n' "runtime crates (cargo tree -e normal), bare" "$(( $(count "$work/bare") - 1 ))"
