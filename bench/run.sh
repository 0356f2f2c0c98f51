#!/usr/bin/env sh
# The benchmarks of docs/benchmarks.md, side by side with prometheus-blackbox-exporter and curl, in one run.
# Everything runs on loopback. Needs: JDK 25, python3, curl, hyperfine, prometheus-blackbox-exporter, GNU time.
#   bench/run.sh                 # all rows, about 19 minutes
#   WINDOW=60 WARMUP=600 FIRST=300 bench/run.sh
# Prints the table and writes it to bench/results/latest.md (raw figures next to it).
. "$(dirname "$0")/lib.sh"
WARMUP=${WARMUP:-600}    # seconds before the steady window opens (C2 done compiling, the heap past its first full GC)
FIRST=${FIRST:-300}      # the first seconds, reported as a row of their own: warm-up is not hidden
WINDOW=${WINDOW:-60}     # seconds of each measured window
COUNT=${COUNT:-15}       # probes per injected delay
SCALE_N=${SCALE_N:-334}  # journeys at 1 s for the scale row (334 -> 20,040 runs/min planned)
WIDE_N=${WIDE_N:-1000}   # journeys at 10 s for the many-journeys row
out="$root/bench/results"; mkdir -p "$out"
raw="$out/latest.raw"; : > "$raw"
note() { echo "$*" >&2; echo "$*" >> "$raw"; }

for tool in python3 curl hyperfine prometheus-blackbox-exporter; do
  command -v "$tool" > /dev/null || { echo "bench/run.sh needs $tool (apt-get install -y prometheus-blackbox-exporter hyperfine curl)" >&2; exit 2; }
done

start_target
base="http://127.0.0.1:$target_port"
# build if needed and make sure the AOT cache exists before anything is timed
"$root/uxprobe" check "$base/ok" > /dev/null
for _ in $(seq 120); do ls "$root"/agent/target/uxprobe-*.aot > /dev/null 2>&1 && break; sleep 0.5; done
. "$root/.mvn/jdk25.sh"
jar="$root/agent/target/uxprobe.jar"

bb_port=$(free_port)
prometheus-blackbox-exporter --config.file="$root/bench/blackbox.yml" --web.listen-address="127.0.0.1:$bb_port" --log.level=error > "$work/bb.log" 2>&1 &
bb=$!; pids="$pids $bb"
wait_http "http://127.0.0.1:$bb_port/-/healthy"

note "machine: $(nproc) cpus, $(awk '/model name/ {sub(/.*: /,""); print; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
note "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); blackbox: $(prometheus-blackbox-exporter --version 2>&1 | head -n 1)"

# --- 1 + 2: CPU per probe and RSS: serve with 50 journeys at 1 s vs blackbox driven at 50 probes/s --------------
journeys_file "$work/fifty.yaml" 50 1s "$base/ok"
ux_port=$(free_port)
"$root/uxprobe" serve "$work/fifty.yaml" --listen "127.0.0.1:$ux_port" --no-watch 2> /dev/null &
ux=$!; pids="$pids $ux"
wait_http "http://127.0.0.1:$ux_port/-/ready"
python3 "$root/bench/drive.py" rate "$bb_port" "$base/ok" 50 $((WARMUP + WINDOW)) > "$work/bb.sent" &
drv=$!; pids="$pids $drv"
ux_s0=$(cpu_ticks $ux); bb_s0=$(cpu_ticks $bb)   # the first minutes too: warm-up is not hidden
sleep "$FIRST"
ux_f1=$(cpu_ticks $ux); bb_f1=$(cpu_ticks $bb); ux_rf=$(runs_total "http://127.0.0.1:$ux_port/metrics")
sleep $((WARMUP - FIRST))
ux_c0=$(cpu_ticks $ux); bb_c0=$(cpu_ticks $bb); ux_r0=$(runs_total "http://127.0.0.1:$ux_port/metrics"); t0=$(date +%s.%N)
ux_rss=0; bb_rss=0; elapsed=0
while [ $elapsed -lt "$WINDOW" ]; do
  sleep 5; elapsed=$((elapsed + 5))
  [ $((elapsed % 15)) -eq 0 ] && curl -fs -o /dev/null "http://127.0.0.1:$ux_port/metrics"   # Prometheus' scrape
  r=$(rss_kib $ux); [ "$r" -gt "$ux_rss" ] && ux_rss=$r
  r=$(rss_kib $bb); [ "$r" -gt "$bb_rss" ] && bb_rss=$r
