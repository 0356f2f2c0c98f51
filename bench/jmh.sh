#!/usr/bin/env sh
# JMH microbenchmarks of the probes' in-process hot paths (bench/jmh): error detection, phase timing, one journey run.
#   bench/jmh.sh                    # every benchmark, about 2 minutes (build included), with -prof gc (B/op)
#   bench/jmh.sh Journey            # only those whose name matches a regex; any JMH option may follow
#   QUICK=1 bench/jmh.sh            # one 1 s iteration each: checks they run, measures nothing
# Builds bench/jmh/target/benchmarks.jar (-Pbenchmarks: `./mvnw verify` only compiles the module), prints JMH's
# table, and writes bench/results/jmh.json (JMH's JSON) and bench/results/jmh.txt (the machine, then the log).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/.mvn/jdk25.sh"

./mvnw -B -q -Pbenchmarks -pl bench/jmh -am package -DskipTests

out="$root/bench/results"; mkdir -p "$out"
quick=""
[ -n "${QUICK:-}" ] && quick="-f 1 -wi 1 -i 1 -w 1s -r 1s"
{
  echo "machine: $(nproc) cpus, $(awk '/model name/ {sub(/.*: /,""); print; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
} | tee "$out/jmh.txt"
# shellcheck disable=SC2086 # $quick is a list of options
{ rc=0; "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar bench/jmh/target/benchmarks.jar $quick -prof gc -rf json -rff "$out/jmh.json" "$@" || rc=$?
  echo "$rc" > "$out/jmh.rc"; } 2>&1 \
  | tee -a "$out/jmh.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/jmh.txt"
rc=$(cat "$out/jmh.rc"); rm -f "$out/jmh.rc"
exit "$rc"
