#!/usr/bin/env sh
# Soak: uxprobe serve with fast intervals, half its journeys against a healthy page and half against a target that
# rotates through faults (reset, empty reply, garbage, slow headers, 500, error page, redirect loop, good page).
# Reports RSS, threads, fds and series at the start and every minute; all should stay flat. Not part of CI.
#   bench/soak.sh            # 10 minutes, 50 journeys at 1 s (25 healthy, 25 failing)
#   MINUTES=30 JOURNEYS=100 HEALTHY=0 bench/soak.sh
. "$(dirname "$0")/lib.sh"
MINUTES=${MINUTES:-10}
JOURNEYS=${JOURNEYS:-50}
HEALTHY=${HEALTHY:-$((JOURNEYS / 2))}   # journeys against /ok; the rest against /fault
start_target
"$root/uxprobe" --version > /dev/null   # builds the jar if needed
{
  echo "defaults: { interval: 1s, timeout: 900ms, stepTimeout: 900ms }"
  echo "journeys:"
  i=0
  while [ $i -lt "$JOURNEYS" ]; do
    path=fault; [ $i -lt "$HEALTHY" ] && path=ok
    printf '  - name: j%03d\n    steps:\n      - name: page\n        request: { url: "http://127.0.0.1:%s/%s" }\n' $i "$target_port" $path
    i=$((i + 1))
  done
} > "$work/soak.yaml"
port=$(free_port)
"$root/uxprobe" serve "$work/soak.yaml" --listen "127.0.0.1:$port" --no-watch 2> /dev/null &
ux=$!; pids="$pids $ux"
metrics="http://127.0.0.1:$port/metrics"
wait_http "http://127.0.0.1:$port/-/ready"
sleep 30   # warm-up: JIT, first runs, every series created
report() {
  printf '%-6s rss %6.1f MiB  threads %3d  fds %4d  series %6d  runs %8d  failures %8d\n' "$1" \
    "$(echo "$(rss_kib $ux)" | awk '{print $1/1024}')" "$(threads $ux)" "$(fds $ux)" "$(series "$metrics")" \
    "$(runs_total "$metrics")" "$(curl -fs "$metrics" | awk '/^uxprobe_journey_runs_total\{.*result="failure"/ {s += $NF} END {printf "%d", s}')"
}
echo "soak: $JOURNEYS journeys at 1 s ($HEALTHY against a healthy page, the rest against rotating faults), $MINUTES min, $(nproc) cpus, $(date -u +%FT%TZ)"
report start
m=1
while [ $m -le "$MINUTES" ]; do
  sleep 60
  kill -0 $ux 2> /dev/null || { echo "serve died" >&2; exit 1; }
  report "${m}m"
  m=$((m + 1))
done
curl -fs "http://127.0.0.1:$port/-/healthy" > /dev/null && echo "healthy at the end"
echo "failures by reason:"
curl -fs "$metrics" | sed -n 's/^uxprobe_step_failures_total{.*reason="\([a-z_]*\)".*} \([0-9.e+]*\)$/\1 \2/p' \
  | awk '{s[$1] += $2} END {for (r in s) if (s[r] > 0) printf "  %-14s %d\n", r, s[r]}' | sort
