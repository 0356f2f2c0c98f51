# Shared by run.sh and soak.sh: processes we start, loopback ports, /proc readings.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/uxprobe-bench.XXXXXX")
pids=""
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  for p in $pids; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_target() { # sets target_port
  python3 "$root/bench/target.py" > "$work/target.port" &
  pids="$pids $!"
  for _ in $(seq 50); do [ -s "$work/target.port" ] && break; sleep 0.1; done
  target_port=$(cat "$work/target.port")
}

wait_http() { # URL: waits up to 60 s for a 200
  for _ in $(seq 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer from $1" >&2; return 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system, in clock ticks
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }
fds() { ls "/proc/$1/fd" | wc -l; }
ticks_per_s=$(getconf CLK_TCK)

runs_total() { # sum of uxprobe_journey_runs_total on /metrics at URL
  curl -fs "$1" | awk '/^uxprobe_journey_runs_total\{/ {s += $NF} END {printf "%d\n", s}'
}
series() { curl -fs "$1" | grep -vc '^#'; }

journeys_file() { # FILE N INTERVAL URL [STEP_TIMEOUT]: N one-step journeys
  {
    echo "defaults: { interval: $3, timeout: ${5:-$3}, stepTimeout: ${5:-$3} }"
    echo "journeys:"
    i=0
    while [ $i -lt "$2" ]; do
      printf '  - name: j%03d\n    steps:\n      - name: page\n        request: { url: "%s" }\n' $i "$4"
      i=$((i + 1))
    done
  } > "$1"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
