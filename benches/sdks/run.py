"""Runs the side-by-side of benches/sdks/run.sh (which installs and builds everything first) and
prints one Markdown table per task. Standard library only.

    python3 run.py --rust SDKS_BIN --godo GODO_BIN --python VENV_PYTHON --cli LINODE_CLI
                   --work DIR [--reps 3]

Every task runs its sides REPS times, in an order rotated each repetition (so load on this shared
2-core machine falls on every side alike); each run is a fresh process under /usr/bin/time, whose
peak RSS is kept. Times are measured by each driver around its work only (imports and client
set-up excluded), except uploads, whose throughput is measured by the server from the first to
the last byte of the PUT body.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
GIB = 1 << 30


def main():
    ap = argparse.ArgumentParser()
    for name in ("rust", "godo", "python", "cli", "work"):
        ap.add_argument("--" + name, required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--upload-mib", type=int, default=1024)
    args = ap.parse_args()
    port_file = os.path.join(args.work, "port")
    if os.path.exists(port_file):
        os.remove(port_file)
    server = subprocess.Popen([args.rust, "serve", port_file])
    try:
        for _ in range(100):
            if os.path.exists(port_file) and open(port_file).read():
                break
            time.sleep(0.05)
        port = open(port_file).read().strip()
        Bench(args, port).run_all()
    finally:
        server.kill()


class Bench:
    def __init__(self, args, port):
        self.a = args
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.out = []

    # -- plumbing -----------------------------------------------------------------------------

    def control(self, what):
        with urllib.request.urlopen(f"{self.url}/_bench/{what}") as resp:
            return json.loads(resp.read())

    def rust(self, task, arg=""):
        return [self.a.rust, "rust", task, self.url] + ([arg] if arg else [])

    def py(self, task, arg=""):
        return [self.a.python, os.path.join(HERE, "drivers.py"), task, self.url] + ([arg] if arg else [])

    def godo(self, task, arg=""):
        return [self.a.godo, task, self.url] + ([arg] if arg else [])

    def linode_cli(self, path):
        env = {
            "LINODE_CLI_TOKEN": "bench-token",
            "LINODE_CLI_API_HOST": f"127.0.0.1:{self.port}",
            "LINODE_CLI_API_SCHEME": "http",
            "LINODE_CLI_SUPPRESS_VERSION_WARNING": "1",
        }
        return ([self.a.cli, "image-upload", "--region", "us-east", "--label", "bench", path], env)

    def once(self, argv, reset):
        """One run in a fresh process: (driver's JSON or {}, peak RSS in MiB, server stats)."""
        env = dict(os.environ)
        if isinstance(argv, tuple):
            argv, extra = argv
            env.update(extra)
        self.control("reset?" + reset)
        rss_file = os.path.join(self.a.work, "rss")
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss_file] + argv,
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        if proc.returncode != 0:
            sys.exit(f"failed: {' '.join(argv)}\n{proc.stderr[-2000:]}")
        lines = [l for l in proc.stdout.splitlines() if l.startswith("{")]
        result = json.loads(lines[-1]) if lines else {}
        rss = int(open(rss_file).read().split()[-1]) / 1024
        return result, rss, self.control("stats")

    def compare(self, sides, reset, reps=None):
        """Runs every side `reps` times, rotated; returns {name: [(result, rss, stats), ..]}."""
        reps = reps or self.a.reps
        runs = {name: [] for name, _ in sides}
        for rep in range(reps):
            for k in range(len(sides)):
                name, argv = sides[(k + rep) % len(sides)]
                runs[name].append(self.once(argv, reset))
                print(f"  {name}: {runs[name][-1][0]} rss {runs[name][-1][1]:.1f} MiB", file=sys.stderr)
        return runs

    def emit(self, text=""):
        print(text)
        self.out.append(text)

    def table(self, title, command, header, rows):
        self.emit(f"#### {title}")
        self.emit()
        self.emit(f"`{command}`")
        self.emit()
        self.emit("| " + " | ".join(header) + " |")
        self.emit("|" + "---|" * len(header))
        for row in rows:
            self.emit("| " + " | ".join(row) + " |")
        self.emit()

    # -- the tasks ----------------------------------------------------------------------------

    def run_all(self):
        cmd = "bash benches/sdks/run.sh"
        self.versions()
        path = os.path.join(self.a.work, f"image-{self.a.upload_mib}.img.gz")
        if not os.path.exists(path) or os.path.getsize(path) < self.a.upload_mib << 20:
            print(f"writing {path} ...", file=sys.stderr)
            subprocess.run(
                f"head -c {self.a.upload_mib}M /dev/urandom | gzip -1 > {path}.tmp && mv {path}.tmp {path}",
                shell=True, check=True,
            )
        self.server_check(path)
        self.listing_2000(cmd)
        self.gets(cmd)
        self.upload(cmd, path)
        self.listing_100k(cmd)
        with open(os.path.join(self.a.work, "results.md"), "w") as f:
            f.write("\n".join(self.out) + "\n")

    def versions(self):
        pkgs = ["linode_api4", "linode-cli", "pydo", "requests", "azure-core"]
        out = subprocess.run(
            [self.a.python, "-m", "pip", "list", "--format=json"], stdout=subprocess.PIPE, text=True
        ).stdout
        installed = {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(out)}
        shown = [f"{p} {installed.get(p.lower().replace('_', '-'), '?')}" for p in pkgs]
        godo = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "golang-github-digitalocean-godo-dev"],
            stdout=subprocess.PIPE, text=True,
        ).stdout
        go = subprocess.run(["go", "version"], stdout=subprocess.PIPE, text=True).stdout.strip()
        rustc = subprocess.run(["rustc", "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
        py = subprocess.run([self.a.python, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
        self.emit(f"Versions: {', '.join(shown)} ({py}); godo {godo} (Debian, {go}); {rustc}; "
                  f"{self.a.reps} repetitions, {os.cpu_count()} cores.")
        self.emit()

    def server_check(self, path):
        proc = subprocess.run([self.a.rust, "check", self.url, path], stdout=subprocess.PIPE, text=True, check=True)
        c = json.loads(proc.stdout.strip().splitlines()[-1])
        self.emit(
            f"The stand-in server is not the bottleneck: its own CPU time is {c['get_cpu_us']:.0f} µs per get, "
            f"{c['image_cpu_us']:.2f} µs per listed image and {c['put_mib_per_cpu_s']:,} MiB per CPU-second "
            f"of upload (with a raw ureq client that does not decode: {c['gets_per_s']:,} gets/s, "
            f"{c['listed_per_s']:,} listed images/s, a {self.a.upload_mib} MiB PUT at {c['put_mib_per_s']:,} MiB/s)."
        )
        self.emit()

    def listing_2000(self, cmd):
        reset = "delay_ms=50&images=2000"
        for provider, sides in (
            ("Linode", [
                ("cloud-images (default)", self.rust("linode-list")),
                ("cloud-images `.page_size(500)`", self.rust("linode-list", "500")),
                ("linode_api4 (default)", self.py("linode_api4-list")),
                ("linode_api4 `page_size=500`", self.py("linode_api4-list", "500")),
            ]),
            ("DigitalOcean", [
                ("cloud-images (default)", self.rust("do-list")),
                ("cloud-images `.per_page(200)`", self.rust("do-list", "200")),
                ("pydo (default)", self.py("pydo-list")),
                ("pydo `per_page=200`", self.py("pydo-list", "200")),
                ("godo (default)", self.godo("list")),
                ("godo `PerPage: 200`", self.godo("list", "200")),
            ]),
        ):
            runs = self.compare(sides, reset)
            base = med([r[0]["seconds"] for r in runs[sides[0][0]]])
            rows = []
            for name, _ in sides:
                secs = [r[0]["seconds"] for r in runs[name]]
                stats = runs[name][-1][2]
                assert all(r[0]["n"] == 2000 for r in runs[name]), name
                sizes = ", ".join("not sent" if s is None else str(s) for s in stats["page_sizes"])
                rows.append([name, str(stats["requests"]), sizes, mmm(secs, "{:.2f}"), f"{med(secs) / base:.2f}"])
            self.table(
                f"{provider}: listing 2,000 images, the server sleeping 50 ms per request",
                cmd,
                ["client", "requests", "page size sent", "seconds min / median / max", "time / cloud-images default"],
                rows,
            )

    def gets(self, cmd):
        for provider, sides in (
            ("Linode", [
                ("cloud-images", self.rust("linode-get", "1000")),
                ("linode_api4 `client.load(Image, id)`", self.py("linode_api4-get", "1000")),
            ]),
            ("DigitalOcean", [
                ("cloud-images", self.rust("do-get", "1000")),
                ("pydo `images.get(id)`", self.py("pydo-get", "1000")),
                ("godo `Images.GetByID`", self.godo("get", "1000")),
            ]),
        ):
            runs = self.compare(sides, "images=2000")
            per_call = {n: [r[0]["seconds"] * 1e6 / r[0]["n"] for r in runs[n]] for n, _ in sides}
            base = med(per_call[sides[0][0]])
            rows = [
                [name, mmm(per_call[name], "{:,.0f}"), f"{med(per_call[name]) / base:.1f}",
                 f"{med([r[1] for r in runs[name]]):.1f}"]
                for name, _ in sides
            ]
            self.table(
                f"{provider}: 1,000 gets, one after another (no delay)",
                cmd,
                ["client", "µs per call min / median / max", "time / cloud-images", "peak RSS, MiB (median)"],
                rows,
            )

    def upload(self, cmd, path):
        size = os.path.getsize(path)
        sides = [
            ("cloud-images `upload(..).file(..)`", self.rust("linode-upload", path)),
            ("linode_api4 `images.upload(..)`", self.py("linode_api4-upload", path)),
            ("linode-cli `image-upload`", self.linode_cli(path)),
            ("curl -T (to the sink only)", ["curl", "-sS", "-o", "/dev/null", "-T", path,
                                            f"{self.url}/upload/bucket/curl"]),
        ]
        # Uploads take a second each and are the noisiest figure on a shared machine: 3x the rounds.
        runs = self.compare(sides, "images=2000", reps=3 * self.a.reps)
        mibs = {n: [size / (1 << 20) / r[2]["put"]["seconds"] for r in runs[n]] for n, _ in sides}
        base = med(mibs[sides[0][0]])
        rows = []
        for name, _ in sides:
            assert all(r[2]["put"]["bytes"] == size for r in runs[name]), name
            rss = [r[1] for r in runs[name]]
            rows.append([name, mmm(mibs[name], "{:,.0f}"), f"{med(mibs[name]) / base:.2f}", mmm(rss, "{:.1f}")])
        self.table(
            f"Linode: uploading a {size / GIB:.2f} GiB gzip file to a local sink ({3 * self.a.reps} rounds)",
            cmd,
            ["client", "MiB/s of the PUT min / median / max", "throughput / cloud-images", "peak RSS, MiB, min / median / max"],
            rows,
        )
        self.emit("Headers each client sent to `upload_to` (in its order):")
        self.emit()
        for name, _ in sides[:3]:
            headers = "; ".join(f"{k}: {v}" for k, v in runs[name][-1][2]["put"]["headers"])
            self.emit(f"- {name}: `{headers}`")
        self.emit()

    def listing_100k(self, cmd):
        reset = "images=100000"
        for provider, sides in (
            ("Linode", [
                ("cloud-images (default: 500)", self.rust("linode-list")),
                ("linode_api4 `page_size=500`", self.py("linode_api4-list", "500")),
            ]),
            ("DigitalOcean", [
                ("cloud-images (default: 200)", self.rust("do-list")),
                ("pydo `per_page=200`", self.py("pydo-list", "200")),
                ("godo `PerPage: 200`", self.godo("list", "200")),
            ]),
        ):
            runs = self.compare(sides, reset)
            rows = []
            base_rss = med([r[1] for r in runs[sides[0][0]]])
            base_t = med([r[0]["seconds"] for r in runs[sides[0][0]]])
            for name, _ in sides:
                assert all(r[0]["n"] == 100000 for r in runs[name]), name
                rss = [r[1] for r in runs[name]]
                secs = [r[0]["seconds"] for r in runs[name]]
                rows.append([name, mmm(rss, "{:.1f}"), f"{med(rss) / base_rss:.1f}",
                             mmm(secs, "{:.2f}"), f"{med(secs) / base_t:.1f}"])
            self.table(
                f"{provider}: listing 100,000 images (largest pages, no delay)",
                cmd,
                ["client", "peak RSS, MiB, min / median / max", "RSS / cloud-images", "seconds min / median / max", "time / cloud-images"],
                rows,
            )


def med(xs):
    return statistics.median(xs)


def mmm(xs, fmt):
    return " / ".join(fmt.format(x) for x in (min(xs), med(xs), max(xs)))


if __name__ == "__main__":
    main()