done
ux_c1=$(cpu_ticks $ux); bb_c1=$(cpu_ticks $bb); ux_r1=$(runs_total "http://127.0.0.1:$ux_port/metrics"); t1=$(date +%s.%N)
wait $drv || true
bb_probes=$(awk -v w="$WINDOW" -v a="$WARMUP" '{printf "%d\n", $1 * w / (w + a)}' "$work/bb.sent")   # probes in the window
bb_first=$(awk -v w="$WINDOW" -v a="$WARMUP" -v f="$FIRST" '{printf "%d\n", $1 * f / (w + a)}' "$work/bb.sent")   # and in the first seconds
ux_probes=$((ux_r1 - ux_r0))
ux_threads=$(threads $ux); ux_series=$(series "http://127.0.0.1:$ux_port/metrics")
kill $ux; wait $ux 2>/dev/null || true
ux_cpu_ms=$(echo "$ux_c0 $ux_c1 $ux_probes $ticks_per_s" | awk '{printf "%.3f", ($2-$1)/$4*1000/$3}')
bb_cpu_ms=$(echo "$bb_c0 $bb_c1 $bb_probes $ticks_per_s" | awk '{printf "%.3f", ($2-$1)/$4*1000/$3}')
ux_first_ms=$(echo "$ux_s0 $ux_f1 $ux_rf $ticks_per_s" | awk '{printf "%.3f", ($2-$1)/$4*1000/$3}')
bb_first_ms=$(echo "$bb_s0 $bb_f1 $bb_first $ticks_per_s" | awk '{printf "%.3f", ($2-$1)/$4*1000/$3}')
note "cpu: uxprobe $ux_probes probes $ux_cpu_ms ms/probe; blackbox $bb_probes probes $bb_cpu_ms ms/probe (window ${WINDOW}s, $(cat "$work/bb.sent") blackbox probes sent/failed)"
note "cpu, first ${FIRST}s: uxprobe $ux_rf probes $ux_first_ms ms/probe; blackbox $bb_first probes $bb_first_ms ms/probe"
note "rss: uxprobe max $ux_rss KiB ($ux_threads threads, $ux_series series); blackbox max $bb_rss KiB"

# --- 3: timing accuracy: reported ttfb minus injected delay ----------------------------------------------------
delays="0 10 100 1000"
{
  echo "defaults: { interval: 10m, timeout: 5m, stepTimeout: 5s }"
  echo "journeys:"
  echo "  - name: ttfb"
  echo "    steps:"
  for w in 1 2 3 4 5; do printf '      - name: warm%s\n        request: { url: "%s/delay?ms=0" }\n' $w "$base"; done
  for d in $delays; do
    i=0
    while [ $i -lt "$COUNT" ]; do
      # a fresh connection per probe, as blackbox's http prober makes: the server's path is then the same for both
      printf '      - name: d%s_%s\n        request: { url: "%s/delay?ms=%s", headers: { Connection: close } }\n' "$d" $i "$base" "$d"; i=$((i + 1))
    done
  done
} > "$work/ttfb.yaml"
"$root/uxprobe" run "$work/ttfb.yaml" --report-json "$work/ttfb.json" > /dev/null
python3 - "$work/ttfb.json" > "$work/ux.ttfb" <<'PY'
import json, sys
for s in json.load(open(sys.argv[1]))["journeys"][0]["steps"]:
    if s["name"].startswith("d"):
        d = int(s["name"][1:].split("_")[0]); print(d, s["phasesSeconds"]["ttfb"] * 1000)
PY
python3 "$root/bench/drive.py" ttfb "$bb_port" "$base" "$(echo $delays | tr ' ' ,)" "$COUNT" > "$work/bb.ttfb"
# curl's first byte (starttransfer - pretransfer) on the same target: how much of the tail is the target's own
for d in $delays; do
  i=0
  while [ $i -lt "$COUNT" ]; do
    curl -s -o /dev/null -H "Connection: close" -w "%{time_starttransfer} %{time_pretransfer}\n" "$base/delay?ms=$d" |
      awk -v d="$d" '{print d, ($1 - $2) * 1000}'
    i=$((i + 1))
  done
done > "$work/curl.ttfb"
stats() { python3 - "$1" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
err = sorted(abs(float(m) - float(d)) for d, m in rows)
q = lambda p: err[min(len(err) - 1, int(p * len(err)))]
print(f"{q(0.5):.2f} {q(0.99):.2f} {len(err)}")
PY
}
read ux_med ux_p99 ux_n <<EOS
$(stats "$work/ux.ttfb")
EOS
read bb_med bb_p99 bb_n <<EOS
$(stats "$work/bb.ttfb")
EOS
read curl_med curl_p99 curl_n <<EOS
$(stats "$work/curl.ttfb")
EOS
note "ttfb error |measured - injected| ms: uxprobe median $ux_med p99 $ux_p99 (n=$ux_n); blackbox median $bb_med p99 $bb_p99 (n=$bb_n); curl median $curl_med p99 $curl_p99 (n=$curl_n)"
for d in $delays; do
  note "  delay $d ms: uxprobe median $(awk -v d=$d '$1==d {print $2-d}' "$work/ux.ttfb" | median) ms, blackbox median $(awk -v d=$d '$1==d {print $2-d}' "$work/bb.ttfb" | median) ms, curl median $(awk -v d=$d '$1==d {print $2-d}' "$work/curl.ttfb" | median) ms"
