#!/usr/bin/env sh
# The browser-library comparison of docs/benchmarks.md: Playwright for Java and Selenium 4 (WebDriver BiDi, Debian's
# chromedriver) play the same three-action journey (fill, click, wait for text) against a page on loopback, a fresh
# context per journey, Debian's Chromium for both. Prints time per journey, memory of the JVM plus every process it
# started (PSS: shared pages counted once), and what each library adds to the jar.
#   bench/browser-libs.sh            # RUNS=30 journeys each after 5 warm-up ones; about 2 minutes
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk25.sh"
RUNS=${RUNS:-30}
dir="$root/bench/browser-libs"
"$root/mvnw" -B -q -f "$dir/pom.xml" package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
cp="$dir/target/classes:$(cat "$dir/target/cp.txt")"
for journey in SeleniumJourney PlaywrightJourney; do
  "$JAVA_HOME/bin/java" -cp "$cp" "bench.$journey" "$RUNS" 2>/dev/null | grep journeys
done
size() { # the jars of a library, compressed as they would go into the shaded jar
  tr ':' '\n' < "$dir/target/cp.txt" | grep -E "$1" | xargs stat -c %s | awk '{s += $1} END {printf "%.1f MiB", s / 1048576}'
}
echo "jar: selenium $(size 'selenium|guava|failureaccess|byte-buddy|opentelemetry|jspecify|j2objc|jetbrains|listenablefuture'),"\
  "without selenium-manager (never run: uxprobe gives the driver and browser paths) $(size 'selenium-(api|chrome|chromium|http|json|os|remote)|guava|failureaccess|byte-buddy|opentelemetry|jspecify|j2objc|jetbrains|listenablefuture');"\
  "playwright $(size 'playwright|gson|opentest4j|error_prone') (Node.js for five platforms in driver-bundle)"
