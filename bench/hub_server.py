#!/usr/bin/env python3
"""A local stand-in for the Hugging Face Hub's /api/models listing, for bench/hub_sync_bench.sh.

    bench/hub_server.py RECORDS.jsonl PORT [--page 1000]

Serves the records of a JSON Lines file as the Hub pages them: GET /api/models answers a
JSON array of the first page, with a Link header (rel="next") to the next one
(/api/models?cursor=N); the last page has none. Counts the pages it served in
GET /served (plain text), so that a benchmark can see where a resumed sync started.
"""
import http.server
import sys
import threading
import urllib.parse


def main():
    path, port = sys.argv[1], int(sys.argv[2])
    size = int(sys.argv[sys.argv.index("--page") + 1]) if "--page" in sys.argv else 1000
    with open(path, "rb") as f:
        lines = [line.rstrip(b"\n") for line in f if line.strip()]
    pages = [b"[" + b",".join(lines[i:i + size]) + b"]" for i in range(0, len(lines), size)]
    served = []
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            if url.path == "/served":
                with lock:
                    body = ("%d %s\n" % (len(served), " ".join(map(str, served[:3])))).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if url.path != "/api/models":
                self.send_error(404)
                return
            query = urllib.parse.parse_qs(url.query)
            n = int(query.get("cursor", ["0"])[0])
            if n < 0 or n >= len(pages):
                self.send_error(404)
                return
            with lock:
                served.append(n)
            body = pages[n]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            if n + 1 < len(pages):
                self.send_header("Link", '<http://127.0.0.1:%d/api/models?cursor=%d>; rel="next"' % (port, n + 1))
            self.end_headers()
            self.wfile.write(body)

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
