#!/usr/bin/env python3
"""Drives blackbox_exporter as Prometheus would: GET /probe?module=http_2xx&target=URL, over one kept-alive
connection, so only blackbox's own work is on its CPU clock.

drive.py rate BLACKBOX_PORT TARGET_URL PROBES_PER_SECOND SECONDS   -> prints the number of probes sent
drive.py ttfb BLACKBOX_PORT TARGET_BASE DELAYS_MS COUNT            -> prints "delay_ms measured_ms" per probe
"""
import http.client
import re
import sys
import time
from urllib.parse import quote

PROCESSING = re.compile(r'^probe_http_duration_seconds\{phase="processing"\} (\S+)$', re.M)
SUCCESS = re.compile(r'^probe_success (\S+)$', re.M)


def probe(conn, target):
    conn.request("GET", "/probe?module=http_2xx&target=" + quote(target, safe=""))
    body = conn.getresponse().read().decode()
    return body


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    if mode == "rate":
        target, rate, seconds = sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
        start = time.monotonic()
        sent = failed = 0
        while True:
            due = start + sent / rate
            now = time.monotonic()
            if due >= start + seconds:
                break
            if due > now:
                time.sleep(due - now)
            body = probe(conn, target)
            sent += 1
            if SUCCESS.search(body).group(1) != "1":
                failed += 1
        print(sent, failed)
    else:
        base, delays, count = sys.argv[3], [int(d) for d in sys.argv[4].split(",")], int(sys.argv[5])
        for _ in range(5):  # warm-up, not counted
            probe(conn, base + "/delay?ms=0")
        for d in delays:
            for _ in range(count):
                body = probe(conn, f"{base}/delay?ms={d}")
                print(d, float(PROCESSING.search(body).group(1)) * 1000)


if __name__ == "__main__":
    main()
