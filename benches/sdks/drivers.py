"""The Python SDKs' side of benches/sdks/run.sh: one task per process, timed around the work only
(imports and client construction excluded); prints {"n": .., "seconds": ..}.

    python drivers.py TASK URL [ARG]

TASK: linode_api4-list [PAGE_SIZE] | linode_api4-get [CALLS] | linode_api4-upload FILE
      | pydo-list [PER_PAGE] | pydo-get [CALLS]
"""

import json
import sys
import time

# azure-core (under pydo) refuses to send a bearer token over plain http unless told, per call:
# the stand-in server is plain http on 127.0.0.1.
PLAIN_HTTP = {"enforce_https": False}


def main():
    task, url = sys.argv[1], sys.argv[2]
    arg = sys.argv[3] if len(sys.argv) > 3 else ""
    number = int(arg) if arg.isdigit() else None
    if task.startswith("linode_api4-"):
        from linode_api4 import Image, LinodeClient

        client = LinodeClient("bench-token", base_url=url + "/v4", page_size=number if task.endswith("-list") else None)
    else:
        import pydo

        client = pydo.Client(token="bench-token", endpoint=url)
    start = time.perf_counter()
    n = 0
    if task == "linode_api4-list":
        for image in client.images():
            n += 1
    elif task == "linode_api4-get":
        for i in range(number or 1000):
            client.load(Image, f"private/{1_000_000 + i}")
            n += 1
    elif task == "linode_api4-upload":
        with open(arg, "rb") as f:
            client.images.upload("bench", "us-east", f)
        n = 1
    elif task == "pydo-list":
        # pydo has no paginator: follow links.pages.next, as its documentation shows.
        page = 1
        while True:
            kwargs = {"per_page": number} if number else {}
            kwargs.update(PLAIN_HTTP)
            resp = client.images.list(page=page, **kwargs)
            n += len(resp["images"])
            if not resp.get("links", {}).get("pages", {}).get("next"):
                break
            page += 1
    elif task == "pydo-get":
        for i in range(number or 1000):
            client.images.get(100_000_000 + i, **PLAIN_HTTP)
            n += 1
    else:
        raise SystemExit(f"unknown task {task}")
    print(json.dumps({"n": n, "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
