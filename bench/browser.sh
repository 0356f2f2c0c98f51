#!/usr/bin/env sh
# Browser journeys in serve (docs/benchmarks.md, docs/deploy.md): the demo's web player played in headless Chromium,
# the same journey loaded PAGES x 2 times at an 8 s interval so that PAGES pages are open most of the time.
# Reports the time per journey and per step (from /metrics), and the memory of the agent and of its browser (PSS of
# the JVM, of chromedriver + Chromium's processes), sampled every 2 s over the window. Needs chromium, chromium-driver.
#   bench/browser.sh                 # pages 1 and 2, 60 s windows, about 3 minutes
#   PAGES="1 2 4" WINDOW=120 bench/browser.sh
. "$(dirname "$0")/lib.sh"
PAGES=${PAGES:-"1 2"}
WINDOW=${WINDOW:-60}
"$root/uxprobe" --version > /dev/null   # builds the jar if needed
. "$root/.mvn/jdk25.sh"
jar="$root/agent/target/uxprobe.jar"
demo_port=$(free_port)
"$JAVA_HOME/bin/java" -jar "$jar" demo --service-only --regions "eu-west=$demo_port" > "$work/demo.log" 2>&1 &
pids="$pids $!"
wait_http "http://127.0.0.1:$demo_port/healthz"
pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
tree_pss() { # PSS of every descendant of $1 (chromedriver and Chromium), KiB
  s=0; for c in $(pgrep -P "$1"); do s=$((s + $(pss_kib "$c") + $(tree_pss "$c"))); done; echo $s
}
metric() { curl -fs "$1" | awk -v m="$2" 'index($0, m) == 1 {s += $NF} END {printf "%.4f", s}'; }
echo "browser journeys: the demo player (open, wait for the shelf, search, wait, expect), $(nproc) cpus, $(date -u +%FT%TZ)"
for pages in $PAGES; do
  n=$((pages * 2))
  file="$work/player-$pages.yaml"
  { echo "vars: { base: http://127.0.0.1:$demo_port, query: jazz }"
    echo "defaults: { interval: 8s, timeout: 8s, stepTimeout: 8s }"
    echo "errorSignatures: [ { id: try_again, text: \"Something went wrong. Try again.\" } ]"
    echo "journeys:"
    i=1; while [ $i -le $n ]; do
      echo "  - name: player$i"
      echo "    steps:"
      echo "      - name: play"
      echo "        browser:"
      echo "          open: \"\${base}/player\""
      echo "          actions:"
      echo "            - waitFor: { selector: \"#shelf-tracks li\" }"
      echo "            - fill: \"#q\""
      echo "              value: \"\${query}\""
      echo "            - press: Enter"
      echo "            - waitFor: { text: \"tracks for\" }"
      echo "            - expectText: \"Blue Hour Walk\""
      i=$((i + 1))
    done; } > "$file"
  port=$(free_port)
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx64m -jar "$jar" serve "$file" --listen "127.0.0.1:$port" --no-watch --max-pages "$pages" \
    2> "$work/serve-$pages.log" &
  ux=$!
  metrics="http://127.0.0.1:$port/metrics"
  wait_http "http://127.0.0.1:$port/-/ready"
  sleep 20   # warm-up
  c0=$(metric "$metrics" uxprobe_journey_duration_seconds_count); s0=$(metric "$metrics" uxprobe_journey_duration_seconds_sum)
  f0=$(metric "$metrics" 'uxprobe_journey_runs_total{journey="player1",region="default",result="failure"') 
  max_jvm=0; max_browser=0; t=0
  while [ $t -lt "$WINDOW" ]; do
    j=$(pss_kib $ux); b=$(tree_pss $ux)
    [ "$j" -gt "$max_jvm" ] && max_jvm=$j; [ "$b" -gt "$max_browser" ] && max_browser=$b
    sleep 2; t=$((t + 2))
  done
  c1=$(metric "$metrics" uxprobe_journey_duration_seconds_count); s1=$(metric "$metrics" uxprobe_journey_duration_seconds_sum)
  procs=$(pgrep -P "$ux" | wc -l)
  vit() { curl -fs "$metrics" | awk -v v="vital=\"$1\"" 'index($0, v) && /^uxprobe_browser_vitals_seconds_sum/ {s += $NF}
      index($0, v) && /^uxprobe_browser_vitals_seconds_count/ {c += $NF} END {printf "%.0f ms", (c > 0 ? s / c * 1000 : 0)}'; }
  failures=$(curl -fs "$metrics" | awk '/^uxprobe_journey_runs_total\{.*result="failure"/ {s += $NF} END {printf "%d", s}')
  printf 'max-pages %d, %d journeys at 8 s: %s runs in %d s, mean journey %.2f s; peak PSS: JVM %.0f MiB, browser %.0f MiB (%d processes under the agent); mean vitals: ttfb %s, fcp %s, lcp %s, inp %s; failed runs since start %s\n' \
    "$pages" "$n" "$(awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%d", b - a}')" "$WINDOW" \
    "$(awk -v a="$c0" -v b="$c1" -v x="$s0" -v y="$s1" 'BEGIN {print (b > a) ? (y - x) / (b - a) : 0}')" \
    "$(awk -v k="$max_jvm" 'BEGIN {print k / 1024}')" "$(awk -v k="$max_browser" 'BEGIN {print k / 1024}')" "$procs" \
    "$(vit ttfb)" "$(vit fcp)" "$(vit lcp)" "$(vit inp)" "$failures"
  kill $ux; wait $ux 2>/dev/null || true
  left=$(pgrep -f "user-data-dir=/tmp/uxprobe-chromium-" | wc -l || true)
  echo "  after SIGTERM: $left Chromium processes left"
done