done

# --- 4: one-off check, wall time ---------------------------------------------------------------------------------
# an HTML page and a JSON answer, interleaved in one hyperfine run
hyperfine -N --warmup 3 --runs 20 --export-json "$work/check.json" \
  "$root/uxprobe check $base/ok" "curl -s -o /dev/null $base/ok" "$root/uxprobe check $base/api" "curl -s -o /dev/null $base/api" \
  "$JAVA_HOME/bin/java -jar $jar check $base/ok" > "$work/hyperfine.txt" 2>&1
read ck_ux ck_curl ck_json ck_json_curl ck_naive <<EOS
$(python3 -c 'import json,sys; print(" ".join("%.1f" % (r["median"]*1000) for r in json.load(open(sys.argv[1]))["results"]))' "$work/check.json")
EOS
note "check median wall: ./uxprobe $ck_ux ms (JSON $ck_json); curl $ck_curl ms (JSON $ck_json_curl); plain java -jar $ck_naive ms"

# --- 5: scale: the agent's scheduler and runner at SCALE_N journeys a second, and serve itself ------------------
journeys_file "$work/one.yaml" 1 1s "$base/ok"
scale=$("$JAVA_HOME/bin/java" -Xms16m -Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$jar" "$root/bench/ScaleLag.java" \
  "$work/one.yaml" "$SCALE_N" 1000 10 "$WINDOW" 32)
note "scale (in-process scheduler + runner + metrics): $scale"
journeys_file "$work/scale.yaml" "$SCALE_N" 1s "$base/ok"
ux_port=$(free_port)
"$root/uxprobe" serve "$work/scale.yaml" --listen "127.0.0.1:$ux_port" --no-watch 2> /dev/null &
ux=$!; pids="$pids $ux"
wait_http "http://127.0.0.1:$ux_port/-/ready"
sleep 10
r0=$(runs_total "http://127.0.0.1:$ux_port/metrics"); c0=$(cpu_ticks $ux)
sleep 30
r1=$(runs_total "http://127.0.0.1:$ux_port/metrics"); c1=$(cpu_ticks $ux)
serve_rpm=$(( (r1 - r0) * 2 )); serve_rss=$(rss_kib $ux)
kill $ux; wait $ux 2>/dev/null || true
note "scale (serve, $SCALE_N journeys at 1s, 30 s window): $serve_rpm runs/min, $(echo "$c0 $c1 $ticks_per_s" | awk '{printf "%.0f", ($2-$1)/$3/30*100}')% of one cpu, rss $serve_rss KiB"

# --- 6: many journeys: WIDE_N at 10 s through the launcher, and the scheduler's lag at that load --------------------
wide=$("$JAVA_HOME/bin/java" -Xms16m -Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$jar" "$root/bench/ScaleLag.java" \
  "$work/one.yaml" "$WIDE_N" 10000 20 "$WINDOW" 32)
note "many journeys (in-process, $WIDE_N at 10 s): $wide"
journeys_file "$work/wide.yaml" "$WIDE_N" 10s "$base/ok"
ux_port=$(free_port)
"$root/uxprobe" serve "$work/wide.yaml" --listen "127.0.0.1:$ux_port" --no-watch 2> "$work/wide.err" &
ux=$!; pids="$pids $ux"
wait_http "http://127.0.0.1:$ux_port/-/ready"
sleep 30
r0=$(runs_total "http://127.0.0.1:$ux_port/metrics"); c0=$(cpu_ticks $ux); wide_rss=0; elapsed=0
while [ $elapsed -lt "$WINDOW" ] && kill -0 $ux 2> /dev/null; do
  sleep 5; elapsed=$((elapsed + 5)); r=$(rss_kib $ux 2> /dev/null || echo 0); [ "$r" -gt "$wide_rss" ] && wide_rss=$r
done
r1=$(runs_total "http://127.0.0.1:$ux_port/metrics" || echo "$r0"); c1=$(cpu_ticks $ux 2> /dev/null || echo "$c0")
wide_rpm=$(( (r1 - r0) * 60 / WINDOW )); wide_series=$(series "http://127.0.0.1:$ux_port/metrics" || echo 0)
wide_cpu=$(echo "$c0 $c1 $ticks_per_s $WINDOW" | awk '{printf "%.0f", ($2-$1)/$3/$4*100}')
wide_ms=$(echo "$c0 $c1 $ticks_per_s $r0 $r1" | awk '{printf "%.3f", ($5 > $4) ? ($2-$1)/$3*1000/($5-$4) : 0}')
kill $ux; wait $ux 2>/dev/null || true
note "many journeys (serve, $WIDE_N at 10 s, ${WINDOW} s window): $wide_rpm runs/min, $wide_cpu% of one cpu ($wide_ms ms/probe), rss max $wide_rss KiB, $wide_series series$(grep -q OutOfMemory "$work/wide.err" && echo ', OUT OF MEMORY')"
note "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the table ---------------------------------------------------------------------------------------------------
scale_rpm=$(echo "$scale" | sed -n 's/.*runs_per_min=\([0-9]*\).*/\1/p'); scale_p99=$(echo "$scale" | sed -n 's/.*lag_p99_ms=\([0-9.]*\).*/\1/p')
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
{
  echo "| target | goal | uxprobe | anchor (same run) | ratio | met |"
  echo "|---|---|---|---|---|---|"
  echo "| CPU per HTTP probe, serve, fresh connection, /metrics every 15 s | <= 0.5x blackbox | $ux_cpu_ms ms | blackbox $bb_cpu_ms ms | $(ratio "$ux_cpu_ms" "$bb_cpu_ms") | $(awk -v a="$ux_cpu_ms" -v b="$bb_cpu_ms" 'BEGIN {print (a <= 0.5*b) ? "yes" : "no"}') |"
  echo "| CPU per HTTP probe, serve, first $((FIRST / 60)) minutes | (reported) | $ux_first_ms ms | blackbox $bb_first_ms ms | $(ratio "$ux_first_ms" "$bb_first_ms") | — |"
  echo "| RSS of serve, 50 journeys at 1 s (max over the window) | <= 80 MiB | $(awk -v k=$ux_rss 'BEGIN {printf "%.1f MiB", k/1024}') | blackbox $(awk -v k=$bb_rss 'BEGIN {printf "%.1f MiB", k/1024}') | $(ratio "$ux_rss" "$bb_rss") | $(awk -v k=$ux_rss 'BEGIN {print (k <= 81920) ? "yes" : "no"}') |"
  echo "| ttfb minus injected delay (0/10/100/1000 ms), median | <= 1 ms, <= blackbox | $ux_med ms | blackbox $bb_med ms (curl $curl_med) | $(ratio "$ux_med" "$bb_med") | $(awk -v a=$ux_med -v b=$bb_med 'BEGIN {print (a <= 1 && a <= b + 0.05) ? "yes" : "no"}') |"
  echo "| ttfb minus injected delay, p99 | <= 3 ms, <= blackbox | $ux_p99 ms | blackbox $bb_p99 ms (curl $curl_p99) | $(ratio "$ux_p99" "$bb_p99") | $(awk -v a=$ux_p99 -v b=$bb_p99 'BEGIN {print (a <= 3 && a <= b + 0.05) ? "yes" : "no"}') |"
  echo "| one-off check on loopback, HTML page, median wall | <= 120 ms | $ck_ux ms | curl $ck_curl ms | $(ratio "$ck_ux" "$ck_curl") | $(awk -v a=$ck_ux 'BEGIN {print (a <= 120) ? "yes" : "no"}') |"
  echo "| one-off check on loopback, JSON answer, median wall | <= 120 ms | $ck_json ms | curl $ck_json_curl ms | $(ratio "$ck_json" "$ck_json_curl") | $(awk -v a=$ck_json 'BEGIN {print (a <= 120) ? "yes" : "no"}') |"
  echo "| scale: runs/min on $(nproc) cores, scheduling lag p99 | >= 20,000/min, p99 < 100 ms | $scale_rpm/min, lag p99 $scale_p99 ms (serve: $serve_rpm/min) | — | — | $(awk -v r=$scale_rpm -v l=$scale_p99 'BEGIN {print (r >= 20000 && l < 100) ? "yes" : "no"}') |"
  wide_p99=$(echo "$wide" | sed -n 's/.*lag_p99_ms=\([0-9.]*\).*/\1/p')
  echo "| $WIDE_N journeys at 10 s: serve's RSS and CPU, scheduling lag p99 | (reported), p99 < 100 ms | $(awk -v k=$wide_rss 'BEGIN {printf "%.1f MiB", k/1024}'), $wide_cpu % of a core, $wide_rpm runs/min, lag p99 $wide_p99 ms | — | — | $(awk -v l=$wide_p99 'BEGIN {print (l < 100) ? "yes" : "no"}') |"
} > "$out/latest.md"
cat "$out/latest.md"
