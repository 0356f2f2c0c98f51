#!/usr/bin/env python3
"""The drill's webhook receiver: records every notification Alertmanager sends, with the moment it arrived.

    webhook.py ADDRESS PORT RECORD_FILE

Each POST body (Alertmanager's webhook JSON) is appended to RECORD_FILE as one line,
{"receivedAt": <unix seconds>, "path": "/alerts", "payload": {...}}, and answered 200. GET /healthz answers 200.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    address, port, record = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    lock = threading.Lock()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            received_at = time.time()
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                payload = json.loads(body)
            except ValueError:
                self.send_error(400, "not JSON")
                return
            line = json.dumps({"receivedAt": received_at, "path": self.path, "payload": payload})
            with lock, open(record, "a", encoding="utf-8") as out:
                out.write(line + "\n")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self):
            self.send_response(200 if self.path == "/healthz" else 404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, fmt, *args):
            pass  # the record file is the log

    ThreadingHTTPServer((address, port), Receiver).serve_forever()


if __name__ == "__main__":
    main()
