#!/usr/bin/env python3
"""The loopback target every benchmark probes: uxprobe and blackbox_exporter see the same server.

GET /ok            200, a small HTML page
GET /api           200, a small JSON answer (a token, a list of items, an empty error field)
GET /delay?ms=N    200 after sleeping N ms before the first response byte (the injected delay)
GET /fault?n=K     rotates through faults by K (used by soak.sh): reset, empty reply, garbage, slow headers,
                   500 with an error page, 200 with "Something went wrong", a redirect loop, a good page
"""
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PAGE = b"<!doctype html><html><head><title>ok</title></head><body><h1>Welcome</h1><p>All good.</p></body></html>\n"
API = b'{"token": "t-1", "items": [{"id": 1, "title": "First"}, {"id": 2, "title": "Second"}], "error": null}\n'
ERROR_PAGE = b"<html><body><p>Something went wrong. Try again.</p></body></html>\n"
counter = [0]
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: benchmarks must not pay for logging
        pass

    def send_page(self, code, body, extra=(), kind="text/html; charset=utf-8"):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        q = parse_qs(url.query)
        if url.path == "/ok":
            self.send_page(200, PAGE)
        elif url.path == "/api":
            self.send_page(200, API, kind="application/json")
        elif url.path == "/delay":
            ms = float(q.get("ms", ["0"])[0])
            # sleep to a deadline taken when the request was parsed: the delay is what the server adds
            end = time.perf_counter() + ms / 1000.0
            while True:
                left = end - time.perf_counter()
                if left <= 0:
                    break
                time.sleep(left if left > 0.002 else 0.0002)
            self.send_page(200, PAGE)
        elif url.path.startswith("/fault"):
            with lock:
                counter[0] += 1
                k = counter[0]
            self.fault(k % 8, url.path)
        else:
            self.send_page(404, b"not found\n")

    def fault(self, k, path):
        s = self.connection
        if k == 0:  # reset
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            s.close()
            self.close_connection = True
        elif k == 1:  # empty reply
            s.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
        elif k == 2:  # garbage then close
            s.sendall(b"\x00\x17garbage\xff\xfe not http\r\n\r\n")
            s.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
        elif k == 3:  # slow headers: longer than the journey's step timeout
            time.sleep(1.5)
            self.send_page(200, PAGE)
        elif k == 4:
            self.send_page(500, b"<html><body><h1>Internal Server Error</h1></body></html>\n")
        elif k == 5:
            self.send_page(200, ERROR_PAGE)
        elif k == 6:  # redirect to itself
            self.send_response(302)
            self.send_header("Location", path + "?loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_page(200, PAGE)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512

    def handle_error(self, request, client_address):  # a probe that hung up first is the point of a fault
        pass


if __name__ == "__main__":
    server = Server(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
    print(server.server_address[1], flush=True)  # the port, for the script that started us
    server.serve_forever()
