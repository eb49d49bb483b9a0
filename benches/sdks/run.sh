#!/usr/bin/env bash
# The crate side by side with the official SDKs, on one local stand-in server (issue 14, item 4):
# Python linode_api4, linode-cli and pydo (from PyPI, in a virtual environment) and Go godo
# (Debian's package, built in GOPATH mode: no Go module proxy needed), against the crate.
# Prints one Markdown table per task and writes them to target/sdks/results.md.
#
# Usage: bash benches/sdks/run.sh [REPETITIONS]      (default 3; about 10 minutes)
#
# It downloads packages (pip, apt-get), so it is not part of `cargo test` or .ci/run. It keeps
# its virtual environment, Go build cache and 1 GiB test file in target/sdks/ between runs
# (SDKS_WORK=DIR to put them elsewhere; delete the folder to start again).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
reps=${1:-3}
work=${SDKS_WORK:-$root/target/sdks}
mkdir -p "$work"

# Python: the SDKs from PyPI, installed once (their versions are printed with the results).
if [ ! -x "$work/venv/bin/linode-cli" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q linode_api4 linode-cli pydo
fi

# Go: Debian's godo, built without modules.
if ! dpkg -s golang-go golang-github-digitalocean-godo-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go golang-github-digitalocean-godo-dev
fi
(cd "$root/benches/sdks/godo" &&
  GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" go build -o "$work/godo-bench" main.go)

# Rust: the crate's side and the stand-in server (release build).
bin=$(cd "$root" && cargo bench --bench sdks --no-run --message-format=json 2>/dev/null |
  sed -n 's/.*"executable":"\([^"]*\/sdks-[^"]*\)".*/\1/p' | tail -1)
[ -x "$bin" ] || { echo "could not build the sdks bench binary" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

"$work/venv/bin/python" "$root/benches/sdks/run.py" --rust "$bin" --godo "$work/godo-bench" \
  --python "$work/venv/bin/python" --cli "$work/venv/bin/linode-cli" --work "$work" --reps "$reps"
